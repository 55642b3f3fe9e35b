namespace DistrictMap.Tests.Tiles;

/// <summary>
/// The tile store in PostgreSQL that every instance shares, over real PostGIS: two API instances on one database,
/// a re-import between their requests, and the store's rows read back.
/// </summary>
public sealed class SharedTileStoreTests : TileStoreHarness
{
    [Fact]
    public async Task After_a_reimport_the_tile_is_built_from_the_new_data_and_the_old_versions_rows_go()
    {
        var api = Instance();
        var before = await TileAsync(api, "wards", WardTile);
        await EventuallyAsync(async () => await StoredAsync("wards", WardTile, before.Version) is not null, "the tile was never stored");

        await ReimportRenamedAsync();
        var version = await VersionAsync();
        await EventuallyAsync(async () => (await TileAsync(api, "wards", WardTile)).Version == version, "the instance never saw the new data version");
        var after = await TileAsync(api, "wards", WardTile);

        Assert.True(version > before.Version);
        Assert.Contains(OldName, Names(before.Body));
        Assert.Contains(NewName, Names(after.Body));
        Assert.DoesNotContain(OldName, Names(after.Body));
        await EventuallyAsync(async () => await StoredAsync("wards", WardTile, version) is not null, "the new tile was never stored");
        Assert.Equal(after.Body, await StoredAsync("wards", WardTile, version));
        await EventuallyAsync(async () => !(await StoredByVersionAsync()).ContainsKey(before.Version), "the old version's rows were never removed");
    }

    [Fact]
    public async Task Neither_of_two_instances_serves_an_old_tile_once_the_data_has_moved()
    {
        var first = Instance();
        var second = Instance();
        var old = await VersionAsync();
        // Both have the tile in memory, and the store has it.
        foreach (var api in new[] { first, second, first, second })
        {
            var served = await TileAsync(api, "wards", WardTile);
            Assert.Equal(old, served.Version);
            Assert.Contains(OldName, Names(served.Body));
        }

        await EventuallyAsync(async () => await StoredAsync("wards", WardTile, old) is not null, "the tile was never stored");

        await ReimportRenamedAsync();
        var version = await VersionAsync();
        var seen = new HashSet<HttpClient>();
        await EventuallyAsync(
            async () =>
            {
                foreach (var api in new[] { first, second })
                {
                    var served = await TileAsync(api, "wards", WardTile);
                    // Until an instance hears of the import it may serve the old version, but always as the old version.
                    Assert.True(served.Version == old || served.Version == version, $"version {served.Version}");
                    Assert.Contains(served.Version == version ? NewName : OldName, Names(served.Body));
                    if (served.Version == version)
                    {
                        seen.Add(api);
                    }
                }

                return seen.Count == 2;
            },
            "an instance never saw the new data version");

        foreach (var api in new[] { second, first, second, first })
        {
            var served = await TileAsync(api, "wards", WardTile);
            Assert.Equal(version, served.Version);
            Assert.Contains(NewName, Names(served.Body));
            Assert.DoesNotContain(OldName, Names(served.Body));
        }

        await EventuallyAsync(async () => (await StoredByVersionAsync()).Keys.All(v => v == version), "rows of the old version were left in the store");
    }

    [Fact]
    public async Task A_tile_built_by_one_instance_is_served_from_the_store_by_the_other()
    {
        var first = Instance();
        var second = Instance();
        var built = await TileAsync(first, "wards", WardTile);
        await EventuallyAsync(async () => await StoredAsync("wards", WardTile, built.Version) is not null, "the tile was never stored");
        Assert.Equal(built.Body, await StoredAsync("wards", WardTile, built.Version));
        // Bytes no build could give: served as they are only if the second instance takes the tile from the store.
        byte[] marker = [0x1a, 0x03, 0x78, 0x01, 0x02];
        await using (var command = Db.DataSource.CreateCommand("UPDATE tile_store SET tile = $1 WHERE collection = 'wards'"))
        {
            command.Parameters.AddWithValue(marker);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var served = await TileAsync(second, "wards", WardTile);

        Assert.Equal(built.Version, served.Version);
        Assert.Equal(marker, served.Body);
        Assert.Equal(1, await Db.ScalarAsync<long>("SELECT count(*) FROM tile_store"));
        Assert.Equal(1, Metrics(second).StoreHits);
        Assert.Equal(0, Metrics(second).StoreMisses);
        Assert.Equal(1, Metrics(first).StoreMisses);
        Assert.Contains("districtmap_tiles_store_reads_total{", await second.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_store_off_nothing_is_stored_and_tiles_are_still_served()
    {
        var api = Instance(new Dictionary<string, string?> { ["DistrictMap:Tiles:Store:Enabled"] = "false" });

        var served = await TileAsync(api, "wards", WardTile);
        await TileAsync(api, "lsoas", WardTile);

        Assert.Contains(OldName, Names(served.Body));
        await Task.Delay(500);
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM tile_store"));
    }
}
