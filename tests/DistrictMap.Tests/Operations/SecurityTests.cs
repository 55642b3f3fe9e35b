using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DistrictMap.Tests.Operations;

/// <summary>The synthetic plan with tight rate limits, and every log line the application writes kept for inspection.</summary>
public sealed class SecurityFixture : PlanFixture
{
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DistrictMap:RateLimits:WritesPerMinute"] = "30",
        ["DistrictMap:RateLimits:ExpensiveReadsPerMinute"] = "30",
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:DistrictMap.Requests"] = "Information",
    };

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new QueueLoggerProvider(Logs)));

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>Security headers, CORS for reads only, rate limits, request size limits, keys kept as hashes and out of logs, metrics and correlation ids.</summary>
public sealed class SecurityTests(SecurityFixture api) : IClassFixture<SecurityFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/wards")]
    [InlineData("/ogc/collections/wards/items?f=html")]
    [InlineData("/api/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await api.Client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Reads_are_open_to_any_origin_and_writes_to_none()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/wards");
        read.Headers.Add("Origin", "https://partner.example");
        using var readResponse = await api.Client.SendAsync(read);
        Assert.Equal("*", Assert.Single(readResponse.Headers.GetValues("Access-Control-Allow-Origin")));

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/actions");
        preflight.Headers.Add("Origin", "https://partner.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        using var preflightResponse = await api.Client.SendAsync(preflight);
        var methods = preflightResponse.Headers.TryGetValues("Access-Control-Allow-Methods", out var allowed) ? string.Join(',', allowed) : "";
        Assert.DoesNotContain("POST", methods, StringComparison.Ordinal);

        using var write = Request(HttpMethod.Post, "/api/actions", api.PartnerBKey, "{}");
        write.Headers.Add("Origin", "https://partner.example");
        using var writeResponse = await api.Client.SendAsync(write);
        Assert.False(writeResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Writes_beyond_a_keys_budget_get_429_with_retry_after_and_other_keys_are_unaffected()
    {
        // 30 a minute: bursts of 5. Empty bodies are refused (400) but still count.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await api.Client.SendAsync(Request(HttpMethod.Post, "/api/actions", api.PartnerAKey, "{}"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("try again in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        AssertBudgetSpent(statuses, HttpStatusCode.BadRequest, burst: 5);
        using var other = await api.Client.SendAsync(Request(HttpMethod.Post, "/api/actions", api.AdminKey, "{}"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Expensive_reads_beyond_the_budget_get_429_and_cheap_reads_do_not()
    {
        // 30 a minute: bursts of 5 (other tests of this class may have spent some).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await api.Client.GetAsync($"/api/nearby?lon=0.05&lat=51.02&radius={1000 + i}");
            statuses.Add(response.StatusCode);
        }

        AssertBudgetSpent(statuses, HttpStatusCode.OK, burst: 5);
        for (var i = 0; i < 8; i++)
        {
            using var cheap = await api.Client.GetAsync("/api/wards?district=E07999999");
            Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
        }
    }

    /// <summary>Some answers as usual (at most the burst), then only 429s.</summary>
    private static void AssertBudgetSpent(List<HttpStatusCode> statuses, HttpStatusCode usual, int burst)
    {
        var served = statuses.TakeWhile(s => s == usual).Count();
        Assert.InRange(served, 1, burst);
        Assert.All(statuses.Skip(served), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var title = new string('x', 1_100_000);
        using var response = await api.Client.SendAsync(Request(HttpMethod.Post, "/api/actions", api.AdminKey, $$"""{"title":"{{title}}","priority":"people"}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The body is larger than 1 MB, the most this request accepts.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes_and_never_logged()
    {
        using (var response = await api.Client.SendAsync(Request(HttpMethod.Post, "/api/actions", api.AdminKey, "not json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var rows = await api.Db.ScalarAsync<string>("SELECT string_agg(k::text, '|') FROM api_keys k");
        Assert.NotNull(rows);
        foreach (var key in new[] { api.AdminKey, api.PartnerAKey, api.PartnerBKey })
        {
            Assert.DoesNotContain(key, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(api.Logs, line => line.Contains(key, StringComparison.Ordinal));
        }

        Assert.Contains(api.Logs, line => line.Contains("POST /api/actions answered 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Committed_configuration_holds_no_secret()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Fixtures.RepositoryRoot, "src"), "appsettings*.json", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("dm_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ConnectionStrings", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Requests_carry_a_correlation_id_into_the_response_and_the_log()
    {
        using var given = new HttpRequestMessage(HttpMethod.Get, "/api/wards?district=E07999999");
        given.Headers.Add("X-Correlation-Id", "partner-req-42");
        using var givenResponse = await api.Client.SendAsync(given);
        Assert.Equal("partner-req-42", Assert.Single(givenResponse.Headers.GetValues("X-Correlation-Id")));
        Assert.Contains(api.Logs, line => line.Contains("GET /api/wards answered 200", StringComparison.Ordinal) && line.Contains("[partner-req-42]", StringComparison.Ordinal));

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/api/wards");
        hostile.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>alert(1)</script>");
        using var hostileResponse = await api.Client.SendAsync(hostile);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(hostileResponse.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Metrics_are_served_in_Prometheus_format()
    {
        using (await api.Client.GetAsync("/api/wards"))
        {
        }

        using var response = await api.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/wards/\"", text, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string key, string body)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
