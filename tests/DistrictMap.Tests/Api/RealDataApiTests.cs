using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>The API over the real Sevenoaks data (DISTRICTMAP_DATA_DIR).</summary>
public sealed class RealDataApiTests(SevenoaksApiFixture api) : IClassFixture<SevenoaksApiFixture>
{
    [RealDataFact]
    public async Task Following_next_links_with_limit_7_visits_all_74_Sevenoaks_LSOAs_exactly_once()
    {
        var pages = await api.FollowNextAsync("/ogc/collections/lsoas/items?district=E07000111&limit=7");

        Assert.All(pages, p => Assert.Equal(74, p.GetProperty("numberMatched").GetInt32()));
        Assert.All(pages, p => Assert.Equal(p.GetProperty("features").GetArrayLength(), p.GetProperty("numberReturned").GetInt32()));
        var seen = pages.SelectMany(p => p.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString())).ToList();
        Assert.Equal(11, pages.Count);
        Assert.Equal(74, seen.Count);
        Assert.Equal(74, seen.Distinct().Count());
    }

    [RealDataFact]
    public async Task The_ranking_puts_Swanley_St_Marys_first()
    {
        var ranking = await api.JsonAsync("/api/wards/ranking?district=E07000111");

        Assert.Equal("E05005031", ranking.GetProperty("wards")[0].GetProperty("code").GetString());
        Assert.Equal(26, ranking.GetProperty("wards").GetArrayLength());
    }

    [RealDataFact]
    public async Task Locate_finds_the_ward_of_a_point_in_Swanley()
    {
        var located = await api.JsonAsync("/api/locate?lon=0.1712&lat=51.3985");

        Assert.Equal("E07000111", located.GetProperty("district").GetProperty("code").GetString());
        Assert.StartsWith("Swanley", located.GetProperty("ward").GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [RealDataFact]
    public async Task GDAL_reads_the_OGC_API_and_counts_the_26_wards()
    {
        var port = FreePort();
        await using var server = new ApiFactory(api.Db.ConnectionString);
        server.UseKestrel(port);
        server.StartServer();

        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-ro", "-so", $"OAPIF:http://127.0.0.1:{port}/ogc", "wards" })
        {
            start.ArgumentList.Add(arg);
        }

        using var ogrinfo = Process.Start(start)!;
        var output = await ogrinfo.StandardOutput.ReadToEndAsync();
        var errors = await ogrinfo.StandardError.ReadToEndAsync();
        await ogrinfo.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(ogrinfo.ExitCode == 0, errors);
        Assert.Contains("Feature Count: 26", output, StringComparison.Ordinal);
        Assert.Contains("Geometry: Multi Polygon", output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
