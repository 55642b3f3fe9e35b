using System.Globalization;
using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>OGC API - Features - Part 2: crs, bbox-crs and Content-Crs with CRS84, EPSG:4326, EPSG:27700 and EPSG:3857.</summary>
[Collection(OgcTests.Name)]
public sealed class OgcCrsTests(OgcFixture api)
{
    private const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private const string Epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    private const string Bng = "http://www.opengis.net/def/crs/EPSG/0/27700";
    private const string WebMercator = "http://www.opengis.net/def/crs/EPSG/0/3857";

    [Fact]
    public async Task Every_collection_lists_its_CRSs_and_its_storage_CRS_and_conformance_declares_crs()
    {
        var collections = await api.JsonAsync("/ogc/collections");
        var conformance = await api.JsonAsync("/ogc/conformance");

        Assert.All(collections.GetProperty("collections").EnumerateArray(), c =>
        {
            Assert.Equal([Crs84, Epsg4326, Bng, WebMercator], c.GetProperty("crs").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal(Crs84, c.GetProperty("storageCrs").GetString());
        });
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", conformance.GetProperty("conformsTo").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task Without_crs_the_content_is_CRS84_and_says_so()
    {
        using var response = await api.Client.GetAsync("/ogc/collections/wards/items");

        Assert.Equal($"<{Crs84}>", response.Headers.GetValues("Content-Crs").Single());
    }

    [Fact]
    public async Task EPSG_4326_is_written_latitude_first()
    {
        using var response = await api.Client.GetAsync($"/ogc/collections/wards/items?crs={Epsg4326}");
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal($"<{Epsg4326}>", response.Headers.GetValues("Content-Crs").Single());
        Assert.All(Positions(page), p =>
        {
            Assert.InRange(p[0], 51, 51.1);
            Assert.InRange(p[1], 0, 0.3);
        });
    }

    [Fact]
    public async Task British_National_Grid_goes_through_PROJ_with_the_OSTN15_grid_to_the_centimetre()
    {
        // Published: E 614300, N 159900 is ETRS89 51.297880 N, 1.072628 E (see Fixtures/README.md).
        var id = await api.ActionIdAsync("T1");
        await api.Db.ScalarAsync<int>("UPDATE actions SET location = ST_SetSRID(ST_MakePoint(1.072628, 51.297880), 4326) WHERE id = $1 RETURNING id", id);
        try
        {
            using var response = await api.Client.GetAsync($"/ogc/collections/actions/items/{id}?crs={Bng}");
            var text = await response.Content.ReadAsStringAsync();
            var point = JsonDocument.Parse(text).RootElement.GetProperty("geometry").GetProperty("coordinates");

            Assert.Equal($"<{Bng}>", response.Headers.GetValues("Content-Crs").Single());
            var tolerance = Environment.GetEnvironmentVariable("DISTRICTMAP_REQUIRE_OSTN15") == "1" ? 1.0 : 2.5;
            var distance = Math.Sqrt(Math.Pow(point[0].GetDouble() - 614300, 2) + Math.Pow(point[1].GetDouble() - 159900, 2));
            Assert.True(distance < tolerance, $"{point.GetRawText()} is {distance:0.00} m from E 614300, N 159900");
            Assert.DoesNotMatch(@"\.\d{3,}", System.Text.RegularExpressions.Regex.Match(text, "\"coordinates\":[^}]*").Value);
        }
        finally
        {
            await api.Db.ScalarAsync<int>("UPDATE actions SET location = ST_SetSRID(ST_MakePoint(0.05, 51.05), 4326) WHERE id = $1 RETURNING id", id);
        }
    }

    [Fact]
    public async Task Web_Mercator_agrees_with_the_spherical_formula()
    {
        var id = await api.ActionIdAsync("T1");
        var feature = await api.JsonAsync($"/ogc/collections/actions/items/{id}?crs={WebMercator}");

        var point = feature.GetProperty("geometry").GetProperty("coordinates");
        const double r = 6378137;
        Assert.Equal(r * 0.05 * Math.PI / 180, point[0].GetDouble(), 0.01);
        Assert.Equal(r * Math.Log(Math.Tan((Math.PI / 4) + (51.05 * Math.PI / 360))), point[1].GetDouble(), 0.01);
    }

    [Fact]
    public async Task Projected_polygons_keep_exterior_rings_counter_clockwise()
    {
        var page = await api.JsonAsync($"/ogc/collections/wards/items?crs={Bng}");

        foreach (var feature in page.GetProperty("features").EnumerateArray())
        {
            foreach (var polygon in feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray())
            {
                Assert.True(SignedArea(polygon[0]) > 0);
            }
        }
    }

    [Fact]
    public async Task A_bbox_in_British_National_Grid_or_EPSG_4326_finds_what_the_CRS84_bbox_finds()
    {
        var ward = await api.JsonAsync($"/ogc/collections/wards/items/E05999902?crs={Bng}");
        var positions = Positions(ward).ToList();
        var (west, east) = (positions.Min(p => p[0]) + 1000, positions.Max(p => p[0]) - 1000);
        var (south, north) = (positions.Min(p => p[1]) + 1000, positions.Max(p => p[1]) - 1000);
        var bng = string.Join(",", new[] { west, south, east, north }.Select(v => v.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(["E05999902"], await IdsAsync($"/ogc/collections/wards/items?bbox={bng}&bbox-crs={Bng}"));
        Assert.Equal(["E05999902"], await IdsAsync($"/ogc/collections/wards/items?bbox=51.02,0.12,51.08,0.18&bbox-crs={Epsg4326}"));
        Assert.Equal(["E05999902"], await IdsAsync("/ogc/collections/wards/items?bbox=0.12,51.02,0.18,51.08"));
    }

    [Theory]
    [InlineData("crs=EPSG:9999", "crs 'EPSG:9999' is not a CRS served here. Give one of: http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2157&bbox=0,0,1,1", "bbox-crs 'http://www.opengis.net/def/crs/EPSG/0/2157' is not a CRS served here")]
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326&bbox=95,0,96,1", "latitudes must be between -90 and 90")]
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/27700&bbox=600000,160000,500000,170000", "minEasting,minNorthing,maxEasting,maxNorthing")]
    public async Task A_CRS_not_served_or_a_bbox_that_does_not_fit_its_CRS_is_a_400(string query, string expected)
    {
        Assert.Contains(expected, await api.ProblemAsync($"/ogc/collections/wards/items?{query}", 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_refuses_an_unknown_crs_and_the_OpenAPI_document_lists_the_CRSs()
    {
        Assert.Contains("is not a CRS served here", await api.ProblemAsync("/ogc/collections/wards/items/E05999901?crs=EPSG:27700", 400), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var items = document.RootElement.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get");
        var crs = items.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "crs");
        Assert.Equal([Crs84, Epsg4326, Bng, WebMercator], crs.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.True(items.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Content-Crs", out _));
    }

    private static IEnumerable<double[]> Positions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array && element.GetArrayLength() >= 2 && element[0].ValueKind == JsonValueKind.Number)
        {
            yield return [element[0].GetDouble(), element[1].GetDouble()];
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(Positions))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in element.EnumerateObject().Where(p => p.Name is "features" or "geometry" or "coordinates").SelectMany(p => Positions(p.Value)))
            {
                yield return child;
            }
        }
    }

    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var sum = 0.0;
        for (var i = 0; i < points.Count - 1; i++)
        {
            sum += (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
        }

        return sum / 2;
    }

    private async Task<List<string>> IdsAsync(string url) =>
        [.. (await api.JsonAsync(url)).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
}
