using DistrictMap.Api.Import;
using DistrictMap.Api.Places.Import.Osm;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Places;

/// <summary>OpenStreetMap data (synthetic Overpass JSON and OSM XML fixtures) mapped to routes, green spaces and recycling sites.</summary>
public sealed class OsmImportTests : DatabaseTest
{
    private Task<IReadOnlyList<ImportSummary>> Import(string fixture, string? district = null) =>
        Db.Osm().ImportAsync(new OsmImportOptions { Path = Fixtures.File(fixture), District = district }, TestDatabase.NoProgress);

    private Task<List<(string Id, string Kind, string? Name, string? Network, string? Surface, string? Accessibility)>> RoutesAsync() =>
        Db.ListAsync(
            "SELECT source_id, kind, name, network, surface, accessibility FROM routes ORDER BY source_id",
            r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                  r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));

    private Task<List<(string Id, string Type, string Access, string? Name)>> GreenSpacesAsync() =>
        Db.ListAsync(
            "SELECT source_id, type, access, name FROM green_spaces ORDER BY source_id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));

    [Fact]
    public async Task Overpass_route_relations_and_named_paths_become_routes()
    {
        await Import("osm-synthetic.json");

        Assert.Equal(
            [
                ("relation/100", "walking", "Synthetic Long Distance Path", "Synthetic Long Distance Path", null, null),
                ("relation/101", "cycling", "Cycle route 99", "National Cycle Network route 99", null, null),
                ("way/10", "shared", "Synthetic Shared Cycleway", null, "asphalt", null),
            ],
            await RoutesAsync());
        // The hiking route's two member ways, 0.01° each along the parallel 51.08° N.
        var length = await Db.ScalarAsync<double>("SELECT length_m FROM routes WHERE source_id = 'relation/100'");
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.02, 51.08, 0.04, 51.08), length);
    }

    [Fact]
    public async Task Overpass_parks_reserves_and_gardens_become_green_spaces_and_landscapes_do_not()
    {
        await Import("osm-synthetic.json");

        Assert.Equal(
            [
                ("relation/102", "country-park", "public", "Synthetic Country Park"),
                ("way/12", "park", "public", "Synthetic OSM Park"),
                ("way/13", "park", "restricted", "Synthetic Private Garden"),
            ],
            await GreenSpacesAsync());
        // The multipolygon: two outer ways joined into one ring around a hole of 0.01° × 0.01°.
        var area = await Db.ScalarAsync<double>("SELECT area_m2 FROM green_spaces WHERE source_id = 'relation/102'");
        SyntheticPlaces.Near(SyntheticPlaces.RectangleArea(0.21, 51.05, 0.25, 51.09) - SyntheticPlaces.RectangleArea(0.22, 51.06, 0.23, 51.07), area);
    }

    [Fact]
    public async Task Overpass_recycling_points_with_materials_become_recycling_sites()
    {
        await Import("osm-synthetic.json");

        var sites = await Db.ListAsync(
            "SELECT source_id, name, materials, opening, ST_X(geom), ST_Y(geom) FROM recycling_sites ORDER BY source_id",
            r => (Id: r.GetString(0), Name: r.GetString(1), Materials: r.GetFieldValue<string[]>(2), Opening: r.IsDBNull(3) ? null : r.GetString(3), X: r.GetDouble(4), Y: r.GetDouble(5)));
        Assert.Equal(["node/1", "way/15"], sites.Select(s => s.Id));
        Assert.Equal(("Recycling point", "24/7"), (sites[0].Name, sites[0].Opening));
        Assert.Equal(["glass bottles", "paper"], sites[0].Materials);
        Assert.Equal("Recycling centre", sites[1].Name);
        Assert.Equal(["cans"], sites[1].Materials);
        Assert.InRange(sites[1].X, 0.28, 0.29);
        Assert.InRange(sites[1].Y, 51.01, 51.02);
    }

    [Fact]
    public async Task OSM_XML_paths_carry_stiles_step_free_and_gradient_notes()
    {
        var summaries = await Import("osm-synthetic.osm");

        Assert.Equal(["routes", "green-spaces", "recycling-sites"], summaries.Select(s => s.Dataset.Split(':')[0]));
        Assert.Equal(
            [
                ("relation/200", "walking", "Synthetic Village Walk", null, null, null),
                ("way/30", "walking", "Synthetic Stile Path", null, null, "not step-free; 2 stiles; gradient 12%"),
            ],
            await RoutesAsync());
        // Member way 999 is not in the file (a clipped extract): the route keeps the two it has.
        var length = await Db.ScalarAsync<double>("SELECT length_m FROM routes WHERE source_id = 'relation/200'");
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.21, 51.08, 0.23, 51.08), length);
        Assert.Equal([("way/31", "allotments", "restricted", "Synthetic Allotments")], await GreenSpacesAsync());
        Assert.Equal(["batteries"], (await Db.ScalarAsync<string[]>("SELECT materials FROM recycling_sites"))!);
    }

    [Fact]
    public async Task Each_layer_is_recorded_under_the_Open_Database_Licence_with_the_extract_date()
    {
        await Import("osm-synthetic.json");

        var datasets = await Db.ListAsync(
            "SELECT key, kind, licence, licence_url, attribution, vintage, rows FROM datasets ORDER BY key",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6)));
        Assert.Equal(
            [
                ("green-spaces:osm-synthetic.json:all", "green-spaces", Attribution.OdblLicence, Attribution.OdblLicenceUrl, Attribution.OpenStreetMap, "2025-06-01", 3),
                ("recycling-sites:osm-synthetic.json:all", "recycling-sites", Attribution.OdblLicence, Attribution.OdblLicenceUrl, Attribution.OpenStreetMap, "2025-06-01", 2),
                ("routes:osm-synthetic.json:all", "routes", Attribution.OdblLicence, Attribution.OdblLicenceUrl, Attribution.OpenStreetMap, "2025-06-01", 3),
            ],
            datasets);
    }

    [Fact]
    public async Task Importing_the_same_extract_twice_changes_nothing_and_the_district_filter_applies()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);
        await Import("osm-synthetic.json", district: "E07999999");
        var before = await Db.DigestAsync();

        var again = await Import("osm-synthetic.json", district: "E07999999");

        Assert.All(again, s => Assert.Equal(0, s.Written));
        Assert.Equal(before, await Db.DigestAsync());
        Assert.Equal(["E07999999"], await Db.ListAsync("SELECT DISTINCT district_code FROM green_spaces", r => r.GetString(0)));
    }

    [Theory]
    [InlineData("osm-broken-missing-node.osm", "osm-broken-missing-node.osm: way 40: references node 3, which is not in the file")]
    [InlineData("osm-broken-unclosed-area.json", "osm-broken-unclosed-area.json: way 50: an area (leisure=park) that is not closed: its first and last nodes must be the same, with at least three others")]
    [InlineData("osm-broken-unclosed-multipolygon.json", "osm-broken-unclosed-multipolygon.json: relation 60: an area (leisure=common) whose outer ring through way 61 is not closed: no member way continues it from (0.25, 51.09)")]
    [InlineData("osm-broken.osm", "osm-broken.osm: line 5: not well-formed XML: an end tag does not match the element it closes")]
    [InlineData("osm-broken.json", "osm-broken.json: line 2: not valid JSON: the file ends before every object and array is closed")]
    public async Task Bad_OpenStreetMap_input_is_rejected_with_one_line_naming_the_element_and_writes_nothing(string fixture, string message)
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);
        var before = await Db.DigestAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => Import(fixture));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, await Db.DigestAsync());
    }
}
