using System.Net;
using System.Net.Http.Headers;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;

namespace DistrictMap.Tests.Tiles;

/// <summary>Vector tiles and TileJSON over the synthetic district and places, read back and compared with PostGIS.</summary>
public sealed class TileTests(PlacesApiFixture api) : IClassFixture<PlacesApiFixture>
{
    private const string MediaType = "application/vnd.mapbox-vector-tile";

    /// <summary>The XYZ tile holding a point.</summary>
    public static (int Z, int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var radians = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(radians) + (1 / Math.Cos(radians))) / Math.PI)) / 2 * n);
        return (z, x, y);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, string? acceptEncoding = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        var response = await api.Client.SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Codes (or ids) of the features of a table whose geometry meets the tile, by PostGIS's own reckoning.</summary>
    private Task<List<string>> ExpectedAsync(string table, string id, (int Z, int X, int Y) tile) =>
        api.Db.ListAsync(
            $"SELECT {id}::text FROM {table} WHERE ST_Intersects(geom, ST_Transform(ST_TileEnvelope($1, $2, $3), 4326)) ORDER BY 1",
            r => r.GetString(0),
            tile.Z,
            tile.X,
            tile.Y);

    [Fact]
    public async Task A_ward_tile_holds_the_wards_that_meet_it_with_only_the_map_properties()
    {
        var tile = TileOf(0.15, 51.05, 10);
        var expected = await ExpectedAsync("wards", "code", tile);

        var (response, body) = await GetAsync($"/tiles/wards/{tile.Z}/{tile.X}/{tile.Y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType!.MediaType);
        var layer = Assert.Single(VectorTile.Read(body).Layers);
        Assert.Equal("wards", layer.Name);
        Assert.Equal(4096, layer.Extent);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, layer.Features.Select(f => (string)f.Properties["code"]).Order(StringComparer.Ordinal));
        Assert.All(layer.Features, f => Assert.Equal(3, f.GeometryType));
        Assert.All(layer.Features, f => Assert.Equal(f.Properties["code"], f.Properties["id"]));
        var keys = layer.Features.SelectMany(f => f.Properties.Keys).ToHashSet();
        Assert.Subset(new HashSet<string> { "id", "code", "name", "district", "imd_score", "imd_rank_in_district", "imd_worst_decile" }, keys);
        Assert.DoesNotContain("area_km2", keys);
        Assert.Contains(layer.Features, f => f.Properties["name"] is "Synthetic Ward A");
    }

    [Fact]
    public async Task A_deeper_tile_holds_only_the_ward_under_it()
    {
        var tile = TileOf(0.05, 51.05, 12);
        var expected = await ExpectedAsync("wards", "code", tile);

        var (_, body) = await GetAsync($"/tiles/wards/{tile.Z}/{tile.X}/{tile.Y}.mvt");

        Assert.Equal(["E05999901"], expected);
        Assert.Equal(expected, Assert.Single(VectorTile.Read(body).Layers).Features.Select(f => (string)f.Properties["code"]));
    }

    [Theory]
    [InlineData("routes", "routes", 2)]
    [InlineData("green-spaces", "green_spaces", 3)]
    [InlineData("recycling-sites", "recycling_sites", 1)]
    public async Task Places_tiles_hold_the_places_that_meet_them(string collection, string table, int geometryType)
    {
        var tile = TileOf(0.15, 51.05, 9);
        var expected = await ExpectedAsync(table, "id", tile);

        var (response, body) = await GetAsync($"/tiles/{collection}/{tile.Z}/{tile.X}/{tile.Y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var layer = Assert.Single(VectorTile.Read(body).Layers);
        Assert.Equal(collection, layer.Name);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, layer.Features.Select(f => Convert.ToString(f.Properties["id"], System.Globalization.CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal));
        Assert.All(layer.Features, f => Assert.Equal(geometryType, f.GeometryType));
        Assert.All(layer.Features, f => Assert.IsType<bool>(f.Properties["sample"]));
    }

    [Fact]
    public async Task A_tile_where_nothing_is_answers_204_with_the_cache_headers()
    {
        var tile = TileOf(-120, -40, 12);

        var (response, body) = await GetAsync($"/tiles/lsoas/{tile.Z}/{tile.X}/{tile.Y}.mvt");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(body);
        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task Every_collection_serves_tiles_and_a_TileJSON_linked_from_its_OGC_collection()
    {
        var collections = (await api.JsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray().ToList();
        var tile = TileOf(0.15, 51.05, 8);

        Assert.Equal(9, collections.Count);
        foreach (var collection in collections)
        {
            var id = collection.GetProperty("id").GetString()!;
            // The collection links its OGC API - Tiles tilesets; the tileset's alternate link is the TileJSON.
            var tilesets = await api.JsonAsync(LinkPath(collection, "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"));
            var tileset = await api.JsonAsync(LinkPath(tilesets.GetProperty("tilesets")[0], "self"));
            var tileJson = await api.JsonAsync(tileset.GetProperty("links").EnumerateArray()
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).Single(p => p == $"/tiles/{id}"));
            var template = Assert.Single(tileJson.GetProperty("tiles").EnumerateArray()).GetString()!;
            var (response, body) = await GetAsync(new Uri(template.Replace("{z}", $"{tile.Z}").Replace("{x}", $"{tile.X}").Replace("{y}", $"{tile.Y}")).PathAndQuery);

            Assert.Equal("3.0.0", tileJson.GetProperty("tilejson").GetString());
            Assert.EndsWith($"/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt", template, StringComparison.Ordinal);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{id}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal(id, Assert.Single(VectorTile.Read(body).Layers).Name);
            }
        }
    }

    private static string LinkPath(System.Text.Json.JsonElement document, string rel) =>
        new Uri(document.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel).GetProperty("href").GetString()!).PathAndQuery;

    [Fact]
    public async Task The_TileJSON_names_the_layer_its_fields_bounds_and_attribution()
    {
        var tileJson = await api.JsonAsync("/tiles/lsoas");

        var layer = Assert.Single(tileJson.GetProperty("vector_layers").EnumerateArray());
        Assert.Equal("lsoas", layer.GetProperty("id").GetString());
        Assert.Equal(["id", "code", "name", "ward", "imd_score", "imd_decile"], layer.GetProperty("fields").EnumerateObject().Select(f => f.Name));
        Assert.Equal([0.0, 51.0, 0.3, 51.1], tileJson.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal(0, tileJson.GetProperty("minzoom").GetInt32());
        Assert.Equal(16, tileJson.GetProperty("maxzoom").GetInt32());
        Assert.Contains("Office for National Statistics", tileJson.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tile_set_list_names_every_collection()
    {
        var list = await api.JsonAsync("/tiles");

        var ids = list.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Contains("lsoas", ids);
        Assert.Contains("green-spaces", ids);
        Assert.All(list.GetProperty("collections").EnumerateArray(), c => Assert.EndsWith("{z}/{x}/{y}.mvt", c.GetProperty("tiles").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/tiles/wards/23/0/0.mvt", "Tile z '23' must be a whole number from 0 to 22")]
    [InlineData("/tiles/wards/12/4096/0.mvt", "Tile x '4096' must be a whole number from 0 to 4095 at zoom 12")]
    [InlineData("/tiles/wards/2/1/4.mvt", "Tile y '4' must be a whole number from 0 to 3 at zoom 2")]
    [InlineData("/tiles/wards/1/-1/0.mvt", "Tile x '-1' must be a whole number from 0 to 1 at zoom 1")]
    [InlineData("/tiles/wards/twelve/0/0.mvt", "Tile z 'twelve'")]
    [InlineData("/tiles/wards/3/1/99999999999999.mvt", "Tile y '99999999999999'")]
    [InlineData("/tiles/wards/3/1/1.mvt?colour=red", "Unknown query parameter 'colour'")]
    public async Task Out_of_range_or_malformed_addresses_are_400_problems_that_say_what_is_allowed(string url, string detail)
    {
        Assert.Contains(detail, await api.ProblemAsync(url, 400), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tiles/parishes/3/1/1.mvt")]
    [InlineData("/tiles/parishes")]
    public async Task An_unknown_collection_is_a_404_problem_listing_the_collections(string url)
    {
        var detail = await api.ProblemAsync(url, 404);

        Assert.Contains("There is no collection 'parishes'", detail, StringComparison.Ordinal);
        Assert.Contains("wards, lsoas", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiles_are_compressed_when_accepted_and_open_to_any_origin()
    {
        var tile = TileOf(0.15, 51.05, 10);
        var url = $"/tiles/lsoas/{tile.Z}/{tile.X}/{tile.Y}.mvt";

        var (plain, plainBody) = await GetAsync(url);
        var (gzip, gzipBody) = await GetAsync(url, acceptEncoding: "gzip", origin: "https://example.org");

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.NotEqual(plain.Headers.ETag, gzip.Headers.ETag);
        Assert.Equal("*", Assert.Single(gzip.Headers.GetValues("Access-Control-Allow-Origin")));
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(gzipBody), System.IO.Compression.CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await unzip.CopyToAsync(copy);
        Assert.Equal(plainBody, copy.ToArray());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_tile_operations()
    {
        var document = await api.JsonAsync("/openapi/v1.json");

        var tile = document.GetProperty("paths").GetProperty("/tiles/{collectionId}/{z}/{x}/{y}.mvt").GetProperty("get");
        Assert.Equal("GetTile", tile.GetProperty("operationId").GetString());
        Assert.True(tile.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty(MediaType, out _));
        Assert.True(tile.GetProperty("responses").TryGetProperty("204", out _));
        Assert.Equal(["collectionId", "z", "x", "y"], tile.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}

/// <summary>Tiles after a re-import: each test has its own database, since it imports.</summary>
/// <summary>Tiles built for every request (no tile memory): the same answers.</summary>
public sealed class TileCachingWithoutMemoryTests() : TileCachingTests(new WithoutTileMemory())
{
    private sealed class WithoutTileMemory : ApiFixture
    {
        protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?> { ["DistrictMap:Tiles:CacheMegabytes"] = "0" };
    }
}

public class TileCachingTests : IAsyncLifetime
{
    private readonly ApiFixture api;

    public TileCachingTests()
        : this(new ApiFixture())
    {
    }

    protected TileCachingTests(ApiFixture api) => this.api = api;

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task A_tile_answers_304_while_nothing_changed_and_after_a_reimport_a_new_ETag_and_the_new_data()
    {
        var tile = TileTests.TileOf(0.15, 51.05, 10);
        var url = $"/tiles/wards/{tile.Z}/{tile.X}/{tile.Y}.mvt";
        using var first = await api.Client.GetAsync(url);
        var etag = first.Headers.ETag!;
        var firstBytes = await first.Content.ReadAsByteArrayAsync();
        var before = VectorTile.Read(firstBytes).Layers[0].Features.Count;
        // Asked again, the tile comes from the memory of tiles built at this data version: the same bytes.
        using var again = await api.Client.GetAsync(url);
        Assert.Equal(firstBytes, await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag);

        using var unchanged = await SendAsync(url, etag);
        await api.Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = Fixtures.File("self-intersecting.geojson") }, TestDatabase.NoProgress);
        HttpResponseMessage after;
        for (var attempt = 0; ; attempt++)
        {
            after = await SendAsync(url, etag);
            if (after.StatusCode != HttpStatusCode.NotModified || attempt == 50)
            {
                break;
            }

            after.Dispose();
            await Task.Delay(100);
        }

        using (after)
        {
            Assert.False(etag.IsWeak);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.NotEqual(etag, after.Headers.ETag);
            var codes = VectorTile.Read(await after.Content.ReadAsByteArrayAsync()).Layers[0].Features.Select(f => (string)f.Properties["code"]).ToList();
            Assert.Equal(3, before);
            Assert.Equal(["E05999901", "E05999902"], codes.Order(StringComparer.Ordinal));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string url, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return await api.Client.SendAsync(request);
    }
}
