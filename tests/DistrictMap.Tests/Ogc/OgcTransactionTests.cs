using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistrictMap.Tests.Plan;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// OGC API - Features - Part 4 on the actions collection over the synthetic plan: create, replace, update (JSON Merge
/// Patch) and delete through the same writer, keys, roles, If-Match and audit as the REST writes; Content-Crs; 405 elsewhere.
/// Each test writes actions of its own, so the tests share one database.
/// </summary>
public sealed class OgcTransactionTests(OgcWriteFixture plan) : IClassFixture<OgcWriteFixture>
{
    private const string Items = "/ogc/collections/actions/items";
    private const string Bng = "http://www.opengis.net/def/crs/EPSG/0/27700";

    private static JsonObject Feature(string title, JsonNode? geometry = null, string wards = "E05999901") => new()
    {
        ["type"] = "Feature",
        ["geometry"] = geometry,
        ["properties"] = new JsonObject { ["title"] = title, ["priority"] = "people", ["wards"] = wards, ["tags"] = new JsonArray("ogc", "part4") },
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? key, JsonNode? body = null, string? ifMatch = null, string mediaType = "application/geo+json", string? contentCrs = null)
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

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType);
            if (contentCrs is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Crs", $"<{contentCrs}>");
            }
        }

        return await plan.Client.SendAsync(request);
    }

    private async Task<(int Id, string ETag)> CreateAsync(string title, JsonNode? geometry = null)
    {
        using var created = await SendAsync(HttpMethod.Post, Items, plan.PartnerAKey, Feature(title, geometry));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        return (id, created.Headers.ETag!.Tag);
    }

    private async Task<JsonElement> ReadAsync(int id, string query = "")
    {
        using var response = await plan.Client.GetAsync($"{Items}/{id}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<(int Status, string Detail, JsonElement Problem)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return ((int)response.StatusCode, problem.GetProperty("detail").GetString()!, problem);
    }

    private async Task<List<(string Actor, string Operation, string? Before, string? After)>> AuditAsync(int id) =>
        await plan.Db.ListAsync(
            "SELECT actor, operation, before->>'title', after->>'title' FROM audit_log WHERE entity = 'action' AND entity_id = $1 ORDER BY id",
            r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
            id.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_conformance_declaration_lists_the_Part_4_classes()
    {
        var classes = (await plan.JsonAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features", classes);
    }

    [Fact]
    public async Task POST_creates_an_action_with_201_Location_and_ETag_audited_and_readable_like_any_feature()
    {
        // Clockwise exterior ring: reads give it back counter-clockwise (RFC 7946), as for every stored polygon.
        var square = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[0.10,51.04],[0.10,51.05],[0.11,51.05],[0.11,51.04],[0.10,51.04]]]}""");
        using var created = await SendAsync(HttpMethod.Post, Items, plan.PartnerAKey, Feature("Created through OGC", square));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        Assert.Matches("^/ogc/collections/actions/items/[0-9]+$", location.AbsolutePath);
        var id = int.Parse(location.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Feature", body.GetProperty("type").GetString());
        Assert.Equal("Created through OGC", body.GetProperty("properties").GetProperty("title").GetString());
        Assert.Equal("Synthetic Partner A", body.GetProperty("properties").GetProperty("lead_partner").GetString());
        Assert.Equal("ogc,part4", body.GetProperty("properties").GetProperty("tags").GetString());

        using var read = await plan.Client.GetAsync(location);
        Assert.Equal(created.Headers.ETag!.Tag, read.Headers.ETag!.Tag);
        using var rest = await plan.Client.GetAsync($"/api/actions/{id}");
        Assert.Equal(rest.Headers.ETag!.Tag, read.Headers.ETag.Tag);
        var ring = (await ReadAsync(id)).GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var signedArea = ring.Zip(ring.Skip(1), (a, b) => (a.X * b.Y) - (b.X * a.Y)).Sum();
        Assert.True(signedArea > 0, "the exterior ring is read back counter-clockwise");
        Assert.Equal([("Tester A (partner)", "create", null, "Created through OGC")], await AuditAsync(id));
    }

    [Fact]
    public async Task Writes_without_a_key_get_401_and_with_another_partners_key_403_and_nothing_changes()
    {
        var id = await plan.ActionIdAsync("T1");
        using var before = await plan.Client.GetAsync($"{Items}/{id}");
        var etag = before.Headers.ETag!.Tag;
        var actions = await plan.Db.CountAsync("actions");

        using var anonymous = await SendAsync(HttpMethod.Post, Items, null, Feature("Anonymous"));
        using var badKey = await SendAsync(HttpMethod.Put, $"{Items}/{id}", "dm_not-a-key", Feature("Bad key"), etag);
        using var otherPartner = await SendAsync(HttpMethod.Put, $"{Items}/{id}", plan.PartnerBKey, Feature("Taken over"), etag);
        using var otherDelete = await SendAsync(HttpMethod.Delete, $"{Items}/{id}", plan.PartnerBKey, null, etag);
        using var otherLead = await SendAsync(HttpMethod.Post, Items, plan.PartnerBKey, new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = null,
            ["properties"] = new JsonObject { ["title"] = "For A", ["priority"] = "people", ["wards"] = "E05999901", ["lead_partner_id"] = await LeadPartnerAAsync() },
        });

        Assert.Equal(401, (await ProblemAsync(anonymous)).Status);
        Assert.Equal(401, (await ProblemAsync(badKey)).Status);
        Assert.Equal(403, (await ProblemAsync(otherPartner)).Status);
        Assert.Equal(403, (await ProblemAsync(otherDelete)).Status);
        Assert.Equal(403, (await ProblemAsync(otherLead)).Status);
        Assert.Equal(actions, await plan.Db.CountAsync("actions"));
        Assert.Equal("Synthetic action one", (await ReadAsync(id)).GetProperty("properties").GetProperty("title").GetString());
    }

    [Fact]
    public async Task PUT_replaces_with_the_current_ETag_and_gets_412_when_stale_and_428_without_If_Match()
    {
        var (id, etag) = await CreateAsync("To replace");

        using var replaced = await SendAsync(HttpMethod.Put, $"{Items}/{id}", plan.PartnerAKey, Feature("Replaced", wards: "E05999902"), etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(etag, replaced.Headers.ETag!.Tag);
        using var stale = await SendAsync(HttpMethod.Put, $"{Items}/{id}", plan.PartnerAKey, Feature("Stale"), etag);
        using var missing = await SendAsync(HttpMethod.Put, $"{Items}/{id}", plan.PartnerAKey, Feature("Missing"));
        var byAdminFeature = Feature("By admin");
        byAdminFeature["properties"]!["lead_partner_id"] = await LeadPartnerAAsync();
        using var byAdmin = await SendAsync(HttpMethod.Put, $"{Items}/{id}", plan.AdminKey, byAdminFeature, replaced.Headers.ETag.Tag);

        Assert.Equal(412, (await ProblemAsync(stale)).Status);
        var (status, detail, _) = await ProblemAsync(missing);
        Assert.Equal(428, status);
        Assert.Contains("If-Match", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        var properties = (await ReadAsync(id)).GetProperty("properties");
        Assert.Equal("By admin", properties.GetProperty("title").GetString());
        Assert.Equal("E05999901", properties.GetProperty("wards").GetString());
        Assert.Equal(
            [("Tester A (partner)", "create", null, "To replace"), ("Tester A (partner)", "update", "To replace", "Replaced"), ("Test Admin (admin)", "update", "Replaced", "By admin")],
            await AuditAsync(id));
    }

    [Fact]
    public async Task PATCH_merges_a_JSON_merge_patch_keeping_what_it_does_not_name()
    {
        var point = JsonNode.Parse("""{"type":"Point","coordinates":[0.12,51.06]}""");
        var (id, etag) = await CreateAsync("To patch", point);
        var patch = JsonNode.Parse("""{"properties":{"status":"in-progress","rag":"amber","tags":null}}""");

        using var wrongType = await SendAsync(HttpMethod.Patch, $"{Items}/{id}", plan.PartnerAKey, patch, etag, "application/json");
        using var missing = await SendAsync(HttpMethod.Patch, $"{Items}/{id}", plan.PartnerAKey, patch, null, "application/merge-patch+json");
        using var patched = await SendAsync(HttpMethod.Patch, $"{Items}/{id}", plan.PartnerAKey, patch, etag, "application/merge-patch+json");
        using var stale = await SendAsync(HttpMethod.Patch, $"{Items}/{id}", plan.PartnerAKey, JsonNode.Parse("""{"properties":{"title":"Stale"}}"""), etag, "application/merge-patch+json");
        using var unlocated = await SendAsync(HttpMethod.Patch, $"{Items}/{id}", plan.PartnerAKey, JsonNode.Parse("""{"geometry":null}"""), "*", "application/merge-patch+json");

        Assert.Equal(400, (await ProblemAsync(wrongType)).Status);
        Assert.Equal(428, (await ProblemAsync(missing)).Status);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(412, (await ProblemAsync(stale)).Status);
        Assert.Equal(HttpStatusCode.OK, unlocated.StatusCode);
        var feature = await ReadAsync(id);
        var properties = feature.GetProperty("properties");
        Assert.Equal("To patch", properties.GetProperty("title").GetString());
        Assert.Equal("in-progress", properties.GetProperty("status").GetString());
        Assert.Equal("amber", properties.GetProperty("rag").GetString());
        Assert.Equal("E05999901", properties.GetProperty("wards").GetString());
        Assert.True(properties.GetProperty("tags").ValueKind is JsonValueKind.Null || properties.GetProperty("tags").GetString() == "");
        Assert.Null(await plan.Db.ScalarAsync<string>("SELECT ST_AsText(location) FROM actions WHERE id = $1", id));
        Assert.Equal(["create", "update", "update"], (await AuditAsync(id)).Select(a => a.Operation));
    }

    [Fact]
    public async Task DELETE_needs_the_current_ETag_then_the_feature_is_gone_and_the_delete_audited()
    {
        var (id, etag) = await CreateAsync("To delete");

        using var missing = await SendAsync(HttpMethod.Delete, $"{Items}/{id}", plan.PartnerAKey);
        using var stale = await SendAsync(HttpMethod.Delete, $"{Items}/{id}", plan.PartnerAKey, null, "\"a0-0\"");
        using var deleted = await SendAsync(HttpMethod.Delete, $"{Items}/{id}", plan.PartnerAKey, null, etag);
        using var again = await SendAsync(HttpMethod.Delete, $"{Items}/{id}", plan.PartnerAKey, null, etag);
        using var read = await plan.Client.GetAsync($"{Items}/{id}");

        Assert.Equal(428, (await ProblemAsync(missing)).Status);
        Assert.Equal(412, (await ProblemAsync(stale)).Status);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(404, (await ProblemAsync(again)).Status);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(("Tester A (partner)", "delete", "To delete", (string?)null), (await AuditAsync(id))[^1]);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""["a"]""", "GeoJSON Feature")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "\"Feature\"")]
    [InlineData("""{"type":"Feature","geometry":null,"properties":{"title":"x","priority":"nowhere","wards":"E05999901"}}""", "priority")]
    [InlineData("""{"type":"Feature","geometry":null,"properties":{"title":"x","priority":"people","wards":"E05999901","colour":"red"}}""", "properties.colour")]
    [InlineData("""{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0.1,51],[0.2,51],[0.2,51.1]]]},"properties":{"title":"x","priority":"people","wards":"E05999901"}}""", "location")]
    [InlineData("""{"type":"Feature","geometry":"POINT(0 51)","properties":{"title":"x","priority":"people","wards":"E05999901"}}""", "geometry")]
    [InlineData("""{"type":"Feature","geometry":null,"properties":{"title":"x","priority":"people","start":"next week","wards":"E05999901"}}""", "not valid JSON")]
    public async Task A_bad_body_gets_400_problem_details_saying_what_is_wrong_and_writes_nothing(string body, string expected)
    {
        var actions = await plan.Db.CountAsync("actions");
        using var request = new HttpRequestMessage(HttpMethod.Post, Items) { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", plan.PartnerAKey);

        using var response = await plan.Client.SendAsync(request);

        var (status, detail, _) = await ProblemAsync(response);
        Assert.Equal(400, status);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Equal(actions, await plan.Db.CountAsync("actions"));
    }

    [Fact]
    public async Task A_body_in_British_National_Grid_or_EPSG_4326_is_stored_in_CRS84_and_reads_back_in_BNG()
    {
        using var bng = await SendAsync(HttpMethod.Post, Items, plan.PartnerAKey, Feature("In BNG", JsonNode.Parse("""{"type":"Point","coordinates":[553000.25,141000.75]}""")), contentCrs: Bng);
        using var latLon = await SendAsync(HttpMethod.Post, Items, plan.PartnerAKey, Feature("In EPSG:4326", JsonNode.Parse("""{"type":"Point","coordinates":[51.06,0.12]}""")), contentCrs: "http://www.opengis.net/def/crs/EPSG/0/4326");
        using var unknown = await SendAsync(HttpMethod.Post, Items, plan.PartnerAKey, Feature("In EPSG:2154", JsonNode.Parse("""{"type":"Point","coordinates":[1,2]}""")), contentCrs: "http://www.opengis.net/def/crs/EPSG/0/2154");

        Assert.Equal(HttpStatusCode.Created, bng.StatusCode);
        Assert.Equal(HttpStatusCode.Created, latLon.StatusCode);
        Assert.Contains("Content-Crs", (await ProblemAsync(unknown)).Detail, StringComparison.Ordinal);
        var bngId = int.Parse(bng.Headers.Location!.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var latLonId = int.Parse(latLon.Headers.Location!.AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
        var stored = (await ReadAsync(bngId)).GetProperty("geometry").GetProperty("coordinates");
        Assert.InRange(stored[0].GetDouble(), 0.15, 0.25);
        Assert.InRange(stored[1].GetDouble(), 51.05, 51.2);
        var back = (await ReadAsync(bngId, $"?crs={Uri.EscapeDataString(Bng)}")).GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(553000.25, back[0].GetDouble(), 0.02);
        Assert.Equal(141000.75, back[1].GetDouble(), 0.02);
        var flipped = (await ReadAsync(latLonId)).GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal([0.12, 51.06], flipped.EnumerateArray().Select(c => c.GetDouble()));
    }

    [Theory]
    [InlineData("POST", "/ogc/collections/wards/items")]
    [InlineData("PUT", "/ogc/collections/wards/items/E05999901")]
    [InlineData("PATCH", "/ogc/collections/lsoas/items/E01999901")]
    [InlineData("DELETE", "/ogc/collections/districts/items/E07999999")]
    public async Task The_other_collections_answer_405_with_Allow_with_or_without_a_key(string method, string url)
    {
        using var withKey = await SendAsync(new HttpMethod(method), url, plan.AdminKey, Feature("Not here"), "*");
        using var withoutKey = await SendAsync(new HttpMethod(method), url, null, Feature("Not here"), "*");
        using var unknown = await SendAsync(new HttpMethod(method), url.Replace("/collections/", "/collections/no-", StringComparison.Ordinal), plan.AdminKey, Feature("Not here"), "*");

        foreach (var response in new[] { withKey, withoutKey })
        {
            var (status, detail, _) = await ProblemAsync(response);
            Assert.Equal(405, status);
            Assert.Contains("read-only", detail, StringComparison.Ordinal);
            Assert.Contains("GET", response.Content.Headers.Allow);
            Assert.DoesNotContain(method, response.Content.Headers.Allow);
        }

        Assert.Equal(404, (await ProblemAsync(unknown)).Status);
    }

    [Fact]
    public async Task The_feature_read_carries_the_actions_ETag_and_answers_304_to_it()
    {
        var id = await plan.ActionIdAsync("T2");
        using var first = await plan.Client.GetAsync($"{Items}/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Items}/{id}");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        using var second = await plan.Client.SendAsync(request);

        Assert.Matches("^\"a[0-9]+-[0-9]+\"$", first.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    private async Task<int> LeadPartnerAAsync() =>
        await plan.Db.ScalarAsync<int>("SELECT id FROM partners WHERE name = 'Synthetic Partner A'");
}

/// <summary>The plan fixture without a write budget: the class's writes all come from three keys within a minute, and the limiter is not under test.</summary>
public sealed class OgcWriteFixture : PlanFixture
{
    protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DistrictMap:RateLimits:WritesPerMinute"] = "0",
    };
}
