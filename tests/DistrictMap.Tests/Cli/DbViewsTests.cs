using System.Text.Json;
using DistrictMap.Api.Geography;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Cli;

/// <summary><c>db views</c>: each collection as a view, with what the API serves, for tools that read PostGIS directly.</summary>
public sealed class DbViewsTests : DatabaseTest
{
    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(Db.ConnectionString, AppContext.BaseDirectory, args);

    [Fact]
    public async Task Each_collection_becomes_a_view_with_the_properties_and_features_the_api_serves()
    {
        await SyntheticDistrict.LoadAllAsync(Db);

        var (exitCode, output, error) = await RunAsync("db", "views", "--schema", "gis");

        Assert.True(exitCode == 0, error);
        Assert.Contains("gis.lsoas", output, StringComparison.Ordinal);
        Assert.Contains("gis.wards", output, StringComparison.Ordinal);
        var columns = await Db.ListAsync(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'gis' AND table_name = 'lsoas' ORDER BY ordinal_position",
            r => r.GetString(0));
        Assert.Equal([.. GeographyCollections.Lsoas.Properties.Select(p => p.Name), "geom"], columns);

        await using var factory = new ApiFactory(Db.ConnectionString);
        using var client = factory.CreateClient();
        using var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/ogc/collections/lsoas/items?limit=100", UriKind.Relative)));
        var served = page.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (f.GetProperty("properties").GetProperty("code").GetString()!, f.GetProperty("properties").GetProperty("imd_score").GetDouble()))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();
        var viewed = await Db.ListAsync("SELECT code, imd_score FROM gis.lsoas ORDER BY code", r => (r.GetString(0), r.GetDouble(1)));
        Assert.NotEmpty(served);
        Assert.Equal(served, viewed);
    }

    [Fact]
    public async Task Running_it_again_replaces_the_views()
    {
        Assert.Equal(0, (await RunAsync("db", "views")).ExitCode);
        var (exitCode, _, error) = await RunAsync("db", "views");

        Assert.True(exitCode == 0, error);
        Assert.True(await Db.ScalarAsync<long>("SELECT count(*) FROM information_schema.views WHERE table_schema = 'collections'") >= 3);
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_one_line_and_a_non_zero_exit()
    {
        var (exitCode, _, error) = await RunAsync("db", "views", "--schema", "gis; DROP TABLE wards");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not a schema name", line, StringComparison.Ordinal);
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'gis%'"));
    }
}
