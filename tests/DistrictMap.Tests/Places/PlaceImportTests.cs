using DistrictMap.Api.Import;
using DistrictMap.Api.Places;
using DistrictMap.Api.Places.Import;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Places;

/// <summary>Place layers imported from GeoJSON, GeoPackage and Shapefile files with a field mapping.</summary>
public sealed class PlaceImportTests : DatabaseTest
{
    private Task<ImportSummary> Import(PlaceImportOptions options) => Db.Importer().ImportAsync(options, TestDatabase.NoProgress);

    private static PlaceImportOptions Options(PlaceLayer layer, string fixture) => new() { Layer = layer, Path = Fixtures.File(fixture) };

    [Fact]
    public async Task Routes_become_MultiLineStrings_with_their_kind_and_a_length_on_the_ellipsoid()
    {
        var summary = await Db.ImportPlacesAsync(PlaceLayer.Routes, "places-routes.geojson");

        Assert.Equal((3, 3, 0, 0), (summary.Read, summary.Written, summary.Skipped, summary.Rejected));
        var routes = await Db.ListAsync(
            "SELECT source_id, kind, name, network, surface, accessibility, length_m, GeometryType(geom), ST_SRID(geom), sample FROM routes ORDER BY source_id",
            r => (Id: r.GetString(0), Kind: r.GetString(1), Name: r.GetString(2), Network: r.IsDBNull(3) ? null : r.GetString(3),
                  Surface: r.IsDBNull(4) ? null : r.GetString(4), Access: r.IsDBNull(5) ? null : r.GetString(5), Length: r.GetDouble(6),
                  Type: r.GetString(7), Srid: r.GetInt32(8), Sample: r.GetBoolean(9)));
        Assert.Equal(["cycle-1", "walk-1", "walk-2"], routes.Select(r => r.Id));
        Assert.Equal(["cycling", "walking", "walking"], routes.Select(r => r.Kind));
        Assert.All(routes, r => Assert.Equal(("MULTILINESTRING", 4326, false), (r.Type, r.Srid, r.Sample)));
        Assert.Equal(("Synthetic route 99", "gravel", "step-free"), (routes[0].Network, routes[1].Surface, routes[1].Access));
        // 0.02° of a meridian, and 0.03° of the parallel 51.04° N, by the haversine formula.
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.03, 51.01, 0.03, 51.03), routes[1].Length);
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.09, 51.04, 0.12, 51.04), routes[0].Length);
    }

    [Fact]
    public async Task Green_spaces_get_a_type_access_and_an_area_on_the_ellipsoid()
    {
        await Db.ImportPlacesAsync(PlaceLayer.GreenSpaces, "places-green-spaces.geojson");

        var spaces = await Db.ListAsync(
            "SELECT source_id, type, access, area_m2, GeometryType(geom) FROM green_spaces ORDER BY source_id",
            r => (Id: r.GetString(0), Type: r.GetString(1), Access: r.GetString(2), Area: r.GetDouble(3), Geometry: r.GetString(4)));
        Assert.Equal(["allot-b", "park-a", "park-b", "play-b"], spaces.Select(s => s.Id));
        Assert.Equal(["allotments", "park", "park", "play-area"], spaces.Select(s => s.Type));
        Assert.Equal(["restricted", "public", "public", "public"], spaces.Select(s => s.Access));
        Assert.All(spaces, s => Assert.Equal("MULTIPOLYGON", s.Geometry));
        SyntheticPlaces.Near(SyntheticPlaces.RectangleArea(0.04, 51.02, 0.06, 51.03), spaces[1].Area);
    }

    [Fact]
    public async Task A_100_metre_British_National_Grid_square_has_the_area_the_grid_scale_gives()
    {
        await Db.ImportPlacesAsync(PlaceLayer.GreenSpaces, "places-bng-square.geojson");

        var area = await Db.ScalarAsync<double>("SELECT area_m2 FROM green_spaces");
        // The grid's scale factor at E 614300: k0 (1 + x²/2R²) = 0.9996013 × (1 + 214300² / (2 × 6381000²)) ≈ 1.0001648.
        var scale = 0.9996012717 * (1 + (214_300.0 * 214_300.0 / (2 * 6_381_000.0 * 6_381_000.0)));
        SyntheticPlaces.Near(10_000 / (scale * scale), area, 0.001);
        Assert.Equal("common", await Db.ScalarAsync<string>("SELECT type FROM green_spaces"));
    }

    [Fact]
    public async Task Projects_recycling_sites_and_activities_keep_their_values()
    {
        foreach (var layer in new[] { PlaceLayer.TownCentreProjects, PlaceLayer.RecyclingSites, PlaceLayer.Activities })
        {
            await Db.ImportPlacesAsync(layer, SyntheticPlaces.Files[layer]);
        }

        var projects = await Db.ListAsync(
            "SELECT title, town, status, lead_partner, start_date::text, end_date::text, link, GeometryType(geom) FROM town_centre_projects ORDER BY source_id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                  r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7)));
        Assert.Equal(
            [
                ("Synthetic Market Project", "Synthetic Town", "in-progress", "Synthetic Partner", "2025-04-01", "2026-03-31", "https://example.org/synthetic", "POINT"),
                ("Synthetic Square Project", "Synthetic Town", "planned", null, null, null, null, "MULTIPOLYGON"),
            ],
            projects);
        var materials = await Db.ListAsync("SELECT materials FROM recycling_sites ORDER BY source_id", r => r.GetFieldValue<string[]>(0));
        Assert.Equal([["glass", "paper"], ["cans", "textiles"]], materials);
        var activities = await Db.ListAsync(
            "SELECT title, type, schedule, hours_needed FROM activities ORDER BY source_id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3)));
        Assert.Equal([("Synthetic Litter Pick", "volunteering", "Saturdays 10:00-12:00", 2.0), ("Synthetic Coffee Morning", "activity", "Fridays", 1.5)], activities);
    }

    [Theory]
    [InlineData("places-council-routes.gpkg")]
    [InlineData("places-council-routes-shp")]
    [InlineData("places-council-routes.geojson")]
    public async Task Fields_named_on_the_command_line_map_a_councils_own_layout(string fixture)
    {
        await Import(Options(PlaceLayer.Routes, fixture) with
        {
            Fields = new Dictionary<string, string> { ["id"] = "ROUTE_ID", ["name"] = "ROUTE_NAME", ["kind"] = "MODE", ["network"] = "NCN" },
        });

        var routes = await Db.ListAsync(
            "SELECT source_id, name, kind, network FROM routes ORDER BY source_id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        Assert.Equal([("C-1", "Synthetic Council Path", "shared", "Synthetic 1"), ("C-2", "Synthetic Council Ride", "cycling", null)], routes);
    }

    [Fact]
    public async Task A_value_option_fills_a_required_field_the_file_does_not_have()
    {
        await Import(Options(PlaceLayer.GreenSpaces, "places-bng-square.geojson") with
        {
            Values = new Dictionary<string, string> { ["access"] = "restricted" },
        });
        var error = await Assert.ThrowsAsync<ImportException>(() => Import(Options(PlaceLayer.GreenSpaces, "places-council-routes.geojson")));

        Assert.Equal("restricted", await Db.ScalarAsync<string>("SELECT access FROM green_spaces"));
        Assert.StartsWith("places-council-routes.geojson: no type field found (fields: ROUTE_ID, ROUTE_NAME, MODE, NCN); name it with --type-field, or give every feature one with --type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        await SyntheticPlaces.LoadAllAsync(Db);
        var before = await Db.DigestAsync();

        var again = await Db.ImportPlacesAsync(PlaceLayer.Routes, "places-routes.geojson");
        await SyntheticPlaces.LoadAllAsync(Db);

        Assert.Equal((0, 3), (again.Written, again.Unchanged));
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Theory]
    [InlineData("places-broken-point-route.geojson", "places-broken-point-route.geojson: feature 2 (bad): a Point where a LineString or MultiLineString was expected for a route")]
    [InlineData("places-broken-kind.geojson", "places-broken-kind.geojson: feature 2 (horse): kind \"equestrian\" is not one of walking, cycling, shared (field kind)")]
    [InlineData("places-green-spaces.geojson", "places-green-spaces.geojson: feature 1 (park-a): kind \"park\" is not one of walking, cycling, shared (field type)")]
    public async Task A_bad_feature_fails_the_import_with_one_line_and_writes_nothing(string fixture, string message)
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);
        var before = await Db.DigestAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => Db.ImportPlacesAsync(PlaceLayer.Routes, fixture));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task The_district_filter_keeps_what_touches_the_districts_boundary()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        var kept = await Db.ImportPlacesAsync(PlaceLayer.Routes, "places-routes.geojson", district: "E07999999");
        var none = await Assert.ThrowsAsync<ImportException>(() => Db.ImportPlacesAsync(PlaceLayer.Activities, "places-activities.geojson", district: "E07999998"));
        var unknown = await Assert.ThrowsAsync<ImportException>(() => Db.ImportPlacesAsync(PlaceLayer.Activities, "places-activities.geojson", district: "E07000111"));

        Assert.Equal((3, 0), (kept.Written, kept.Skipped));
        Assert.Equal(["E07999999"], await Db.ListAsync("SELECT DISTINCT district_code FROM routes", r => r.GetString(0)));
        Assert.Equal("places-activities.geojson: no features in district E07999998", none.Message);
        Assert.Equal("places-activities.geojson: cannot restrict to district E07000111: its boundary is not loaded (import districts first, or leave out --district)", unknown.Message);
    }

    [Fact]
    public async Task Sample_content_is_marked_and_recorded_with_the_sample_licence()
    {
        await Db.ImportPlacesAsync(PlaceLayer.Activities, "places-activities.geojson", sample: true);
        await Db.ImportPlacesAsync(PlaceLayer.RecyclingSites, "places-recycling-sites.geojson");

        Assert.Equal([true], await Db.ListAsync("SELECT DISTINCT sample FROM activities", r => r.GetBoolean(0)));
        Assert.Equal([false], await Db.ListAsync("SELECT DISTINCT sample FROM recycling_sites", r => r.GetBoolean(0)));
        var datasets = await Db.ListAsync(
            "SELECT key, kind, licence, attribution, rows FROM datasets ORDER BY key",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)));
        Assert.Equal(
            [
                ("activities:places-activities.geojson:all", "activities", "sample content, not real data", "Sample content written for DistrictMap; not real data", 2),
                ("recycling-sites:places-recycling-sites.geojson:all", "recycling-sites", "OGL-UK-3.0", PlaceProvenance.OglAttribution, 2),
            ],
            datasets);
    }
}
