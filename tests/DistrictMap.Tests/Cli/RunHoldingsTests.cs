using System.Net;
using System.Net.Sockets;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Cli;

/// <summary>The run command on a database that already holds the district, with no files to load it from.</summary>
public sealed class RunHoldingsTests : DatabaseTest
{
    [Fact]
    public async Task Run_reports_what_the_database_holds_instead_of_saying_no_data_was_loaded()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = CliProcess.StartInfo(Db.ConnectionString, Fixtures.RepositoryRoot, "run", "--district", SyntheticDistrict.Code, "--offline", "--urls", $"http://127.0.0.1:{port}");
        start.Environment["DistrictMap__Data__CacheDirectory"] = Path.Combine(Path.GetTempPath(), $"districtmap-empty-cache-{Guid.NewGuid():N}");

        await using var run = await ServingProcess.StartAsync(start);

        var text = run.Output;
        Assert.DoesNotContain("No data was loaded", text, StringComparison.Ordinal);
        Assert.DoesNotContain("holds no wards", text, StringComparison.Ordinal);
        Assert.Contains($"the database already holds Synthetic District ({SyntheticDistrict.Code}): boundary, 3 wards, 6 LSOAs", text, StringComparison.Ordinal);
        Assert.Contains("6 with deprivation scores", text, StringComparison.Ordinal);
    }
}
