using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Ogc;
using DistrictMap.Api.Operations;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Vector tiles of every declared feature collection, with a TileJSON document each: /tiles/{collectionId}/{z}/{x}/{y}.mvt.
/// Cached like every public read: a strong ETag tied to the data version, so a re-import never leaves a stale tile valid.
/// </summary>
public static class TileEndpoints
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";
    public const string TileJsonVersion = "3.0.0";

    /// <summary>The path of a collection's TileJSON document.</summary>
    public static string TileJsonPath(string collectionId) => $"/tiles/{collectionId}";

    public static RouteGroupBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/tiles").WithTags("Vector tiles").WithConditionalGet().WithProblemHandling();
        group.MapGet("/", TileSetList).AllowQuery().Produces<TileSets>()
            .WithName("ListTileSets")
            .WithSummary("Collections served as vector tiles")
            .WithDescription("Every feature collection, with the address of its TileJSON document and its tile URL template.");
        group.MapGet("/{collectionId}", Describe).AllowQuery().Produces<TileJson>()
            .WithName("GetTileJson")
            .WithSummary("A collection's TileJSON")
            .WithDescription("TileJSON 3.0.0 for a collection's vector tiles: the tile URL template, zoom levels, bounds, attribution "
                + "and the fields of its one layer (named after the collection). Map libraries such as MapLibre GL read it directly.");
        group.MapGet("/{collectionId}/{z}/{x}/{y}.mvt", Tile).AllowQuery().RequireRateLimiting(RateLimits.ExpensiveReads)
            .Produces<byte[]>(StatusCodes.Status200OK, MediaType)
            .Produces(StatusCodes.Status204NoContent)
            .WithName("GetTile")
            .WithSummary("A vector tile")
            .WithDescription("A Mapbox Vector Tile (XYZ scheme, Web Mercator, extent 4096, buffer 64) of one collection: one layer named after "
                + "the collection, its features clipped to the tile and simplified for the zoom, with their id and the properties a map needs "
                + $"(see the TileJSON's fields). 204 No Content when no feature meets the tile. Zoom 0 to {TileAddress.MaxZoom}; "
                + "compressed (gzip or Brotli) when the request accepts it.");
        return group;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<TileSets> TileSetList(HttpRequest request, FeatureCollectionRegistry registry) =>
        TypedResults.Json(new TileSets([.. registry.All.Select(c => new TileSet(
            c.Id,
            c.Title,
            Links.Absolute(request, TileJsonPath(c.Id)),
            TileTemplate(request, c.Id)))]));

    private static async Task<IResult> Describe(
        string collectionId,
        HttpRequest request,
        FeatureCollectionRegistry registry,
        FeatureStore features,
        ProvenanceStore provenance,
        CancellationToken cancellationToken)
    {
        if (registry.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        var version = request.HttpContext.DataVersion() ?? new DataVersion(0, DateTimeOffset.UnixEpoch);
        var extent = await features.ExtentAsync(collection, version, cancellationToken);
        var sources = await provenance.ForKindsAsync(collection.DatasetKinds, cancellationToken);
        var attribution = sources.Count > 0 ? string.Join(" ", sources.Select(s => s.Attribution).Distinct()) : null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TileStore.CarriesId(collection))
        {
            fields["id"] = TileStore.FieldType(PropertyType.Text);
        }

        // Field values are the types (Number, Boolean or String), as map styles and MBTiles tools read them.
        foreach (var property in TileStore.Properties(collection))
        {
            fields[property.Name] = TileStore.FieldType(property.Type);
        }

        return TypedResults.Json(new TileJson(
            TileJsonVersion,
            collection.Title,
            collection.Description,
            attribution,
            "xyz",
            [TileTemplate(request, collection.Id)],
            0,
            TileAddress.AdvertisedMaxZoom,
            extent is null ? null : [extent.West, extent.South, extent.East, extent.North],
            extent is null ? null : [Math.Round((extent.West + extent.East) / 2, 6), Math.Round((extent.South + extent.North) / 2, 6), CenterZoom(extent)],
            [new VectorLayer(collection.Id, collection.Title, 0, TileAddress.AdvertisedMaxZoom, fields)]));
    }

    private static async Task<IResult> Tile(
        string collectionId,
        string z,
        string x,
        string y,
        HttpContext http,
        FeatureCollectionRegistry registry,
        TileStore tiles,
        CancellationToken cancellationToken)
    {
        if (registry.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        var tile = await tiles.GetAsync(collection, TileAddress.Parse(z, x, y), http.DataVersion(), cancellationToken);
        return tile.Length == 0 ? TypedResults.NoContent() : TypedResults.Bytes(tile, MediaType);
    }

    /// <summary>The tile URL template, braces unescaped, as TileJSON and Leaflet expect it.</summary>
    private static string TileTemplate(HttpRequest request, string collectionId) =>
        Links.Absolute(request, TileJsonPath(collectionId)) + "/{z}/{x}/{y}.mvt";

    /// <summary>A zoom at which the bounds fill about one 512-pixel view.</summary>
    private static double CenterZoom(BoundingBox extent)
    {
        var span = Math.Max(extent.East - extent.West, (extent.North - extent.South) * 1.6);
        return span <= 0 ? TileAddress.AdvertisedMaxZoom : Math.Clamp(Math.Floor(Math.Log2(360 * 2 / span)), 0, TileAddress.AdvertisedMaxZoom);
    }
}
