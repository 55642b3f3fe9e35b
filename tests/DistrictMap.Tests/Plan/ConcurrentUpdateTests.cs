using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DistrictMap.Tests.Plan;

/// <summary>Optimistic concurrency under load: many writers with the same If-Match, one winner.</summary>
public sealed class ConcurrentUpdateTests : IAsyncLifetime
{
    private readonly PatientPlanFixture plan = new();

    public Task InitializeAsync() => plan.InitializeAsync();

    public Task DisposeAsync() => plan.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_replacements_with_the_same_If_Match_leave_one_winner_and_one_audited_change()
    {
        var id = await plan.ActionIdAsync("T1");
        using var current = await plan.Client.GetAsync($"/api/actions/{id}");
        var etag = current.Headers.ETag!.Tag;
        var action = JsonDocument.Parse(await current.Content.ReadAsStringAsync()).RootElement.Clone();
        var audited = await plan.Db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'action' AND entity_id = $1", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var writes = Enumerable.Range(1, 50).Select(async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/actions/{id}")
            {
                Content = JsonContent.Create(new
                {
                    title = $"Concurrent title {n}",
                    priority = action.GetProperty("priority").GetString(),
                    leadPartnerId = action.GetProperty("leadPartner").GetProperty("id").GetInt32(),
                    status = action.GetProperty("status").GetString(),
                    wards = action.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList(),
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", plan.AdminKey);
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await plan.Client.SendAsync(request);
            return (n, response.StatusCode);
        }).ToList();
        var results = await Task.WhenAll(writes);

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(results.Except(winners), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var changes = await plan.Db.ListAsync(
            "SELECT after->>'title' FROM audit_log WHERE entity = 'action' AND entity_id = $1 ORDER BY id",
            r => r.GetString(0),
            id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(audited + 1, changes.Count);
        Assert.Equal($"Concurrent title {winners[0].n}", changes[^1]);
        Assert.Equal($"Concurrent title {winners[0].n}", await plan.Db.ScalarAsync<string>("SELECT title FROM actions WHERE id = $1", id));
    }
}

/// <summary>
/// The plan fixture with no write budget and time to open connections: fifty writers at once open connections faster than two shared cores
/// answer within the default two seconds, and the test is about their outcome, not about the pool.
/// </summary>
internal sealed class PatientPlanFixture : PlanFixture
{
    protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DistrictMap:Database:ConnectTimeoutSeconds"] = "60",
        // Fifty writes at once from one key exceed its burst: the limiter is not what this test is about.
        ["DistrictMap:RateLimits:WritesPerMinute"] = "0",
    };
}
