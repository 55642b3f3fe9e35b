using System.Text.Json.Nodes;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Import;

/// <summary>The collect command against a local server that plays the publishers' part.</summary>
public sealed class CollectTests : IAsyncLifetime
{
    private readonly string workspace = Directory.CreateTempSubdirectory("districtmap-collect-").FullName;
    private FakePublisher publisher = null!;
    private TestDatabase db = null!;

    private string Manifest => Path.Combine(workspace, "sources.json");

    private string Cache => Path.Combine(workspace, "cache");

    public async Task InitializeAsync()
    {
        publisher = await FakePublisher.StartAsync();
        db = await TestDatabase.CreateAsync(new Dictionary<string, string?>
        {
            ["DistrictMap:Data:Manifest"] = Manifest,
            ["DistrictMap:Data:CacheDirectory"] = Cache,
            ["DistrictMap:Data:LocalLayout"] = Path.Combine(workspace, "no-layout.json"),
        });
        // The repository's manifest, pointed at the local server, with small pages to exercise paging.
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "data/geo/sources.json")))!;
        var layers = new Dictionary<string, (string Path, string? Where, JsonObject? Fields)>
        {
            ["lad-boundaries"] = ("arcgis/lad/FeatureServer/0/query", "LAD24CD = '{district}'", null),
            ["wards"] = ("arcgis/wards/FeatureServer/0/query", null, null),
            ["lsoa-2011-boundaries"] = ("arcgis/lsoas/FeatureServer/0/query", null, null),
            ["lsoa-ward-lookup-2011"] = ("arcgis/lookup/FeatureServer/0/query", "LAD19CD = '{district}'", null),
            ["iod-2019"] = ("files/synthetic-iod-file7.csv", null, null),
        };
        // The places and search datasets have tests of their own (CollectPlacesTests).
        foreach (var other in manifest["datasets"]!.AsArray().Where(d => !layers.ContainsKey(d!["id"]!.GetValue<string>())).ToList())
        {
            manifest["datasets"]!.AsArray().Remove(other);
        }

        foreach (var dataset in manifest["datasets"]!.AsArray())
        {
            var (path, where, _) = layers[dataset!["id"]!.GetValue<string>()];
            dataset["url"] = $"{publisher.BaseUrl}/{path}";
            dataset["pageSize"] = 2;
            if (where is not null)
            {
                dataset["where"] = where;
            }
        }

        manifest["datasets"]![0]!["fields"] = new JsonObject { ["code"] = "LAD24CD", ["name"] = "LAD24NM" };
        await File.WriteAllTextAsync(Manifest, manifest.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await publisher.DisposeAsync();
        Directory.Delete(workspace, recursive: true);
    }

    private Task<IReadOnlyList<LoadResult>> CollectAsync(DownloadPolicy download = DownloadPolicy.IfMissing) =>
        db.Services.GetRequiredService<DistrictLoader>().LoadAsync(
            new LoadRequest(SyntheticDistrict.Code) { UseDataDirectory = false, Download = download },
            _ => TestDatabase.NoProgress,
            null,
            CancellationToken.None);

    [Fact]
    public async Task Collect_downloads_every_dataset_page_by_page_caches_it_and_imports_it()
    {
        var results = await CollectAsync();

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(["lad-boundaries", "wards", "lsoa-2011-boundaries", "lsoa-ward-lookup-2011", "iod-2019"], results.Select(r => r.DatasetId));
        Assert.Equal(3, await db.CountAsync("wards"));
        Assert.Equal(6, await db.CountAsync("lsoa_ward_assignments"));
        Assert.Equal(3, await db.ScalarAsync<long>("SELECT count(district_rank) FROM ward_deprivation WHERE domain = 'imd'"));
        // Four wards in the layer, two a page: offsets 0 and 2, the second page ending the query.
        var wardQueries = publisher.Requests.Where(r => r.StartsWith("wards?", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, wardQueries.Count);
        Assert.Contains("resultOffset=2", wardQueries[1], StringComparison.Ordinal);
        // The wards layer has no district field, so it is queried by the district's bounding box.
        Assert.Contains("geometryType=esriGeometryEnvelope", wardQueries[0], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Cache, SyntheticDistrict.Code, "lsoa-ward-lookup-2011.csv")));
        var source = await db.ScalarAsync<string>("SELECT source FROM datasets WHERE kind = 'iod'");
        Assert.Equal($"{publisher.BaseUrl}/files/synthetic-iod-file7.csv", source);
    }

    [Fact]
    public async Task A_second_run_uses_the_cache_and_changes_nothing()
    {
        await CollectAsync();
        var requests = publisher.Requests.Count;
        var before = await db.DigestAsync();

        var again = await CollectAsync(DownloadPolicy.Never);

        Assert.All(again, r => Assert.Equal(0, r.Summary!.Written));
        Assert.Equal(requests, publisher.Requests.Count);
        Assert.Equal(before, await db.DigestAsync());
    }

    [Fact]
    public async Task A_failing_source_is_reported_and_the_others_still_load()
    {
        publisher.Broken.Add("synthetic-iod-file7.csv");

        var results = await CollectAsync();

        var iod = results.Single(r => r.DatasetId == "iod-2019");
        Assert.Contains("answered 500", iod.Error, StringComparison.Ordinal);
        Assert.Equal(3, await db.CountAsync("wards"));
        Assert.Equal(0, await db.CountAsync("deprivation_scores"));
        Assert.False(File.Exists(Path.Combine(Cache, SyntheticDistrict.Code, "iod-2019.csv")));
    }

    [Fact]
    public async Task Without_a_network_or_a_cache_nothing_is_loaded_and_each_dataset_says_why()
    {
        await publisher.DisposeAsync();

        var results = await CollectAsync();

        Assert.All(results, r => Assert.NotNull(r.Error));
        Assert.StartsWith("could not download", results[0].Error, StringComparison.Ordinal);
        // Layers queried by the district's bounding box cannot be asked for without the district boundary.
        Assert.Equal("wards: the district E07999999 has no boundary loaded to query by", results[1].Error);
        Assert.Equal(0, await db.CountAsync("wards"));
        publisher = await FakePublisher.StartAsync();
    }
}
