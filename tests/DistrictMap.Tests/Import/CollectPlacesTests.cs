using System.Text.Json.Nodes;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Import;

/// <summary>
/// The places and search datasets of the manifest collected from a local server that serves synthetic fixtures in each
/// source's format: ArcGIS paging (exceededTransferLimit) for the ONS Postcode Directory and Natural England, an Overpass
/// interpreter, and zip downloads for OS Open Names and OS Open Greenspace. Nothing reaches the internet.
/// </summary>
public sealed class CollectPlacesTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Paths = new()
    {
        ["postcodes"] = "arcgis/postcodes/FeatureServer/0/query",
        ["place-names"] = "files/open-names-synthetic.zip",
        ["osm"] = "overpass/interpreter",
        ["ne-local-nature-reserves"] = "arcgis/ne-local-nature-reserves/FeatureServer/0/query",
        ["ne-country-parks"] = "arcgis/ne-country-parks/FeatureServer/0/query",
        ["ne-national-trails"] = "arcgis/ne-national-trails/FeatureServer/0/query",
        ["ne-crow-access-land"] = "arcgis/ne-crow-access-land/FeatureServer/0/query",
        ["os-open-greenspace"] = "files/os-open-greenspace-synthetic.zip",
    };

    private readonly string workspace = Directory.CreateTempSubdirectory("districtmap-collect-places-").FullName;
    private FakePublisher publisher = null!;
    private TestDatabase db = null!;

    private string Manifest => Path.Combine(workspace, "sources.json");

    public async Task InitializeAsync()
    {
        publisher = await FakePublisher.StartAsync();
        db = await TestDatabase.CreateAsync(new Dictionary<string, string?>
        {
            ["DistrictMap:Data:Manifest"] = Manifest,
            ["DistrictMap:Data:CacheDirectory"] = Path.Combine(workspace, "cache"),
            ["DistrictMap:Data:LocalLayout"] = Path.Combine(workspace, "no-layout.json"),
            ["DistrictMap:Overpass:Endpoint"] = $"{publisher.BaseUrl}/overpass/interpreter",
        });
        await SyntheticDistrict.LoadAllAsync(db);
        // The repository's manifest without the boundary datasets (loaded above), pointed at the local server, one or two features a page.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "data/geo/sources.json")))!;
        var datasets = manifest["datasets"]!.AsArray();
        foreach (var other in datasets.Where(d => !Paths.ContainsKey(d!["id"]!.GetValue<string>())).ToList())
        {
            datasets.Remove(other);
        }

        foreach (var dataset in datasets)
        {
            var id = dataset!["id"]!.GetValue<string>();
            dataset["url"] = id == "osm" ? "http://overpass.invalid/api/interpreter" : $"{publisher.BaseUrl}/{Paths[id]}";
            dataset["pageSize"] = id == "postcodes" ? 2 : 1;
        }

        // The fixture's rows carry the ONS's lower-case column names.
        datasets.Single(d => d!["id"]!.GetValue<string>() == "postcodes")!["where"] = "oslaua = '{district}'";
        await File.WriteAllTextAsync(Manifest, manifest.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await publisher.DisposeAsync();
        Directory.Delete(workspace, recursive: true);
    }

    private Task<IReadOnlyList<LoadResult>> CollectAsync(DownloadPolicy download = DownloadPolicy.IfMissing, bool skipOptional = true) =>
        db.Services.GetRequiredService<DistrictLoader>().LoadAsync(
            new LoadRequest(SyntheticDistrict.Code) { UseDataDirectory = false, Download = download, SkipOptional = skipOptional },
            _ => TestDatabase.NoProgress,
            null,
            CancellationToken.None);

    private Task<List<string>> NamesAsync(string table, string column = "name") =>
        db.ListAsync($"SELECT {column} FROM {table} WHERE {column} IS NOT NULL ORDER BY {column}", r => r.GetString(0));

    [Fact]
    public async Task Every_source_is_collected_page_by_page_clipped_to_the_district_and_imported()
    {
        var results = await CollectAsync();

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(Paths.Keys.Order(), results.Select(r => r.DatasetId).Order());
        // Postcodes: seven rows in the district, two a page, so four pages; terminated and unlocated ones left out.
        Assert.Equal(4, publisher.Requests.Count(r => r.StartsWith("postcodes?", StringComparison.Ordinal)));
        Assert.Equal(["ZZ1 1AA", "ZZ1 1AB", "ZZ1 1BA", "ZZ1 2AA", "ZZ2 1AA"], await NamesAsync("postcodes", "code"));
        // OS Open Names from the product's zip: the district's names of the chosen local types only.
        Assert.Equal(["Brindle Green", "Little Oakhollow", "Mill Lane", "Oakhollow", "Oakhollow High Street"], await NamesAsync("place_names"));
        // One Overpass query for the district's bounding box (south,west,north,east), at the configured endpoint.
        var query = Assert.Single(publisher.OverpassQueries);
        Assert.Contains("(50.99,-0.01,51.11,0.31)", query, StringComparison.Ordinal);
        Assert.Contains("[out:json]", query, StringComparison.Ordinal);
        // Natural England: one feature a page, each layer queried by the district's bounding box.
        var reserves = publisher.Requests.Where(r => r.StartsWith("ne-local-nature-reserves?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, reserves.Count);
        Assert.All(reserves, r => Assert.Contains("geometryType=esriGeometryEnvelope", r, StringComparison.Ordinal));
        var greenSpaces = await NamesAsync("green_spaces");
        Assert.Contains("Synthetic Marsh Local Nature Reserve", greenSpaces);
        Assert.Contains("Synthetic Hills Country Park", greenSpaces);
        Assert.Contains("Synthetic Playground", greenSpaces);
        Assert.Contains("Synthetic Village Green", greenSpaces);
        Assert.Contains("Synthetic Allotments", greenSpaces);
        // The district clip: what lies beyond the boundary is not kept, from any source.
        Assert.DoesNotContain("Synthetic Reserve Elsewhere", greenSpaces);
        Assert.DoesNotContain("Synthetic Park Beyond The Boundary", greenSpaces);
        Assert.DoesNotContain("Synthetic Park Far Away", greenSpaces);
        // OS Open Greenspace: only the functions the manifest keeps, as the types it maps them to.
        Assert.DoesNotContain("Synthetic Golf Club", greenSpaces);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM green_spaces g JOIN datasets d ON d.id = g.dataset_id WHERE d.kind = 'green-spaces' AND d.title = 'OS Open Greenspace' AND g.type = 'play-area'"));
        Assert.Equal(["Synthetic Downs Way"], await db.ListAsync("SELECT name FROM routes WHERE kind = 'walking' AND network = 'Synthetic Downs Way'", r => r.GetString(0)));
        // Overpass recycling points keep their recycling:* materials.
        var materials = await db.ListAsync("SELECT materials FROM recycling_sites WHERE source_id = 'node/1'", r => r.GetFieldValue<string[]>(0));
        Assert.Equal(["cans", "glass bottles"], Assert.Single(materials));
    }

    [Fact]
    public async Task The_same_park_from_OpenStreetMap_and_OS_Open_Greenspace_is_stored_once_with_both_sources()
    {
        await CollectAsync();

        var parks = await db.ListAsync(
            "SELECT g.id, d.licence FROM green_spaces g JOIN datasets d ON d.id = g.dataset_id WHERE g.name = 'Synthetic Overpass Park'",
            r => (Id: r.GetInt32(0), Licence: r.GetString(1)));
        var park = Assert.Single(parks);
        Assert.Equal("ODbL-1.0", park.Licence);
        var also = await db.ListAsync(
            "SELECT s.source_id, d.title, d.licence FROM green_space_sources s JOIN datasets d ON d.id = s.dataset_id WHERE s.green_space_id = $1",
            r => (Source: r.GetString(0), Title: r.GetString(1), Licence: r.GetString(2)),
            park.Id);
        Assert.Equal([("SYNTHETIC-GS-1", "OS Open Greenspace", "OGL-UK-3.0")], also);
    }

    [Fact]
    public async Task Licences_and_attributions_are_stored_for_every_source()
    {
        await CollectAsync();

        var datasets = await db.ListAsync(
            "SELECT kind, title, licence, attribution FROM datasets WHERE kind NOT IN ('districts', 'wards', 'lsoas', 'lsoa-ward-lookup', 'iod')",
            r => (Kind: r.GetString(0), Title: r.GetString(1), Licence: r.GetString(2), Attribution: r.GetString(3)));

        Assert.All(datasets.Where(d => d.Title.Contains("OpenStreetMap", StringComparison.Ordinal)), d =>
        {
            Assert.Equal("ODbL-1.0", d.Licence);
            Assert.StartsWith("© OpenStreetMap contributors", d.Attribution, StringComparison.Ordinal);
        });
        Assert.Equal(3, datasets.Count(d => d.Title.Contains("OpenStreetMap", StringComparison.Ordinal)));
        Assert.All(datasets.Where(d => !d.Title.Contains("OpenStreetMap", StringComparison.Ordinal)), d => Assert.Equal("OGL-UK-3.0", d.Licence));
        Assert.Contains(datasets, d => d.Kind == "postcodes" && d.Attribution.Contains("Royal Mail", StringComparison.Ordinal));
        Assert.Contains(datasets, d => d.Title == "Local Nature Reserves (England)" && d.Attribution.Contains("Natural England", StringComparison.Ordinal));
        Assert.Contains(datasets, d => d.Kind == "place-names" && d.Attribution.Contains("OS data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_downloads_nothing()
    {
        await CollectAsync();
        var requests = publisher.Requests.Count + publisher.OverpassQueries.Count;
        var before = await db.DigestAsync();

        var again = await CollectAsync(DownloadPolicy.Never);

        Assert.All(again, r => Assert.Equal(0, r.Summary!.Written));
        Assert.Equal(requests, publisher.Requests.Count + publisher.OverpassQueries.Count);
        Assert.Equal(before, await db.DigestAsync());
    }

    [Fact]
    public async Task Place_imports_recompute_the_ward_measures_and_move_the_data_version()
    {
        var version = await db.ScalarAsync<long>("SELECT version FROM data_state");
        Assert.Null(await db.ScalarAsync<double?>("SELECT green_space_area_m2 FROM ward_places WHERE ward_code = 'E05999903'"));

        await CollectAsync();

        Assert.True(await db.ScalarAsync<long>("SELECT version FROM data_state") > version);
        Assert.True(await db.ScalarAsync<double?>("SELECT green_space_area_m2 FROM ward_places WHERE ward_code = 'E05999903'") > 0);
    }

    [Fact]
    public async Task A_broken_answer_writes_nothing_of_that_source_and_the_others_still_load()
    {
        publisher.OverpassAnswer = "osm-broken-unclosed-area.json";
        publisher.Broken.Add("ne-country-parks");

        var results = await CollectAsync();

        Assert.NotNull(results.Single(r => r.DatasetId == "osm").Error);
        Assert.Contains("answered 500", results.Single(r => r.DatasetId == "ne-country-parks").Error, StringComparison.Ordinal);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM datasets WHERE licence = 'ODbL-1.0'"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT count(*) FROM green_spaces WHERE name = 'Synthetic Hills Country Park'"));
        Assert.Equal(5, await db.CountAsync("postcodes"));
        // With no OpenStreetMap park stored, OS Open Greenspace's park is a green space of its own.
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM green_spaces WHERE name = 'Synthetic Overpass Park'"));
    }

    [Fact]
    public async Task Offline_the_places_sources_are_skipped_with_a_note_that_says_how_to_collect_them()
    {
        var results = await CollectAsync(DownloadPolicy.Never);

        Assert.Equal(Paths.Count, results.Count);
        Assert.All(results, r =>
        {
            Assert.Null(r.Error);
            Assert.Null(r.Summary);
            Assert.StartsWith($"not in the data folder or the cache; collect it with ./districtmap collect --district {SyntheticDistrict.Code} where ", r.Skipped, StringComparison.Ordinal);
        });
        Assert.Equal(0, await db.CountAsync("postcodes"));
    }

    [Fact]
    public async Task An_unreachable_publisher_skips_its_source_on_load_and_fails_it_on_collect()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Manifest))!;
        foreach (var dataset in manifest["datasets"]!.AsArray().Where(d => d!["id"]!.GetValue<string>().StartsWith("ne-", StringComparison.Ordinal)))
        {
            // Nothing listens on port 1: the connection is refused, as when the publisher cannot be reached.
            dataset!["url"] = "http://127.0.0.1:1/arcgis/unreachable/FeatureServer/0/query";
        }

        await File.WriteAllTextAsync(Manifest, manifest.ToJsonString());

        var load = await CollectAsync();
        var collect = await CollectAsync(DownloadPolicy.Always, skipOptional: false);

        var skipped = load.Where(r => r.Skipped is not null).ToList();
        Assert.Equal(["ne-country-parks", "ne-crow-access-land", "ne-local-nature-reserves", "ne-national-trails"], skipped.Select(r => r.DatasetId).Order());
        Assert.All(skipped, r => Assert.Contains("could not download http://127.0.0.1:1/", r.Skipped, StringComparison.Ordinal));
        Assert.All(load.Except(skipped), r => Assert.NotNull(r.Summary));
        Assert.Equal(4, collect.Count(r => r.Error is not null && r.Error.StartsWith("could not download", StringComparison.Ordinal)));
    }
}
