using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Places;

/// <summary>The places commands of the districtmap command line, run as a separate process, and the sample content they load.</summary>
public sealed class PlacesCliTests : DatabaseTest
{
    private Task<(int ExitCode, string Out, string Error)> RunAsync(string workingDirectory, params string[] args) =>
        CliProcess.RunAsync(Db.ConnectionString, workingDirectory, args);

    [Theory]
    [InlineData("routes", "--kind-field")]
    [InlineData("green-spaces", "--access")]
    [InlineData("town-centre-projects", "--lead-partner-field")]
    [InlineData("recycling-sites", "--materials-field")]
    [InlineData("activities", "--hours-field")]
    [InlineData("osm", "Overpass")]
    public async Task Each_place_import_documents_its_options(string command, string option)
    {
        var (exitCode, output, _) = await RunAsync(AppContext.BaseDirectory, "import", command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.Contains("--district", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_councils_routes_import_with_its_field_names_and_prints_its_summary()
    {
        var (exitCode, output, error) = await RunAsync(
            AppContext.BaseDirectory,
            "import", "routes", Fixtures.File("places-council-routes.gpkg"), "--id-field", "ROUTE_ID", "--name-field", "ROUTE_NAME");

        Assert.True(exitCode == 0, error);
        Assert.Contains("routes:places-council-routes.gpkg:all: read 2, skipped 0 (outside the district), written 2, unchanged 0", output, StringComparison.Ordinal);
        Assert.Equal(["Synthetic Council Path", "Synthetic Council Ride"], await Db.ListAsync("SELECT name FROM routes ORDER BY name", r => r.GetString(0)));
    }

    [Fact]
    public async Task A_bad_OpenStreetMap_file_is_one_line_and_a_non_zero_exit()
    {
        var (exitCode, _, error) = await RunAsync(AppContext.BaseDirectory, "import", "osm", Fixtures.File("osm-broken-missing-node.osm"));

        Assert.Equal(1, exitCode);
        Assert.Equal("error: osm-broken-missing-node.osm: way 40: references node 3, which is not in the file", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(0, await Db.CountAsync("routes"));
    }

    [Fact]
    public async Task The_Sevenoaks_sample_places_load_and_every_one_says_it_is_sample()
    {
        var (exitCode, output, error) = await RunAsync(Fixtures.RepositoryRoot, "load-samples", "places", "--district", "E07000111");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Sample content, not real data", output, StringComparison.Ordinal);
        var names = await Db.ListAsync(
            """
            SELECT name, sample FROM routes UNION ALL SELECT name, sample FROM green_spaces UNION ALL SELECT title, sample FROM town_centre_projects
            UNION ALL SELECT name, sample FROM recycling_sites UNION ALL SELECT title, sample FROM activities
            """,
            r => (Name: r.GetString(0), Sample: r.GetBoolean(1)));
        Assert.True(names.Count >= 20, $"{names.Count} sample places");
        Assert.All(names, n => Assert.True(n.Sample && n.Name.StartsWith("Sample ", StringComparison.Ordinal), n.Name));
        Assert.Equal(
            ["sample content, not real data"],
            await Db.ListAsync("SELECT DISTINCT licence FROM datasets", r => r.GetString(0)));
        Assert.Equal(
            ["Edenbridge", "Sevenoaks", "Swanley", "Westerham"],
            await Db.ListAsync("SELECT town FROM town_centre_projects ORDER BY town", r => r.GetString(0)));
    }

    [Fact]
    public async Task Sample_places_exist_only_for_districts_that_have_them()
    {
        var (exitCode, _, error) = await RunAsync(Fixtures.RepositoryRoot, "load-samples", "places", "--district", "E07999999");

        Assert.Equal(1, exitCode);
        Assert.Contains("there are no sample places for district E07999999 in data/geo/sample", error, StringComparison.Ordinal);
    }
}
