namespace DistrictMap.Tests.Tiles;

/// <summary>Tiles built in the background into the shared store whenever the data version moves, over real PostGIS.</summary>
public sealed class TileSeedingTests : TileStoreHarness
{
    private static Dictionary<string, string?> Seeding(string collections, int minZoom, int maxZoom) => new()
    {
        ["DistrictMap:Tiles:Seeding:Enabled"] = "true",
        ["DistrictMap:Tiles:Seeding:Collections"] = collections,
        ["DistrictMap:Tiles:Seeding:MinZoom"] = $"{minZoom}",
        ["DistrictMap:Tiles:Seeding:MaxZoom"] = $"{maxZoom}",
    };

    /// <summary>Every tile of the zooms that meets the bounding box of a table's geometries, by PostGIS's extent.</summary>
    private async Task<HashSet<(string, int, int, int)>> ExpectedAsync(string collection, string table, int minZoom, int maxZoom)
    {
        var box = (await Db.ListAsync(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM {table}) x",
            r => (West: r.GetDouble(0), South: r.GetDouble(1), East: r.GetDouble(2), North: r.GetDouble(3)))).Single();
        var expected = new HashSet<(string, int, int, int)>();
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var northWest = TileTests.TileOf(box.West, box.North, z);
            var southEast = TileTests.TileOf(box.East, box.South, z);
            for (var x = northWest.X; x <= southEast.X; x++)
            {
                for (var y = northWest.Y; y <= southEast.Y; y++)
                {
                    expected.Add((collection, z, x, y));
                }
            }
        }

        return expected;
    }

    private Task<List<(string, int, int, int)>> StoredTilesAsync(long version) =>
        Db.ListAsync("SELECT collection, z, x, y FROM tile_store WHERE version = $1", r => (r.GetString(0), (int)r.GetInt16(1), r.GetInt32(2), r.GetInt32(3)), version);

    [Fact]
    public async Task Seeding_stores_every_tile_of_the_collections_at_the_zooms_once_for_two_instances()
    {
        var expected = await ExpectedAsync("wards", "wards", 8, 12);
        expected.UnionWith(await ExpectedAsync("lsoas", "lsoas", 8, 12));
        var version = await VersionAsync();

        // Two instances start at once: one seeds, the other waits for it and then finds every tile stored.
        HttpClient[] instances = [Instance(Seeding("wards, lsoas", 8, 12)), Instance(Seeding("wards,lsoas", 8, 12))];
        await EventuallyAsync(async () => (await StoredTilesAsync(version)).Count >= expected.Count, "seeding never stored the tiles");
        await EventuallyAsync(
            () => Task.FromResult(instances.All(api => Metrics(api).SeedingVersion == version && Metrics(api).SeedingPending == 0)),
            "seeding never finished on both instances");

        Assert.Equal(expected.Order(), (await StoredTilesAsync(version)).Order());
        var seeder = Assert.Single(instances, api => Metrics(api).SeedingBuilt > 0);
        var other = Assert.Single(instances, api => api != seeder);
        Assert.Equal(expected.Count, Metrics(seeder).SeedingBuilt);
        Assert.Equal(expected.Count, Metrics(seeder).SeedingPlanned);
        Assert.Equal(0, Metrics(other).SeedingPlanned);
        Assert.Equal(0, Metrics(other).SeedingBuilt);
        foreach (var api in instances)
        {
            var served = await TileAsync(api, "wards", WardTile);
            Assert.Equal(await StoredAsync("wards", WardTile, version), served.Body);
            Assert.Contains(OldName, Names(served.Body));
            Assert.Equal(1, Metrics(api).StoreHits);
        }

        Assert.Equal(expected.Count, (await StoredTilesAsync(version)).Count);
    }

    [Fact]
    public async Task A_request_during_seeding_is_answered_and_seeding_starts_again_when_the_data_moves()
    {
        var old = await VersionAsync();
        var planned = (await ExpectedAsync("wards", "wards", 8, 17)).Count;
        var api = Instance(Seeding("wards", 8, 17));
        await EventuallyAsync(async () => (await StoredTilesAsync(old)).Count > 0, "seeding never started");
        var deep = TileTests.TileOf(0.05, 51.05, 17);

        var served = await TileAsync(api, "wards", deep);

        var pending = Metrics(api).SeedingPending;
        Assert.True(pending > 0, "seeding had finished before the request was answered");
        Assert.Equal(planned, Metrics(api).SeedingPlanned);
        Assert.Equal(old, served.Version);
        Assert.Equal([OldName], Names(served.Body));

        await ReimportRenamedAsync();
        var version = await VersionAsync();
        await EventuallyAsync(() => Task.FromResult(Metrics(api).SeedingVersion == version), "seeding never started on the new version");
        await EventuallyAsync(async () => (await StoredTilesAsync(version)).Count > 0, "nothing of the new version was seeded");
        await EventuallyAsync(async () => (await StoredByVersionAsync()).Keys.All(v => v == version), "tiles of the old version were left in the store");
        var seeded = (await StoredTilesAsync(version)).First(t => t.Item2 == 8);
        var tile = (seeded.Item2, seeded.Item3, seeded.Item4);
        Assert.Contains(NewName, Names((await StoredAsync("wards", tile, version))!));
        Assert.Equal(await StoredAsync("wards", tile, version), (await TileAsync(api, "wards", tile)).Body);
    }
}
