using System.Globalization;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// OGC API - Features - Part 3 with CQL2: every operator, in cql2-text and cql2-json, parsed and run against PostGIS
/// over the synthetic wards (A, B and C side by side from 0.0 to 0.3 E, 51.0 to 51.1 N) and actions.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcFilterTests(OgcFixture api)
{
    private const string A = "E05999901", B = "E05999902", C = "E05999903";

    [Theory]
    [InlineData("code = 'E05999901'", new[] { A })]
    [InlineData("code <> 'E05999901'", new[] { B, C })]
    [InlineData("code < 'E05999902'", new[] { A })]
    [InlineData("code <= 'E05999902'", new[] { A, B })]
    [InlineData("code > 'E05999902'", new[] { C })]
    [InlineData("code >= 'E05999902'", new[] { B, C })]
    [InlineData("\"code\" = 'E05999903'", new[] { C })]
    [InlineData("name IS NULL", new string[0])]
    [InlineData("name IS NOT NULL", new[] { A, B, C })]
    [InlineData("code = 'E05999901' OR code = 'E05999903'", new[] { A, C })]
    [InlineData("NOT (code = 'E05999901') AND name LIKE '%C'", new[] { C })]
    [InlineData("(code = 'E05999901' OR code = 'E05999902') AND NOT code = 'E05999902'", new[] { A })]
    [InlineData("TRUE", new[] { A, B, C })]
    [InlineData("FALSE", new string[0])]
    [InlineData("name LIKE 'Synthetic Ward _'", new[] { A, B, C })]
    [InlineData("name LIKE '%B'", new[] { B })]
    [InlineData("name NOT LIKE '%B'", new[] { A, C })]
    [InlineData("code BETWEEN 'E05999902' AND 'E05999903'", new[] { B, C })]
    [InlineData("code NOT BETWEEN 'E05999902' AND 'E05999903'", new[] { A })]
    [InlineData("code IN ('E05999901', 'E05999903')", new[] { A, C })]
    [InlineData("code NOT IN ('E05999901', 'E05999903')", new[] { B })]
    [InlineData("CASEI(name) = CASEI('SYNTHETIC ward a')", new[] { A })]
    [InlineData("CASEI(name) LIKE CASEI('synthetic%C')", new[] { C })]
    [InlineData("name = 'synthetic ward a'", new string[0])]
    [InlineData("S_INTERSECTS(geometry, POINT(0.15 51.05))", new[] { B })]
    [InlineData("s_intersects(geometry, BBOX(0.05, 51.02, 0.15, 51.03))", new[] { A, B })]
    [InlineData("S_INTERSECTS(geometry, MULTIPOINT((0.05 51.05), (0.25 51.05)))", new[] { A, C })]
    [InlineData("S_INTERSECTS(geometry, MULTILINESTRING((0.01 51.01, 0.02 51.02)))", new[] { A })]
    [InlineData("S_INTERSECTS(geometry, MULTIPOLYGON(((0.21 51.01, 0.22 51.01, 0.22 51.02, 0.21 51.01))))", new[] { C })]
    [InlineData("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(0.05 51.05)))", new[] { A })]
    [InlineData("S_WITHIN(geometry, POLYGON((0.09 50.9, 0.31 50.9, 0.31 51.2, 0.09 51.2, 0.09 50.9)))", new[] { B, C })]
    [InlineData("S_CONTAINS(geometry, POINT(0.25 51.05))", new[] { C })]
    [InlineData("S_DISJOINT(geometry, POINT(0.25 51.05))", new[] { A, B })]
    [InlineData("S_TOUCHES(geometry, LINESTRING(0.1 51.0, 0.1 51.1))", new[] { A, B })]
    [InlineData("S_CROSSES(geometry, LINESTRING(0.05 51.05, 0.15 51.05))", new[] { A, B })]
    [InlineData("S_OVERLAPS(geometry, POLYGON((0.05 51.0, 0.15 51.0, 0.15 51.1, 0.05 51.1, 0.05 51.0)))", new[] { A, B })]
    [InlineData("S_EQUALS(geometry, POLYGON((0.2 51.0, 0.3 51.0, 0.3 51.1, 0.2 51.1, 0.2 51.0)))", new[] { C })]
    [InlineData("S_INTERSECTS(geometry, POINT(0.15 51.05)) AND name LIKE '%B'", new[] { B })]
    public async Task Wards_are_filtered_in_cql2_text(string filter, string[] expected) =>
        Assert.Equal(expected, await IdsAsync("wards", filter));

    [Theory]
    [InlineData("""{"op":"=","args":[{"property":"code"},"E05999901"]}""", new[] { A })]
    [InlineData("""{"op":"and","args":[{"op":"like","args":[{"property":"name"},"%Ward%"]},{"op":"not","args":[{"op":"in","args":[{"property":"code"},["E05999901","E05999902"]]}]}]}""", new[] { C })]
    [InlineData("""{"op":"or","args":[{"op":"=","args":[{"property":"code"},"E05999901"]},{"op":"between","args":[{"property":"code"},"E05999903","E05999909"]}]}""", new[] { A, C })]
    [InlineData("""{"op":"=","args":[{"op":"casei","args":[{"property":"name"}]},{"op":"casei","args":["synthetic WARD b"]}]}""", new[] { B })]
    [InlineData("""{"op":"isNull","args":[{"property":"name"}]}""", new string[0])]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Point","coordinates":[0.25,51.05]}]}""", new[] { C })]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[0.05,51.02,0.15,51.03]}]}""", new[] { A, B })]
    [InlineData("""{"op":"s_within","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[-1,50],[0.15,50],[0.15,52],[-1,52],[-1,50]]]}]}""", new[] { A })]
    public async Task Wards_are_filtered_in_cql2_json(string filter, string[] expected) =>
        Assert.Equal(expected, await IdsAsync("wards", filter, "cql2-json"));

    // The synthetic plan's actions run T1 2025-01-01..2030-12-31, T2 2025-01-01..2025-06-30, T3 2026-01-01..2030-12-31, T4 2024-01-01..2024-12-31.
    [Theory]
    [InlineData("T_AFTER(start, DATE('2025-06-01'))", new[] { "T3" })]
    [InlineData("T_AFTER(start, TIMESTAMP('2025-12-31T23:00:00Z'))", new[] { "T3" })]
    [InlineData("T_BEFORE(due, DATE('2025-01-01'))", new[] { "T4" })]
    [InlineData("T_EQUALS(start, DATE('2025-01-01'))", new[] { "T1", "T2" })]
    [InlineData("T_DURING(INTERVAL(start, due), INTERVAL('2024-06-01', '2031-01-01'))", new[] { "T1", "T2", "T3" })]
    [InlineData("T_INTERSECTS(INTERVAL(start, due), DATE('2025-03-01'))", new[] { "T1", "T2" })]
    [InlineData("T_INTERSECTS(INTERVAL(start, due), INTERVAL('2030-01-01', '..'))", new[] { "T1", "T3" })]
    [InlineData("T_CONTAINS(INTERVAL(start, due), INTERVAL('2025-02-01', '2025-03-01'))", new[] { "T1", "T2" })]
    [InlineData("T_STARTS(INTERVAL(start, due), INTERVAL('2025-01-01', '2031-01-01'))", new[] { "T1", "T2" })]
    [InlineData("T_STARTEDBY(INTERVAL(start, due), INTERVAL('2025-01-01', '2025-03-01'))", new[] { "T1", "T2" })]
    [InlineData("T_FINISHES(INTERVAL(start, due), INTERVAL('2025-06-01', '2030-12-31'))", new[] { "T3" })]
    [InlineData("T_FINISHEDBY(INTERVAL(start, due), INTERVAL('2026-06-01', '2030-12-31'))", new[] { "T1", "T3" })]
    [InlineData("T_MEETS(INTERVAL(start, due), INTERVAL('2024-12-31', '2025-06-01'))", new[] { "T4" })]
    [InlineData("T_METBY(INTERVAL(start, due), INTERVAL('2020-01-01', '2026-01-01'))", new[] { "T3" })]
    [InlineData("T_OVERLAPS(INTERVAL(start, due), INTERVAL('2024-06-01', '2026-01-01'))", new[] { "T4" })]
    [InlineData("T_OVERLAPPEDBY(INTERVAL(start, due), INTERVAL('2024-06-01', '2025-03-01'))", new[] { "T1", "T2" })]
    [InlineData("T_DISJOINT(INTERVAL(start, due), INTERVAL('2025-07-01', '2025-12-31'))", new[] { "T2", "T3", "T4" })]
    [InlineData("start >= DATE('2025-01-01') AND due < DATE('2026-01-01')", new[] { "T2" })]
    [InlineData("due > TIMESTAMP('2030-12-30T12:00:00Z') AND status = 'planned'", new[] { "T3" })]
    public async Task Actions_are_filtered_by_temporal_functions_on_start_and_due(string filter, string[] references)
    {
        var expected = new List<string>();
        foreach (var reference in references)
        {
            expected.Add((await api.ActionIdAsync(reference)).ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), (await IdsAsync("actions", filter)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_temporal_function_in_cql2_json_matches_the_same_actions()
    {
        var text = await IdsAsync("actions", "T_DURING(INTERVAL(start, due), INTERVAL('2024-06-01', '2031-01-01'))");
        var json = await IdsAsync("actions", """{"op":"t_during","args":[{"interval":[{"property":"start"},{"property":"due"}]},{"interval":["2024-06-01","2031-01-01"]}]}""", "cql2-json");

        Assert.Equal(3, text.Count);
        Assert.Equal(text, json);
    }

    [Fact]
    public async Task Numbers_compare_as_numbers()
    {
        var wards = await api.JsonAsync("/ogc/collections/wards/items");
        var ranks = wards.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("imd_rank_in_district").ValueKind == System.Text.Json.JsonValueKind.Number)
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties").GetProperty("imd_rank_in_district").GetInt32());
        Assert.NotEmpty(ranks);
        var top = ranks.Values.Max();

        Assert.Equal(ranks.Where(r => r.Value < top).Select(r => r.Key).Order(StringComparer.Ordinal), await IdsAsync("wards", $"imd_rank_in_district < {top}"));
        Assert.Equal(ranks.Where(r => r.Value == top).Select(r => r.Key), await IdsAsync("wards", $"imd_rank_in_district = {top}.0"));
    }

    [Fact]
    public async Task Geometries_in_British_National_Grid_and_latitude_first_EPSG_4326_find_the_same_ward()
    {
        var easting = await api.Db.ScalarAsync<double>("SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(0.15, 51.05), 4326), 27700))");
        var northing = await api.Db.ScalarAsync<double>("SELECT ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(0.15, 51.05), 4326), 27700))");
        var point = FormattableString.Invariant($"POINT({easting:F2} {northing:F2})");

        Assert.Equal([B], await IdsAsync("wards", $"S_INTERSECTS(geometry, {point})", crs: "http://www.opengis.net/def/crs/EPSG/0/27700"));
        Assert.Equal([B], await IdsAsync("wards", "S_INTERSECTS(geometry, POINT(51.05 0.15))", crs: "http://www.opengis.net/def/crs/EPSG/0/4326"));
        Assert.Equal([B], await IdsAsync("wards", "S_INTERSECTS(geometry, POINT(0.15 51.05))", crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
    }

    [Fact]
    public async Task Filters_combine_with_bbox_equality_filters_and_paging()
    {
        var page = await api.JsonAsync($"/ogc/collections/wards/items?limit=1&bbox=0.05,51.0,0.3,51.1&district=E07999999&filter={Uri.EscapeDataString("name LIKE 'Synthetic%'")}");
        Assert.Equal(3, page.GetProperty("numberMatched").GetInt32());
        var pages = await api.FollowNextAsync($"/ogc/collections/wards/items?limit=1&filter={Uri.EscapeDataString("code <> 'E05999902'")}");
        Assert.Equal([A, C], pages.SelectMany(p => p.GetProperty("features").EnumerateArray()).Select(f => f.GetProperty("id").GetString()));
        Assert.Contains("filter=", pages[0].GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString());
    }

    [Fact]
    public async Task A_value_that_looks_like_SQL_is_only_a_value()
    {
        Assert.Empty(await IdsAsync("wards", "name = 'x''); DROP TABLE wards; --'"));
        Assert.Empty(await IdsAsync("wards", "name LIKE '%'' OR ''1''=''1'"));
        Assert.Equal(3, await api.Db.ScalarAsync<long>("SELECT count(*) FROM wards"));
    }

    [Fact]
    public async Task Queryables_list_the_geometry_and_the_temporal_properties_and_conformance_declares_CQL2()
    {
        var wards = await api.JsonAsync("/ogc/collections/wards/queryables");
        var actions = await api.JsonAsync("/ogc/collections/actions/queryables");
        var conformance = (await api.JsonAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();

        Assert.Equal("geometry-any", wards.GetProperty("properties").GetProperty("geometry").GetProperty("format").GetString());
        Assert.Equal("date", actions.GetProperty("properties").GetProperty("start").GetProperty("format").GetString());
        Assert.True(actions.GetProperty("properties").TryGetProperty("due", out _));
        foreach (var c in new[] { "ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter", "ogcapi-features-3/1.0/conf/queryables", "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json", "cql2/1.0/conf/basic-cql2", "cql2/1.0/conf/advanced-comparison-operators", "cql2/1.0/conf/case-insensitive-comparison", "cql2/1.0/conf/basic-spatial-functions", "cql2/1.0/conf/spatial-functions", "cql2/1.0/conf/temporal-functions" })
        {
            Assert.Contains($"http://www.opengis.net/spec/{c}", conformance);
        }
    }

    [Theory]
    [InlineData("name = = 'x'", "cql2-text", "at character 8")]
    [InlineData("name LIKE", "cql2-text", "at character 10: unexpected end of input")]
    [InlineData("name = 'unclosed", "cql2-text", "at character 8")]
    [InlineData("nope = 1", "cql2-text", "at character 1: 'nope' is not a queryable of wards")]
    [InlineData("code = 1", "cql2-text", "at character 6: code (text) cannot be compared with = a number")]
    [InlineData("code = 'x' AND geometry = 'y'", "cql2-text", "at character 16: geometry is the geometry")]
    [InlineData("S_INTERSECTS(geometry, POINT(0.1))", "cql2-text", "at character 24: the POINT is not valid WKT")]
    [InlineData("S_INTERSECTS(geometry, POINT(500 51))", "cql2-text", "at character 24: a coordinate is outside")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))", "cql2-text", "at character 24: the geometry is not valid")]
    [InlineData("S_INTERSECTS(code, POINT(0 51))", "cql2-text", "at character 14: 'code' is not a geometry")]
    [InlineData("T_AFTER(code, DATE('2025-01-01'))", "cql2-text", "at character 9: a temporal function takes")]
    [InlineData("name = DATE('2025-13-01')", "cql2-text", "at character 8: DATE('2025-13-01') is not a date")]
    [InlineData("name", "cql2-text", "at character 1: a value alone is not a condition")]
    [InlineData("{\"op\":", "cql2-json", "at line 1, byte")]
    [InlineData("""{"op":"=","args":[{"property":"nope"},1]}""", "cql2-json", "at $.args[0]: 'nope' is not a queryable")]
    [InlineData("""{"op":"frob","args":[]}""", "cql2-json", "at $: \"frob\" is not an operator")]
    [InlineData("""{"op":"and","args":[true]}""", "cql2-json", "at $: and takes at least 2 arguments")]
    public async Task A_bad_filter_is_a_400_whose_detail_gives_the_position(string filter, string language, string expected)
    {
        var detail = await api.ProblemAsync($"/ogc/collections/wards/items?filter-lang={language}&filter={Uri.EscapeDataString(filter)}", 400);

        Assert.Contains(expected, detail);
    }

    [Theory]
    [InlineData("filter-lang=sql&filter=x", "filter-lang 'sql' is not served")]
    [InlineData("filter-crs=EPSG:1&filter=TRUE", "filter-crs 'EPSG:1' is not a CRS served here")]
    [InlineData("filter=", "filter is empty")]
    public async Task Bad_filter_parameters_are_400s_that_say_what_is_allowed(string query, string expected) =>
        Assert.Contains(expected, await api.ProblemAsync($"/ogc/collections/wards/items?{query}", 400));

    [Fact]
    public async Task Deeply_nested_filters_are_refused_rather_than_parsed()
    {
        var filter = new string('(', 500) + "TRUE" + new string(')', 500);

        Assert.Contains("nested more than", await api.ProblemAsync($"/ogc/collections/wards/items?filter={Uri.EscapeDataString(filter)}", 400));
    }

    private async Task<List<string>> IdsAsync(string collection, string filter, string language = "cql2-text", string? crs = null)
    {
        var url = $"/ogc/collections/{collection}/items?limit=100&filter-lang={language}&filter={Uri.EscapeDataString(filter)}"
            + (crs is null ? "" : $"&filter-crs={Uri.EscapeDataString(crs)}");
        var page = await api.JsonAsync(url);
        return [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
    }
}
