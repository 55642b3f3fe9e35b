using System.Net;
using System.Net.Sockets;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Cli;

/// <summary>The run command, as the README's run command starts it, with no data to load.</summary>
public sealed class RunCommandTests : DatabaseTest
{
    [Fact]
    public async Task With_no_data_reachable_run_still_serves_and_says_how_to_load_data()
    {
        var port = FreePort();
        var start = CliProcess.StartInfo(
            Db.ConnectionString,
            Fixtures.RepositoryRoot,
            "run", "--district", "E07999999", "--offline", "--urls", $"http://127.0.0.1:{port}");
        start.Environment["DistrictMap__Data__CacheDirectory"] = Path.Combine(Path.GetTempPath(), $"districtmap-empty-cache-{Guid.NewGuid():N}");
        await using var run = await ServingProcess.StartAsync(start);
        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        // The map opens on the district given to run, whether or not it could be loaded.
        using var settings = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/map/settings")));
        Assert.Equal("E07999999", settings.RootElement.GetProperty("district").GetString());
        var text = run.Output;
        Assert.Contains("The database holds no wards yet", text, StringComparison.Ordinal);
        Assert.Contains("DISTRICTMAP_DATA_DIR", text, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}/docs", text, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
