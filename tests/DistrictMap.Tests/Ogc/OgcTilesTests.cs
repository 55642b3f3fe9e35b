using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DistrictMap.Tests.Tiles;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// OGC API - Tiles - Part 1 over the synthetic district: the conformance classes core, tileset, tilesets-list,
/// geodata-tilesets and mvt, and the 2D Tile Matrix Set classes, through the real pipeline and database.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcTilesTests(OgcFixture api)
{
    private const string MediaType = "application/vnd.mapbox-vector-tile";
    private const string TilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    private const string TilingScheme = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";

    private static IEnumerable<JsonElement> Links(JsonElement document, string rel) =>
        document.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == rel);

    private static string PathOf(JsonElement link) => new Uri(link.GetProperty("href").GetString()!).PathAndQuery;

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        var response = await api.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<JsonElement> TilesetAsync(string collectionId) => await api.JsonAsync($"/ogc/collections/{collectionId}/tiles/WebMercatorQuad");

    private static JsonElement LimitsAt(JsonElement tileset, int z) =>
        tileset.GetProperty("tileMatrixSetLimits").EnumerateArray().Single(l => l.GetProperty("tileMatrix").GetString() == $"{z}");

    private static string Expand(string template, int z, long row, long col) =>
        new Uri(template.Replace("{tileMatrix}", $"{z}").Replace("{tileRow}", $"{row}").Replace("{tileCol}", $"{col}")).PathAndQuery;

    [Fact]
    public async Task Conformance_declares_the_tiles_classes_and_the_landing_page_links_the_tile_matrix_sets()
    {
        var conformance = (await api.JsonAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        var landing = await api.JsonAsync("/ogc");

        foreach (var name in new[] { "core", "tileset", "tilesets-list", "geodata-tilesets", "mvt", "oas30" })
        {
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/{name}", conformance);
        }

        Assert.Contains("http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset", conformance);
        Assert.Contains("http://www.opengis.net/spec/tms/2.0/conf/json-tilesetmetadata", conformance);
        var link = Assert.Single(Links(landing, "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes"));
        var sets = await api.JsonAsync(PathOf(link));
        var set = Assert.Single(sets.GetProperty("tileMatrixSets").EnumerateArray());
        Assert.Equal("WebMercatorQuad", set.GetProperty("id").GetString());
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", set.GetProperty("uri").GetString());
        Assert.EndsWith("/ogc/tileMatrixSets/WebMercatorQuad", Assert.Single(Links(set, "self")).GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebMercatorQuad_has_the_registered_matrices_computed_from_its_definition()
    {
        var tms = await api.JsonAsync("/ogc/tileMatrixSets/WebMercatorQuad");
        var matrices = tms.GetProperty("tileMatrices").EnumerateArray().ToList();
        const double half = 20037508.3427892;

        Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", tms.GetProperty("crs").GetString());
        Assert.Equal(25, matrices.Count);
        Assert.Equal(half, tms.GetProperty("boundingBox").GetProperty("upperRight")[0].GetDouble(), 6);
        // The registered definition's values (OGC 17-083r4, Annex D) at three levels.
        Assert.Equal(559082264.028717, matrices[0].GetProperty("scaleDenominator").GetDouble(), 5);
        Assert.Equal(4891.96981025128, matrices[5].GetProperty("cellSize").GetDouble(), 9);
        Assert.Equal(33.3238997476528, matrices[24].GetProperty("scaleDenominator").GetDouble(), 9);
        for (var z = 0; z < matrices.Count; z++)
        {
            var matrix = matrices[z];
            Assert.Equal($"{z}", matrix.GetProperty("id").GetString());
            Assert.Equal(1L << z, matrix.GetProperty("matrixWidth").GetInt64());
            Assert.Equal(1L << z, matrix.GetProperty("matrixHeight").GetInt64());
            Assert.Equal(256, matrix.GetProperty("tileWidth").GetInt32());
            Assert.Equal(2 * half, matrix.GetProperty("cellSize").GetDouble() * 256 * (1L << z), 3);
            Assert.Equal(matrix.GetProperty("cellSize").GetDouble() / 0.00028, matrix.GetProperty("scaleDenominator").GetDouble(), 6);
            Assert.Equal(-half, matrix.GetProperty("pointOfOrigin")[0].GetDouble(), 6);
            Assert.Equal(half, matrix.GetProperty("pointOfOrigin")[1].GetDouble(), 6);
        }

        // The first edition's members too, for clients that read only TMS 1.0.
        Assert.Equal("urn:ogc:def:crs:EPSG::3857", tms.GetProperty("supportedCRS").GetString());
        var first = tms.GetProperty("tileMatrix").EnumerateArray().ToList();
        Assert.Equal(matrices.Select(m => m.GetProperty("id").GetString()), first.Select(m => m.GetProperty("identifier").GetString()));
        Assert.Equal(-half, first[7].GetProperty("topLeftCorner")[0].GetDouble(), 6);
        Assert.Contains("There is no tile matrix set 'WorldCRS84Quad'", await api.ProblemAsync("/ogc/tileMatrixSets/WorldCRS84Quad", 404), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_collection_links_its_tilesets_whose_tiles_are_the_bytes_and_ETag_of_tiles()
    {
        var collections = (await api.JsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray().ToList();
        var (z, x, y) = TileTests.TileOf(0.15, 51.05, 8);
        Assert.Equal(9, collections.Count);
        foreach (var collection in collections)
        {
            var id = collection.GetProperty("id").GetString()!;
            var link = Assert.Single(Links(collection, TilesetsVector));
            Assert.Equal("application/json", link.GetProperty("type").GetString());
            var tilesets = await api.JsonAsync(PathOf(link));
            var summary = Assert.Single(tilesets.GetProperty("tilesets").EnumerateArray());
            Assert.Equal("vector", summary.GetProperty("dataType").GetString());
            Assert.Equal("http://www.opengis.net/def/crs/EPSG/0/3857", summary.GetProperty("crs").GetString());
            Assert.Single(Links(summary, TilingScheme));
            var tileset = await api.JsonAsync(PathOf(Assert.Single(Links(summary, "self"))));

            Assert.Equal("vector", tileset.GetProperty("dataType").GetString());
            Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tileset.GetProperty("tileMatrixSetURI").GetString());
            Assert.Equal("WebMercatorQuad", (await api.JsonAsync(PathOf(Assert.Single(Links(tileset, TilingScheme))))).GetProperty("id").GetString());
            var item = Assert.Single(Links(tileset, "item"));
            Assert.Equal(MediaType, item.GetProperty("type").GetString());
            Assert.True(item.GetProperty("templated").GetBoolean());
            var template = item.GetProperty("href").GetString()!;
            Assert.EndsWith($"/ogc/collections/{id}/tiles/WebMercatorQuad/{{tileMatrix}}/{{tileRow}}/{{tileCol}}", template, StringComparison.Ordinal);

            var (ogc, ogcBody) = await GetAsync(Expand(template, z, y, x));
            var (xyz, xyzBody) = await GetAsync($"/tiles/{id}/{z}/{x}/{y}.mvt");
            Assert.True(ogc.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{id}: {(int)ogc.StatusCode}");
            Assert.Equal(xyz.StatusCode, ogc.StatusCode);
            Assert.Equal(xyzBody, ogcBody);
            Assert.Equal(xyz.Headers.ETag, ogc.Headers.ETag);
            Assert.NotNull(ogc.Headers.ETag);
            Assert.Equal(xyz.Headers.CacheControl, ogc.Headers.CacheControl);
            if (ogc.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(MediaType, ogc.Content.Headers.ContentType!.MediaType);
                Assert.Equal(id, Assert.Single(VectorTile.Read(ogcBody).Layers).Name);
            }
        }
    }

    [Fact]
    public async Task A_tiles_ETag_answers_304_at_either_address()
    {
        var (z, x, y) = TileTests.TileOf(0.15, 51.05, 10);
        var ogcPath = $"/ogc/collections/wards/tiles/WebMercatorQuad/{z}/{y}/{x}";
        var (first, body) = await GetAsync(ogcPath);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEmpty(body);
        var etag = first.Headers.ETag!.ToString();

        var (again, _) = await GetAsync(ogcPath, etag);
        var (xyz, _) = await GetAsync($"/tiles/wards/{z}/{x}/{y}.mvt", etag);
        var (other, _) = await GetAsync($"/ogc/collections/wards/tiles/WebMercatorQuad/{z}/{y}/{x + 1}", etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, xyz.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotModified, other.StatusCode);
    }

    [Fact]
    public async Task The_limits_hold_every_tile_with_features_and_tiles_outside_them_are_404()
    {
        var tileset = await TilesetAsync("wards");
        var limits = tileset.GetProperty("tileMatrixSetLimits").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 23).Select(z => $"{z}"), limits.Select(l => l.GetProperty("tileMatrix").GetString()));
        Assert.All(limits.Take(5), l => Assert.Equal(l.GetProperty("minTileRow").GetInt64(), l.GetProperty("maxTileRow").GetInt64()));

        foreach (var z in new[] { 10, 12 })
        {
            var at = LimitsAt(tileset, z);
            var (minRow, maxRow, minCol, maxCol) = (at.GetProperty("minTileRow").GetInt64(), at.GetProperty("maxTileRow").GetInt64(), at.GetProperty("minTileCol").GetInt64(), at.GetProperty("maxTileCol").GetInt64());
            var midRow = (minRow + maxRow) / 2;
            var midCol = (minCol + maxCol) / 2;

            // The tiles just outside the limits hold nothing by /tiles' own reckoning, and the tileset refuses them.
            foreach (var (row, col) in new[] { (minRow - 1, midCol), (maxRow + 1, midCol), (midRow, minCol - 1), (midRow, maxCol + 1) })
            {
                var (xyz, _) = await GetAsync($"/tiles/wards/{z}/{col}/{row}.mvt");
                Assert.Equal(HttpStatusCode.NoContent, xyz.StatusCode);
                var detail = await api.ProblemAsync($"/ogc/collections/wards/tiles/WebMercatorQuad/{z}/{row}/{col}", 404);
                Assert.Contains($"rows {minRow} to {maxRow} and columns {minCol} to {maxCol}", detail, StringComparison.Ordinal);
            }

            // The tile under the wards is inside them.
            var (_, x, y) = TileTests.TileOf(0.15, 51.05, z);
            Assert.InRange(y, minRow, maxRow);
            Assert.InRange(x, minCol, maxCol);
        }
    }

    [Theory]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/23/0/0", 404, "no tile matrix '23'")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/zoom/0/0", 404, "no tile matrix 'zoom'")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/-1/0/0", 404, "no tile matrix '-1'")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/0/1/0", 404, "rows 0 to 0 and columns 0 to 0")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/3/99999999999999999999/0", 404, "There is no tile at row 99999999999999999999")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/3/two/0", 400, "tileRow 'two' must be a whole number")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/3/0/-4", 400, "tileCol '-4' must be a whole number")]
    [InlineData("/ogc/collections/wards/tiles/WorldCRS84Quad/0/0/0", 404, "There is no tile matrix set 'WorldCRS84Quad'")]
    [InlineData("/ogc/collections/wards/tiles/WorldCRS84Quad", 404, "There is no tile matrix set 'WorldCRS84Quad'")]
    [InlineData("/ogc/collections/parks/tiles", 404, "There is no collection 'parks'")]
    [InlineData("/ogc/collections/parks/tiles/WebMercatorQuad", 404, "There is no collection 'parks'")]
    [InlineData("/ogc/collections/parks/tiles/WebMercatorQuad/0/0/0", 404, "There is no collection 'parks'")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad/0/0/0?colour=red", 400, "Unknown query parameter 'colour'")]
    public async Task Bad_tile_addresses_are_problems_not_500s(string url, int status, string detail)
    {
        Assert.Contains(detail, await api.ProblemAsync(url, status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tileset_describes_its_layer_with_the_fields_its_tiles_carry()
    {
        var tileset = await TilesetAsync("wards");
        var layer = Assert.Single(tileset.GetProperty("layers").EnumerateArray());
        var fields = layer.GetProperty("propertiesSchema").GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString());
        var (z, x, y) = TileTests.TileOf(0.15, 51.05, 10);
        var (_, body) = await GetAsync(Expand(Assert.Single(Links(tileset, "item")).GetProperty("href").GetString()!, z, y, x));
        var features = Assert.Single(VectorTile.Read(body).Layers).Features;

        Assert.Equal("wards", layer.GetProperty("id").GetString());
        Assert.Equal("22", layer.GetProperty("maxTileMatrix").GetString());
        Assert.Equal("string", fields["code"]);
        Assert.Equal("number", fields["imd_score"]);
        Assert.Superset(features.SelectMany(f => f.Properties.Keys).ToHashSet(), fields.Keys.ToHashSet());
        Assert.DoesNotContain("area_km2", fields.Keys);
        Assert.Equal(3, features.Count);
        var box = tileset.GetProperty("boundingBox");
        Assert.InRange(box.GetProperty("lowerLeft")[0].GetDouble(), 0, 0.2);
        Assert.InRange(box.GetProperty("upperRight")[1].GetDouble(), 51, 51.3);
        Assert.Contains(Links(tileset, "alternate"), l => PathOf(l) == "/tiles/wards");
    }

    [Theory]
    [InlineData("/ogc/tileMatrixSets?f=html", "WebMercatorQuad")]
    [InlineData("/ogc/tileMatrixSets/WebMercatorQuad?f=html", "559082264.029")]
    [InlineData("/ogc/collections/wards/tiles?f=html", "Electoral wards (WebMercatorQuad)")]
    [InlineData("/ogc/collections/wards/tiles/WebMercatorQuad?f=html", "{tileMatrix}/{tileRow}/{tileCol}")]
    [InlineData("/ogc/collections/wards?f=html", "/ogc/collections/wards/tiles")]
    public async Task The_tiles_resources_have_HTML_pages(string url, string text)
    {
        var (response, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(text, System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_defines_the_tile_parameters_as_the_standard_does()
    {
        var document = await api.JsonAsync("/openapi/v1.json");
        var tile = document.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}").GetProperty("get");
        var parameters = tile.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal("string", parameters["tileMatrix"].GetProperty("schema").GetProperty("type").GetString());
        foreach (var name in new[] { "tileRow", "tileCol" })
        {
            Assert.Equal("path", parameters[name].GetProperty("in").GetString());
            Assert.True(parameters[name].GetProperty("required").GetBoolean());
            Assert.Equal("integer", parameters[name].GetProperty("schema").GetProperty("type").GetString());
            Assert.Equal(0, parameters[name].GetProperty("schema").GetProperty("minimum").GetDouble());
        }

        Assert.True(tile.GetProperty("responses").TryGetProperty("429", out _), "rate limited like /tiles");
        Assert.True(tile.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(MediaType, out _));
        Assert.Equal("OgcTile", tile.GetProperty("operationId").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/ogc/tileMatrixSets/{tileMatrixSetId}", out _));
    }
}
