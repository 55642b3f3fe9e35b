using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DistrictMap.Tests.Plan;

/// <summary>Partner write access: keys, roles, ownership, optimistic concurrency, audit, CSV uploads.</summary>
public sealed class PlanWriteTests : IAsyncLifetime
{
    private readonly PlanFixture plan = new();

    public Task InitializeAsync() => plan.InitializeAsync();

    public Task DisposeAsync() => plan.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is string text)
        {
            request.Content = new StringContent(text, Encoding.UTF8, "text/csv");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await plan.Client.SendAsync(request);
    }

    private async Task<(JsonElement Action, string ETag)> GetActionAsync(int id)
    {
        using var response = await plan.Client.GetAsync($"/api/actions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Headers.ETag!.Tag);
    }

    private static object Body(JsonElement action, string title) => new
    {
        title,
        description = action.GetProperty("description").GetString(),
        priority = action.GetProperty("priority").GetString(),
        leadPartnerId = action.GetProperty("leadPartner").GetProperty("id").GetInt32(),
        status = action.GetProperty("status").GetString(),
        wards = action.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList(),
        districtWide = action.GetProperty("districtWide").GetBoolean(),
    };

    private async Task<long> AuditRowsAsync() => await plan.Db.CountAsync("audit_log");

    private static async Task<(int Status, string Detail)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, problem.RootElement.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Anonymous_writes_get_401_problem_details_and_reads_stay_public()
    {
        var id = await plan.ActionIdAsync("T1");
        var (action, etag) = await GetActionAsync(id);

        using var response = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", null, Body(action, "Changed"), etag);
        using var badKey = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", "dm_not-a-key", Body(action, "Changed"), etag);

        var (status, detail) = await ProblemAsync(response);
        Assert.Equal(401, status);
        Assert.Contains("API key", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
        Assert.Equal("Synthetic action one", (await GetActionAsync(id)).Action.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_partner_changing_another_partners_action_gets_403()
    {
        var id = await plan.ActionIdAsync("T1");
        var (action, etag) = await GetActionAsync(id);

        using var response = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.PartnerBKey, Body(action, "Taken over"), etag);

        Assert.Equal(403, (await ProblemAsync(response)).Status);
        Assert.Equal("Synthetic action one", (await GetActionAsync(id)).Action.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_lead_partner_and_an_admin_may_change_an_action_and_each_write_leaves_one_audit_row()
    {
        var id = await plan.ActionIdAsync("T1");
        var (action, etag) = await GetActionAsync(id);
        var audits = await AuditRowsAsync();

        using var byPartner = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.PartnerAKey, Body(action, "Changed by A"), etag);
        Assert.Equal(HttpStatusCode.OK, byPartner.StatusCode);
        var newTag = byPartner.Headers.ETag!.Tag;
        using var byAdmin = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.AdminKey, Body(action, "Changed by admin"), newTag);

        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("Changed by admin", (await GetActionAsync(id)).Action.GetProperty("title").GetString());
        Assert.Equal(audits + 2, await AuditRowsAsync());
        var last = await plan.Db.ListAsync(
            "SELECT actor, operation, entity, entity_id, before->>'title', after->>'title' FROM audit_log ORDER BY id DESC LIMIT 1",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)));
        Assert.Equal([("Test Admin (admin)", "update", "action", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Changed by A", "Changed by admin")], last);
    }

    [Fact]
    public async Task A_stale_If_Match_gets_412_and_a_missing_one_428()
    {
        var id = await plan.ActionIdAsync("T1");
        var (action, etag) = await GetActionAsync(id);
        using var first = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.PartnerAKey, Body(action, "First"), etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.PartnerAKey, Body(action, "Second"), etag);
        using var missing = await SendAsync(HttpMethod.Put, $"/api/actions/{id}", plan.PartnerAKey, Body(action, "Third"));

        Assert.Equal(412, (await ProblemAsync(stale)).Status);
        Assert.Equal(428, (await ProblemAsync(missing)).Status);
        Assert.Equal("First", (await GetActionAsync(id)).Action.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_partner_creates_actions_its_organisation_leads_only()
    {
        var audits = await AuditRowsAsync();
        using var created = await SendAsync(HttpMethod.Post, "/api/actions", plan.PartnerAKey, new { title = "New by A", priority = "people", wards = new[] { "E05999902" }, tags = new[] { "new" } });
        var partnerB = (await plan.JsonAsync("/api/partners")).GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Synthetic Partner B").GetProperty("id").GetInt32();
        using var forOther = await SendAsync(HttpMethod.Post, "/api/actions", plan.PartnerAKey, new { title = "For B", priority = "people", leadPartnerId = partnerB, wards = new[] { "E05999902" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Synthetic Partner A", body.GetProperty("leadPartner").GetProperty("name").GetString());
        Assert.Equal(created.Headers.Location!.OriginalString, $"/api/actions/{body.GetProperty("id").GetInt32()}");
        Assert.Equal(403, (await ProblemAsync(forOther)).Status);
        Assert.Equal(audits + 1, await AuditRowsAsync());
    }

    [Fact]
    public async Task Invalid_actions_get_400_listing_every_bad_field()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/actions", plan.AdminKey, new { title = "", priority = "wellbeing", wards = new[] { "E05000000" }, location = new { type = "Point", coordinates = new[] { 500.0, 51.0 } } });

        var (status, _) = await ProblemAsync(response);
        Assert.Equal(400, status);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        // No known ward names the district either.
        Assert.Equal(["district", "leadPartnerId", "location", "priority", "title", "wards"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{not json", "application/json", 400)]
    [InlineData("", "application/json", 400)]
    [InlineData("[1, 2]", "application/json", 400)]
    [InlineData("title=x", "text/plain", 415)]
    public async Task Malformed_bodies_get_problem_details(string body, string contentType, int status)
    {
        var audits = await AuditRowsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", plan.AdminKey);
        using var response = await plan.Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audits, await AuditRowsAsync());
    }

    [Fact]
    public async Task An_update_sets_the_actions_RAG_and_is_audited()
    {
        var id = await plan.ActionIdAsync("T1");
        var audits = await AuditRowsAsync();

        using var response = await SendAsync(HttpMethod.Post, $"/api/actions/{id}/updates", plan.PartnerAKey, new { quarter = "2026-Q1", rag = "red", commentary = "Slipping" });
        using var notLead = await SendAsync(HttpMethod.Post, $"/api/actions/{id}/updates", plan.PartnerBKey, new { quarter = "2026-Q1", rag = "green" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (action, _) = await GetActionAsync(id);
        Assert.Equal("red", action.GetProperty("rag").GetString());
        Assert.Equal("Slipping", action.GetProperty("updates")[0].GetProperty("commentary").GetString());
        Assert.Equal("Tester A", action.GetProperty("updates")[0].GetProperty("author").GetString());
        Assert.Equal(403, (await ProblemAsync(notLead)).Status);
        Assert.Equal(audits + 1, await AuditRowsAsync());
    }

    [Fact]
    public async Task Deleting_needs_the_current_ETag()
    {
        var id = await plan.ActionIdAsync("T2");
        var (_, etag) = await GetActionAsync(id);

        using var byOther = await SendAsync(HttpMethod.Delete, $"/api/actions/{id}", plan.PartnerAKey, ifMatch: etag);
        using var deleted = await SendAsync(HttpMethod.Delete, $"/api/actions/{id}", plan.PartnerBKey, ifMatch: etag);
        using var gone = await plan.Client.GetAsync($"/api/actions/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("delete", await plan.Db.ScalarAsync<string>("SELECT operation FROM audit_log ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task A_CSV_upload_with_one_bad_row_writes_nothing_and_names_the_row()
    {
        var values = await plan.Db.CountAsync("indicator_values");
        var audits = await AuditRowsAsync();
        const string csv = "area,period,value,target,note\nE05999901,2026-Q1,41,50,ok\nE05999902,2026-13,44,,bad period\nE05999903,2026-Q1,39,,ok\n";

        using var response = await SendAsync(HttpMethod.Post, "/api/indicators/SYN-UP/values", plan.PartnerBKey, csv);

        var (status, detail) = await ProblemAsync(response);
        Assert.Equal(400, status);
        Assert.Contains("row 2", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("row 1", detail, StringComparison.Ordinal);
        Assert.Equal(values, await plan.Db.CountAsync("indicator_values"));
        Assert.Equal(audits, await AuditRowsAsync());
    }

    [Fact]
    public async Task A_good_CSV_upload_writes_every_row_and_audits_each_value()
    {
        var audits = await AuditRowsAsync();
        const string csv = "area,period,value\nE05999901,2026-Q1,41\nE05999903,2026-Q1,39\n";

        using var response = await SendAsync(HttpMethod.Post, "/api/indicators/SYN-UP/values", plan.PartnerBKey, csv);
        using var single = await SendAsync(HttpMethod.Post, "/api/indicators/SYN-UP/values", plan.AdminKey, new { area = "E05999902", period = "2026-Q1", value = 47.5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        var values = await plan.JsonAsync("/api/indicators/SYN-UP/values?period=2026-Q1");
        Assert.Equal([("E05999901", 41.0), ("E05999902", 47.5), ("E05999903", 39.0)], values.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("area").GetString(), v.GetProperty("value").GetDouble())).OrderBy(v => v.Item1));
        Assert.Equal(audits + 3, await AuditRowsAsync());
    }

    [Fact]
    public async Task Writes_move_the_data_version_on_so_cached_reads_refresh()
    {
        using var before = await plan.Client.GetAsync("/api/actions");
        var id = await plan.ActionIdAsync("T1");

        using var update = await SendAsync(HttpMethod.Post, $"/api/actions/{id}/updates", plan.PartnerAKey, new { quarter = "2026-Q2", rag = "amber" });
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            after?.Dispose();
            after = await plan.Client.GetAsync("/api/actions");
            if (after.Headers.ETag != before.Headers.ETag)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.NotEqual(before.Headers.ETag, after!.Headers.ETag);
        after.Dispose();
    }
}
