using System.Globalization;
using System.Net;
using System.Text.Json;
using CsCheck;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// Property-based tests (CsCheck): generated CQL2 (well formed and broken), bboxes, datetimes and CRS identifiers sent
/// to the items endpoints. Whatever is sent, nothing answers 5xx, and every 4xx is problem details with a detail.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcFilterPropertyTests(OgcFixture api)
{
    private const long Iterations = 150;

    private static readonly Gen<string> Property = Gen.OneOf<string>("code", "name", "district", "imd_rank_in_district", "geometry", "nope", "\"name\"", "start", "due", "status");

    private static readonly Gen<string> Number = Gen.OneOf<string>(
        Gen.Int[-1000, 1000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[-1e6, 1e6].Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("1e400", "-0", ".5", "1.", "NaN"));

    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcXYZ %_'\\\"0123456789-"], 0, 12].Select(s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'");

    private static readonly Gen<string> Day = Gen.Select(Gen.Int[1900, 2100], Gen.Int[0, 13], Gen.Int[0, 32], (y, m, d) => FormattableString.Invariant($"{y:D4}-{m:D2}-{d:D2}"));

    private static readonly Gen<string> Instant = Gen.OneOf<string>(
        Day.Select(d => $"DATE('{d}')"),
        Gen.Select(Day, Gen.Int[0, 25], (d, h) => FormattableString.Invariant($"TIMESTAMP('{d}T{h:D2}:00:00Z')")),
        Gen.OneOf<string>("DATE('x')", "TIMESTAMP('2025-01-01')"));

    private static readonly Gen<string> Value = Gen.OneOf<string>(Property, Number, Text, Instant, Gen.OneOf<string>("TRUE", "FALSE", "NULL"), Property.Select(p => $"CASEI({p})"));

    private static readonly Gen<string> Coordinate = Gen.Select(Gen.Double[-400, 400], Gen.Double[-100, 100], (x, y) => FormattableString.Invariant($"{x:0.###} {y:0.###}"));

    private static readonly Gen<string> Geometry = Gen.OneOf<string>(
        Coordinate.Select(c => $"POINT({c})"),
        Gen.Select(Coordinate, Coordinate, (a, b) => $"LINESTRING({a}, {b})"),
        Gen.Select(Coordinate, Coordinate, Coordinate, (a, b, c) => $"POLYGON(({a}, {b}, {c}, {a}))"),
        Gen.Select(Coordinate, Coordinate, (a, b) => $"BBOX({a.Replace(' ', ',')}, {b.Replace(' ', ',')})"),
        Gen.OneOf<string>("POINT()", "POLYGON((0 0, 1 1))", "GEOMETRYCOLLECTION()", "BBOX(1,2,3)"));

    private static readonly Gen<string> Atom = Gen.OneOf<string>(
        Gen.Select(Value, Gen.OneOf<string>("=", "<>", "<", ">", "<=", ">="), Value, (a, op, b) => $"{a} {op} {b}"),
        Gen.Select(Value, Gen.OneOf<string>("LIKE", "NOT LIKE"), Value, (a, op, b) => $"{a} {op} {b}"),
        Gen.Select(Value, Value, Value, (a, b, c) => $"{a} BETWEEN {b} AND {c}"),
        Gen.Select(Value, Value.Array[0, 3], (a, list) => $"{a} IN ({string.Join(", ", list)})"),
        Gen.Select(Value, Gen.Bool, (a, not) => $"{a} IS {(not ? "NOT " : "")}NULL"),
        Gen.Select(Gen.OneOf<string>("S_INTERSECTS", "S_WITHIN", "S_CONTAINS", "S_DISJOINT", "S_EQUALS", "S_TOUCHES", "S_OVERLAPS", "S_CROSSES"), Gen.OneOf<string>(Geometry, Property), Geometry,
            (f, a, b) => $"{f}({a}, {b})"),
        Gen.Select(Gen.OneOf<string>("T_AFTER", "T_BEFORE", "T_DURING", "T_INTERSECTS", "T_MEETS", "T_EQUALS"), Gen.OneOf<string>(Instant, Property), Gen.OneOf<string>(Instant, Day.Select(d => $"INTERVAL('{d}', '..')")),
            (f, a, b) => $"{f}({a}, {b})"));

    private static Gen<string> Condition(int depth) => depth == 0
        ? Atom
        : Gen.Frequency<string>(
            (3, Atom),
            (1, Gen.Select(Condition(depth - 1), Gen.OneOf<string>(" AND ", " OR ", " and "), Condition(depth - 1), (a, op, b) => $"({a}{op}{b})")),
            (1, Condition(depth - 1).Select(c => $"NOT ({c})")));

    /// <summary>A generated filter, sometimes broken by deleting or inserting a character.</summary>
    private static readonly Gen<string> Filter = Gen.Select(Condition(2), Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Char["()',= \"%"], (filter, mutation, at, c) =>
    {
        var i = at % (filter.Length + 1);
        return mutation switch
        {
            1 when i < filter.Length => filter.Remove(i, 1),
            2 => filter.Insert(i, c.ToString()),
            _ => filter,
        };
    });

    private static readonly Gen<string> Crs = Gen.OneOf<string>(
        Gen.OneOf<string>("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/27700", "http://www.opengis.net/def/crs/EPSG/0/3857"),
        Gen.OneOf<string>("EPSG:27700", "<http://www.opengis.net/def/crs/EPSG/0/27700>", "", "http://www.opengis.net/def/crs/EPSG/0/99999"),
        Gen.String[Gen.Char.AlphaNumeric, 0, 20]);

    private static readonly Gen<string> Bbox = Gen.OneOf<string>(
        Gen.Double[-1e7, 1e7].Array[4].Select(n => string.Join(",", n.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))),
        Gen.Double[-200, 200].Array[3, 7].Select(n => string.Join(",", n.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)))),
        Gen.String[Gen.Char["0123456789,.-e "], 0, 20]);

    private static readonly Gen<string> Datetime = Gen.OneOf<string>(
        Gen.Select(Day, Gen.Int[0, 25], (d, h) => FormattableString.Invariant($"{d}T{h:D2}:00:00Z")),
        Gen.Select(Day, Day, (a, b) => $"{a}/{b}"),
        Day.Select(d => $"{d}T00:00:00Z/.."),
        Gen.String[Gen.Char["0123456789-T:Z/. "], 0, 30]);

    [Fact]
    public Task Generated_cql2_text_filters_never_answer_5xx_and_every_4xx_is_a_problem_with_a_detail() =>
        Gen.Select(Filter, Gen.OneOf<string>("wards", "lsoas", "actions")).SampleAsync(
            async (filter, collection) => await AssertSafeAsync($"/ogc/collections/{collection}/items?limit=5&filter={Uri.EscapeDataString(filter)}"),
            iter: Iterations, threads: 1);

    [Fact]
    public Task Generated_cql2_json_filters_never_answer_5xx_and_every_4xx_is_a_problem_with_a_detail()
    {
        var json = Gen.Frequency<string>(
            (3, Gen.Select(Gen.OneOf<string>("=", "<", "like", "between", "in", "isNull", "s_intersects", "t_after", "and", "not", "casei", "frob"), Gen.OneOf<string>(
                Property.Select(p => $"{{\"property\":{JsonSerializer.Serialize(p.Trim('"'))}}}"),
                Number, Text.Select(t => JsonSerializer.Serialize(t.Trim('\''))), Gen.OneOf<string>("true", "null", "[]", "{}", "{\"bbox\":[0,51,0.2,51.1]}", "{\"type\":\"Point\",\"coordinates\":[0.1]}", "{\"date\":\"2025-02-30\"}", "{\"interval\":[\"..\",\"..\"]}")).Array[0, 4],
                (op, args) => $"{{\"op\":\"{op}\",\"args\":[{string.Join(",", args)}]}}")),
            (1, Gen.String[Gen.Char["{}[]\":,opargs0123 "], 0, 40]));
        return json.SampleAsync(
            async f => await AssertSafeAsync($"/ogc/collections/wards/items?filter-lang=cql2-json&filter={Uri.EscapeDataString(f)}"),
            iter: Iterations, threads: 1);
    }

    [Fact]
    public Task Generated_bboxes_datetimes_and_CRSs_never_answer_5xx_and_every_4xx_is_a_problem_with_a_detail() =>
        Gen.Select(Bbox, Datetime, Crs, Crs, Crs, Gen.OneOf<string>("wards", "lsoas", "actions", "routes")).SampleAsync(
            async (bbox, datetime, crs, bboxCrs, filterCrs, collection) =>
            {
                await AssertSafeAsync($"/ogc/collections/{collection}/items?limit=3&bbox={Uri.EscapeDataString(bbox)}&datetime={Uri.EscapeDataString(datetime)}"
                    + $"&crs={Uri.EscapeDataString(crs)}&bbox-crs={Uri.EscapeDataString(bboxCrs)}");
                await AssertSafeAsync($"/ogc/collections/{collection}/items?limit=3&filter-crs={Uri.EscapeDataString(filterCrs)}&filter={Uri.EscapeDataString("S_INTERSECTS(geometry, POINT(614300 159900))")}");
            },
            iter: Iterations, threads: 1);

    private async Task AssertSafeAsync(string url)
    {
        using var response = await api.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{url} answered {status}: {body}");
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), $"{url}: a problem without a detail: {body}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
