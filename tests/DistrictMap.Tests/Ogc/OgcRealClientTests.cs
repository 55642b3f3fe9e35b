using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// Real clients of the OGC API over the synthetic data, on a real listening server: OWSLib (Debian python3-owslib,
/// owslib.ogcapi.features) and GDAL's OAPIF driver (ogrinfo), both installed by scripts/setup.sh --test.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcRealClientTests(OgcFixture api)
{
    private const string OwsLibScript = """
        import json, sys
        from owslib.ogcapi.features import Features
        api = Features(sys.argv[1])
        ids = lambda page: [f["id"] for f in page["features"]]
        point = {"op": "s_intersects", "args": [{"property": "geometry"}, {"type": "Point", "coordinates": [0.15, 51.05]}]}
        out = {
            "landing": sorted(l["rel"] for l in api.links),
            "conformance": api.conformance()["conformsTo"],
            "collections": [c["id"] for c in api.collections()["collections"]],
            "queryables": sorted(api.collection_queryables("wards")["properties"]),
            "bbox": ids(api.collection_items("wards", bbox=[0.12, 51.01, 0.18, 51.09])),
            "filter": ids(api.collection_items("wards", filter="name LIKE '%C' OR code = 'E05999901'")),
            "json": ids(api.collection_items("wards", **{"filter-lang": "cql2-json", "filter": json.dumps(point)})),
            "lsoas": ids(api.collection_items("lsoas", filter="S_WITHIN(geometry, BBOX(0.09, 50.9, 0.21, 51.2)) AND CASEI(name) LIKE 'synthetic 002%'")),
            "bng": api.collection_items("wards", crs="http://www.opengis.net/def/crs/EPSG/0/27700", limit=1)["features"][0]["geometry"]["coordinates"][0][0][0],
        }
        pages, offset = [], 0
        while len(pages) < 10:
            page = api.collection_items("lsoas", limit=2, offset=offset)
            pages.append(ids(page))
            if not any(l["rel"] == "next" for l in page["links"]):
                break
            offset += 2
        out["pages"] = pages
        print(json.dumps(out))
        """;

    [Fact]
    public async Task OWSLib_reads_the_landing_page_collections_bbox_CQL2_filters_BNG_and_pages()
    {
        await using var server = RealClients.Serve(api.Db.ConnectionString, out var port);
        var script = Path.Combine(Path.GetTempPath(), $"districtmap-owslib-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, OwsLibScript);
        try
        {
            // Debian's interpreter, whose dist-packages hold python3-owslib (not a python3 earlier on PATH).
            var output = await RealClients.RunAsync("/usr/bin/python3", script, $"http://127.0.0.1:{port}/ogc/");
            var result = JsonDocument.Parse(output).RootElement;

            Assert.Superset(new HashSet<string?> { "conformance", "data", "service-desc", "service-doc" }, Strings(result.GetProperty("landing")).ToHashSet());
            Assert.Contains("http://www.opengis.net/spec/cql2/1.0/conf/cql2-text", Strings(result.GetProperty("conformance")));
            Assert.Superset(new HashSet<string?> { "wards", "lsoas", "actions" }, Strings(result.GetProperty("collections")).ToHashSet());
            Assert.Contains("geometry", Strings(result.GetProperty("queryables")));
            Assert.Equal(["E05999902"], Strings(result.GetProperty("bbox")));
            Assert.Equal(["E05999901", "E05999903"], Strings(result.GetProperty("filter")));
            Assert.Equal(["E05999902"], Strings(result.GetProperty("json")));
            Assert.Equal(["E01999903", "E01999904"], Strings(result.GetProperty("lsoas")));
            var bng = result.GetProperty("bng");
            Assert.InRange(bng[0].GetDouble(), 500_000, 600_000);
            Assert.InRange(bng[1].GetDouble(), 90_000, 140_000);
            var pages = result.GetProperty("pages").EnumerateArray().Select(p => Strings(p).ToList()).ToList();
            Assert.Equal(3, pages.Count);
            Assert.Equal(6, pages.SelectMany(p => p).Distinct().Count());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [InlineData("wards", "-where", "code = 'E05999902'", 1)]
    [InlineData("wards", "-where", "name LIKE 'Synthetic Ward%' AND code <> 'E05999901'", 2)]
    [InlineData("lsoas", "-where", "ward = 'E05999903'", 2)]
    [InlineData("wards", "-spat", "0.12 51.01 0.18 51.09", 1)]
    [InlineData("lsoas", "-spat", "0.12 51.01 0.18 51.09", 3)]
    public async Task GDAL_ogrinfo_reads_wards_and_LSOAs_with_where_and_spat(string layer, string option, string value, int count)
    {
        await using var server = RealClients.Serve(api.Db.ConnectionString, out var port);
        var arguments = new List<string> { "-ro", "-so", $"OAPIF:http://127.0.0.1:{port}/ogc", layer, option };
        arguments.AddRange(option == "-spat" ? value.Split(' ') : [value]);

        var output = await RealClients.RunAsync("ogrinfo", [.. arguments]);

        Assert.Contains($"Feature Count: {count}", output, StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
