using System.Diagnostics;
using System.Net;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Operations;

/// <summary>
/// The service over a cluster of its own, which the test stops and starts again: requests fail fast with
/// 503 while the database is down, and the service recovers by itself, without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-outage-").FullName;
    private LocalCluster cluster = null!;
    private ApiFactory factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        cluster = new LocalCluster(folder, PostgresInstallation.Find(), durable: false);
        cluster.EnsureRunning();
        DatabaseConnection.EnsureDatabase(cluster.ConnectionString("postgres"), "districtmap");
        factory = new ApiFactory(cluster.ConnectionString("districtmap"));
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        cluster.Stop();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task While_the_database_is_down_requests_get_503_quickly_and_the_service_recovers_by_itself()
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ogc/collections/wards/items")).StatusCode);
        var port = cluster.RunningPort();

        cluster.Stop();

        // Fifty requests at once, to the API and to readiness: each is 503 problem details, none waits long.
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => TimedAsync(i % 5 == 0 ? "/health/ready" : $"/ogc/collections/wards/items?limit={i + 1}")));
        foreach (var (status, mediaType, elapsed, url) in answers)
        {
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)status} with the database down");
            Assert.True(elapsed < TimeSpan.FromSeconds(2), $"{url} took {elapsed.TotalSeconds:0.0} s with the database down");
            if (!url.StartsWith("/health", StringComparison.Ordinal))
            {
                Assert.Equal("application/problem+json", mediaType);
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"fifty requests took {clock.Elapsed.TotalSeconds:0.0} s with the database down");

        cluster.EnsureRunning();
        Assert.Equal(port, cluster.RunningPort());
        clock.Restart();
        HttpStatusCode ready;
        do
        {
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            if (ready != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }
        while (ready != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.True(ready == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(5), $"ready {(int)ready} after {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var limit in Enumerable.Range(1, 20))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ogc/collections/wards/items?limit={limit}")).StatusCode);
        }
    }

    private async Task<(HttpStatusCode Status, string? MediaType, TimeSpan Elapsed, string Url)> TimedAsync(string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(url);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, clock.Elapsed, url);
    }
}
