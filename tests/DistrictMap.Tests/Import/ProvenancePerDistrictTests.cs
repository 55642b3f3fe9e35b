using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

/// <summary>Each district's boundaries keep the provenance of the file they came from, with or without --district.</summary>
public sealed class ProvenancePerDistrictTests : DatabaseTest
{
    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-provenance-").FullName;

    public override async Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        await base.DisposeAsync();
    }

    /// <summary>A synthetic ward file of the synthetic neighbour district, E07999998.</summary>
    private string NeighbourWards()
    {
        var path = Path.Combine(folder, "neighbour-wards.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","name":"SYNTHETIC test fixture","features":[
             {"type":"Feature","properties":{"WD23CD":"E05999981","WD23NM":"Synthetic Neighbour Ward","LAD23CD":"E07999998"},
              "geometry":{"type":"Polygon","coordinates":[[[0.31,50.99],[0.5,50.99],[0.5,51.11],[0.31,51.11],[0.31,50.99]]]}}]}
            """);
        return path;
    }

    private Task<List<(string Key, string Source, int Rows, string Sha, DateTime ImportedAt)>> DatasetsAsync() =>
        Db.ListAsync(
            "SELECT key, source, rows, sha256, imported_at FROM datasets WHERE kind = 'wards' ORDER BY key",
            r => (r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetDateTime(4)));

    private Task<List<(string Ward, string Source)>> CreditsAsync() =>
        Db.ListAsync("SELECT w.code, d.source FROM wards w JOIN datasets d ON d.id = w.dataset_id ORDER BY w.code", r => (r.GetString(0), r.GetString(1)));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Importing_another_districts_file_never_rewrites_the_first_districts_record(bool giveDistrict)
    {
        await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Districts, Path = Fixtures.File("synthetic-district.geojson") }, TestDatabase.NoProgress);
        await Db.Boundaries.ImportAsync(
            new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = Fixtures.File("synthetic-wards.geojson"), District = giveDistrict ? SyntheticDistrict.Code : null },
            TestDatabase.NoProgress);
        var first = Assert.Single(await DatasetsAsync());

        await Db.Boundaries.ImportAsync(
            new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = NeighbourWards(), District = giveDistrict ? "E07999998" : null },
            TestDatabase.NoProgress);

        var datasets = await DatasetsAsync();
        Assert.Equal(["wards:E07999998", "wards:E07999999"], datasets.Select(d => d.Key));
        Assert.Equal(first, datasets.Single(d => d.Key == "wards:E07999999"));
        Assert.Equal(("synthetic-wards.geojson", 3), (first.Source, first.Rows));
        Assert.Equal(("neighbour-wards.geojson", 1), (datasets[0].Source, datasets[0].Rows));
        var credits = await CreditsAsync();
        Assert.All(credits.Where(c => c.Ward != "E05999981"), c => Assert.Equal("synthetic-wards.geojson", c.Source));
        Assert.Equal("neighbour-wards.geojson", credits.Single(c => c.Ward == "E05999981").Source);

        await using var factory = new ApiFactory(Db.ConnectionString);
        using var client = factory.CreateClient();
        var profile = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/districts/{SyntheticDistrict.Code}", UriKind.Relative))).RootElement;
        var sources = profile.GetProperty("sources").EnumerateArray().Select(x => (Key: x.GetProperty("key").GetString(), Source: x.GetProperty("source").GetString())).ToList();
        Assert.Contains(("wards:E07999999", "synthetic-wards.geojson"), sources);
        Assert.DoesNotContain(sources, x => x.Source == "neighbour-wards.geojson");
        var catalog = await client.GetStringAsync(new Uri("/api/catalog", UriKind.Relative));
        Assert.Contains("\"wards:E07999999\"", catalog, StringComparison.Ordinal);
        Assert.Contains("\"wards:E07999998\"", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_two_districts_gets_one_record_per_district()
    {
        var path = Path.Combine(folder, "two-districts.geojson");
        var wards = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixtures.File("synthetic-wards.geojson")))!;
        var neighbour = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(NeighbourWards()))!;
        wards["features"]!.AsArray().Add(neighbour["features"]![0]!.DeepClone());
        File.WriteAllText(path, wards.ToJsonString());
        await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Districts, Path = Fixtures.File("synthetic-district.geojson") }, TestDatabase.NoProgress);

        var summary = await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress);

        var datasets = await DatasetsAsync();
        Assert.Equal([("wards:E07999998", 1), ("wards:E07999999", 3)], datasets.Select(d => (d.Key, d.Rows)));
        Assert.Equal("wards:E07999998, wards:E07999999", summary.Dataset);
        var before = await Db.DigestAsync();

        var again = await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress);

        Assert.Equal(0, again.Written);
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task A_lookup_without_district_gets_one_record_per_district_and_a_later_one_rewrites_neither()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        await Db.Lookup.ImportAsync(new LookupImportOptions { Path = Fixtures.File("synthetic-lookup.csv") }, TestDatabase.NoProgress);

        var records = await Db.ListAsync(
            "SELECT key, rows FROM datasets WHERE kind = 'lsoa-ward-lookup' ORDER BY key", r => (r.GetString(0), r.GetInt32(1)));
        Assert.Equal([("lsoa-ward-lookup-2011:E07999998", 1), ("lsoa-ward-lookup-2011:E07999999", 5)], records);
        var first = await Db.DigestAsync();

        var path = Path.Combine(folder, "neighbour-lookup.csv");
        File.WriteAllText(path, "LSOA11CD,WD19CD,LAD19CD\nE01999999,E05999990,E07999998\n");
        await Db.Lookup.ImportAsync(new LookupImportOptions { Path = path }, TestDatabase.NoProgress);

        Assert.Equal(
            ["synthetic-lookup.csv"],
            await Db.ListAsync("SELECT DISTINCT d.source FROM lsoa_ward_lookup k JOIN datasets d ON d.id = k.dataset_id WHERE k.district_code = 'E07999999'", r => r.GetString(0)));
        Assert.Equal(
            "neighbour-lookup.csv",
            await Db.ScalarAsync<string>("SELECT source FROM datasets WHERE key = 'lsoa-ward-lookup-2011:E07999998'"));
        Assert.NotEqual(first, await Db.DigestAsync());
    }

    private Task<List<(string Key, int Rows, string Source)>> IodRecordsAsync() =>
        Db.ListAsync("SELECT key, rows, source FROM datasets WHERE kind = 'iod' ORDER BY key", r => (r.GetString(0), r.GetInt32(1), r.GetString(2)));

    [Fact]
    public async Task An_iod_file_without_district_gets_one_record_per_district_and_another_file_rewrites_neither()
    {
        var summary = await Db.Iod.ImportAsync(new IodImportOptions { Path = Fixtures.File("synthetic-iod-file7.csv") }, TestDatabase.NoProgress);

        Assert.Equal([("iod:IoD2019:E07999998", 1, "synthetic-iod-file7.csv"), ("iod:IoD2019:E07999999", 6, "synthetic-iod-file7.csv")], await IodRecordsAsync());
        Assert.Equal("iod:IoD2019:E07999998, iod:IoD2019:E07999999", summary.Dataset);
        var first = await Db.ListAsync("SELECT key, imported_at, sha256 FROM datasets WHERE key = 'iod:IoD2019:E07999999'", r => (r.GetString(0), r.GetDateTime(1), r.GetString(2)));

        var path = Path.Combine(folder, "neighbour-iod.csv");
        var lines = File.ReadAllLines(Fixtures.File("synthetic-iod-file7.csv"));
        File.WriteAllLines(path, [lines[0], lines[^1].Replace(",1,1,1,1,1,1,1,1", ",2,2,1,2,2,1,2,2", StringComparison.Ordinal)]);
        await Db.Iod.ImportAsync(new IodImportOptions { Path = path }, TestDatabase.NoProgress);

        Assert.Equal([("iod:IoD2019:E07999998", 1, "neighbour-iod.csv"), ("iod:IoD2019:E07999999", 6, "synthetic-iod-file7.csv")], await IodRecordsAsync());
        Assert.Equal(first, await Db.ListAsync("SELECT key, imported_at, sha256 FROM datasets WHERE key = 'iod:IoD2019:E07999999'", r => (r.GetString(0), r.GetDateTime(1), r.GetString(2))));
        Assert.Equal(
            [("E01999998", "neighbour-iod.csv")],
            await Db.ListAsync(
                "SELECT DISTINCT s.lsoa_code, d.source FROM deprivation_scores s JOIN datasets d ON d.id = s.dataset_id WHERE s.lsoa_code = 'E01999998'",
                r => (r.GetString(0), r.GetString(1))));
    }

    [Fact]
    public async Task An_iod_file_with_no_district_column_is_credited_to_the_districts_of_its_loaded_lsoas()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        await Db.Iod.ImportAsync(new IodImportOptions { Path = Fixtures.File("iod-no-district.csv") }, TestDatabase.NoProgress);

        var records = await IodRecordsAsync();
        Assert.Equal(["iod:IoD2019:E07999999"], records.Select(r => r.Key));
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM datasets WHERE key LIKE 'iod:%:all'"));
    }

    [Fact]
    public async Task A_national_import_after_a_district_import_leaves_no_uncredited_record()
    {
        await Db.Iod.ImportAsync(new IodImportOptions { Path = Fixtures.File("synthetic-iod-file7.csv"), District = SyntheticDistrict.Code }, TestDatabase.NoProgress);
        var path = Path.Combine(folder, "renamed-iod.csv");
        File.Copy(Fixtures.File("synthetic-iod-file7.csv"), path);

        await Db.Iod.ImportAsync(new IodImportOptions { Path = path }, TestDatabase.NoProgress);

        Assert.Equal([("iod:IoD2019:E07999998", 1, "renamed-iod.csv"), ("iod:IoD2019:E07999999", 6, "renamed-iod.csv")], await IodRecordsAsync());
    }
}
