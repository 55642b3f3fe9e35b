using System.Globalization;
using System.Text.Json.Nodes;
using DistrictMap.Api.Features;
using DistrictMap.Api.Geography;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Places;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Tiles;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;

namespace DistrictMap.Tests.Tiles;

/// <summary>
/// The geometry kept in Web Mercator (and simplified by zoom band) for the tiles: the same as projecting and simplifying
/// the geometry as it is now, for every collection that declares it, after an import and after a re-import that moves a
/// ward; and tiles that follow the moved ward at every band.
/// </summary>
public sealed class TileGeometryTests : TileStoreHarness
{
    /// <summary>How far the re-import moves ward A east, degrees: more than a z7 tile is wide.</summary>
    private const double Shift = 3.0;

    private static readonly IReadOnlyList<FeatureCollectionDefinition> Collections =
    [
        GeographyCollections.Districts, GeographyCollections.Wards, GeographyCollections.Lsoas, .. PlacesCollections.All, PlanCollections.Actions,
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SyntheticPlaces.LoadAllAsync(Db);
    }

    [Fact]
    public void Every_collection_drawn_from_a_table_declares_its_stored_geometry_and_only_the_computed_one_does_not()
    {
        Assert.All(Collections.Where(c => c != PlanCollections.Actions), c => Assert.NotNull(c.TileGeometry));
        Assert.Null(PlanCollections.Actions.TileGeometry);
        Assert.Equal([5, 7, 9, 11], TileGeometry.Bands);
        Assert.Equal("l.geom_3857_z9", GeographyCollections.Lsoas.TileGeometry!.For(8));
        Assert.Equal("l.geom_3857", GeographyCollections.Lsoas.TileGeometry!.For(12));
        Assert.Equal("s.geom_3857", PlacesCollections.RecyclingSites.TileGeometry!.For(5));
    }

    [Fact]
    public async Task The_stored_geometry_is_the_projected_and_simplified_geometry_after_an_import_and_after_a_reimport()
    {
        await AssertStoredGeometryIsCurrentAsync();
        var before = await Db.ScalarAsync<double>("SELECT ST_XMin(geom_3857_z9) FROM wards WHERE name = $1", OldName);

        await ReimportMovedAsync();

        await AssertStoredGeometryIsCurrentAsync();
        var after = await Db.ScalarAsync<double>("SELECT ST_XMin(geom_3857_z9) FROM wards WHERE name = $1", OldName);
        // 3 degrees of longitude are about 334 km on Web Mercator.
        Assert.InRange(after - before, 333_000, 335_000);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(14)]
    public async Task A_tile_never_carries_a_ward_where_it_was_once_the_data_version_moved(int zoom)
    {
        var client = Instance();
        var point = await Db.ListAsync(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM wards WHERE name = $1) a", r => (r.GetDouble(0), r.GetDouble(1)), OldName);
        var (lon, lat) = Assert.Single(point);
        var there = TileTests.TileOf(lon, lat, zoom);
        var moved = TileTests.TileOf(lon + Shift, lat, zoom);
        Assert.NotEqual(there, moved);
        var first = await TileAsync(client, "wards", there);
        Assert.Contains(OldName, Names(first.Body));
        Assert.Empty((await TileAsync(client, "wards", moved)).Body);

        await ReimportMovedAsync();

        await EventuallyAsync(async () => (await TileAsync(client, "wards", there)).Version > first.Version, "the data version did not move");
        var old = await TileAsync(client, "wards", there);
        Assert.DoesNotContain(OldName, old.Body.Length == 0 ? [] : Names(old.Body));
        var now = await TileAsync(client, "wards", moved);
        Assert.Equal([OldName], Names(now.Body));
    }

    /// <summary>
    /// For every collection with stored geometry, no feature whose stored columns differ from projecting (and, for each
    /// band, simplifying by the band's tolerance) its geometry as it is now; and some features to compare.
    /// </summary>
    private async Task AssertStoredGeometryIsCurrentAsync()
    {
        foreach (var collection in Collections.Where(c => c.TileGeometry is not null))
        {
            var stored = collection.TileGeometry!;
            var projected = $"ST_Transform({collection.GeometryExpression}, 3857)";
            var differs = new List<string> { $"ST_AsEWKB({stored.Search}) IS DISTINCT FROM ST_AsEWKB({projected})" };
            if (stored.Simplified)
            {
                differs.AddRange(TileGeometry.Bands.Select(band =>
                    $"ST_AsEWKB({stored.For(band)}) IS DISTINCT FROM ST_AsEWKB(ST_Simplify({projected}, {TileGeometry.Tolerance(band).ToString("R", CultureInfo.InvariantCulture)}, true))"));
            }

            var counts = await Db.ListAsync(
                $"SELECT count(*), count(*) FILTER (WHERE {string.Join(" OR ", differs)}) FROM {collection.From}",
                r => (All: r.GetInt64(0), Stale: r.GetInt64(1)));
            var (all, stale) = Assert.Single(counts);
            Assert.True(all > 0, $"{collection.Id}: no features to compare");
            Assert.True(stale == 0, $"{collection.Id}: {stale} of {all} features' stored tile geometry differs from their geometry");
        }
    }

    /// <summary>Imports the synthetic wards again with ward A moved <see cref="Shift"/> degrees east: the data version moves.</summary>
    private async Task ReimportMovedAsync()
    {
        var wards = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.File("synthetic-wards.geojson")))!;
        var ward = wards["features"]!.AsArray().Single(f => (string?)f!["properties"]!["WD23NM"] == OldName)!;
        MoveEast(ward["geometry"]!["coordinates"]!);
        var path = Path.Combine(Path.GetTempPath(), $"districtmap-moved-wards-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(path, wards.ToJsonString());
        try
        {
            await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void MoveEast(JsonNode coordinates)
    {
        var array = coordinates.AsArray();
        if (array[0] is JsonValue)
        {
            array[0] = array[0]!.GetValue<double>() + Shift;
            return;
        }

        foreach (var child in array)
        {
            MoveEast(child!);
        }
    }
}
