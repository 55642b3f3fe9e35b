using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistrictMap.Tests.Plan;

namespace DistrictMap.Tests.Operations;

/// <summary>The synthetic plan with budgets of 30 writes and 30 expensive reads a minute (bursts of 5).</summary>
public sealed class TightBudgetFixture : PlanFixture
{
    protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DistrictMap:RateLimits:WritesPerMinute"] = "30",
        ["DistrictMap:RateLimits:ExpensiveReadsPerMinute"] = "30",
    };
}

/// <summary>One reading of the API key for authentication and rate limiting: ambiguous keys refused, budgets per authenticated key, tiles budgeted.</summary>
public sealed class ApiKeyAccessTests : IAsyncLifetime
{
    private readonly TightBudgetFixture api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    private static HttpRequestMessage Write(Action<HttpRequestHeaders> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        headers(request.Headers);
        return request;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task A_repeated_X_Api_Key_is_refused_with_400_and_spends_no_writes()
    {
        for (var i = 0; i < 12; i++)
        {
            using var response = await api.Client.SendAsync(Write(h => h.TryAddWithoutValidation("X-Api-Key", [api.PartnerAKey, $"other-{i}"])));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("more than one API key", await DetailAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal(0L, await api.Db.CountAsync("audit_log WHERE actor LIKE 'Tester A%'"));
    }

    [Fact]
    public async Task An_Authorization_and_an_X_Api_Key_that_differ_are_refused_and_that_agree_are_one_key()
    {
        using var differ = await api.Client.SendAsync(Write(h =>
        {
            h.Authorization = new AuthenticationHeaderValue("Bearer", api.PartnerAKey);
            h.Add("X-Api-Key", api.PartnerBKey);
        }));
        using var agree = await api.Client.SendAsync(Write(h =>
        {
            h.Authorization = new AuthenticationHeaderValue("Bearer", api.PartnerAKey);
            h.Add("X-Api-Key", api.PartnerAKey);
        }));

        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        Assert.Contains("more than one API key", await DetailAsync(differ), StringComparison.Ordinal);
        // Authenticated, so the body itself is judged: an empty action is a validation problem.
        Assert.Equal(HttpStatusCode.BadRequest, agree.StatusCode);
        Assert.Contains("nothing was written", await DetailAsync(agree), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_key_has_one_write_budget_however_it_is_written()
    {
        // Spacing after "Bearer" differs each time, and the header alternates: the key, and so the budget, is the same.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var spaces = new string(' ', 1 + i);
            using var response = await api.Client.SendAsync(Write(h =>
            {
                if (i % 2 == 0)
                {
                    h.TryAddWithoutValidation("Authorization", $"Bearer{spaces}{api.PartnerAKey}");
                }
                else
                {
                    h.Add("X-Api-Key", api.PartnerAKey);
                }
            }));
            statuses.Add(response.StatusCode);
        }

        var served = statuses.TakeWhile(s => s == HttpStatusCode.BadRequest).Count();
        Assert.InRange(served, 1, 5);
        Assert.All(statuses.Skip(served), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Tiles_are_rate_limited_as_expensive_reads()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await api.Client.GetAsync($"/tiles/wards/14/{8192 + i}/5440.mvt");
            statuses.Add(response.StatusCode);
        }

        var served = statuses.TakeWhile(s => s is HttpStatusCode.OK or HttpStatusCode.NoContent).Count();
        Assert.InRange(served, 1, 5);
        Assert.All(statuses.Skip(served), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
