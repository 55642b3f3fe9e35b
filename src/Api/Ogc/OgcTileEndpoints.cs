using System.Globalization;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Operations;
using DistrictMap.Api.Tiles;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// OGC API - Tiles - Part 1 (OGC 20-057) over every collection /tiles serves: its tilesets list, the tileset metadata on
/// WebMercatorQuad, and the tiles, which are the very tiles of /tiles (the same <see cref="TileStore"/>, bytes, ETag,
/// caching and rate limit) addressed by tile matrix, row and column. Tiles outside the tileset's limits are 404.
/// </summary>
public static class OgcTileEndpoints
{
    private static readonly ResponseFormat[] Formats = [ResponseFormat.Json, ResponseFormat.Html];

    public static RouteGroupBuilder MapOgcTileEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/collections/{collectionId}/tiles", TileSets).AllowQuery().Offers(Formats).Produces<TileSetsDocument>()
            .WithTags("OGC API - Tiles")
            .WithName("OgcTileSets")
            .WithSummary("A collection's tilesets")
            .WithDescription("The tilesets of a collection's vector tiles (OGC API - Tiles): one, on WebMercatorQuad, with the links to its metadata and its tile matrix set.");
        group.MapGet("/collections/{collectionId}/tiles/{tileMatrixSetId}", TileSet).AllowQuery().Offers(Formats).Produces<TileSetDocument>()
            .WithTags("OGC API - Tiles")
            .WithName("OgcTileSet")
            .WithSummary("A collection's tileset metadata")
            .WithDescription("Tileset metadata (OGC 2D Tile Matrix Set and Tileset Metadata 2.0): data type vector, the tile matrix set, the templated "
                + "link (rel item) to the tiles, the rows and columns served in each tile matrix (tileMatrixSetLimits, from the collection's extent) "
                + "and the layer with the properties its features carry.");
        group.MapGet("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", Tile).AllowQuery()
            .RequireRateLimiting(RateLimits.ExpensiveReads)
            .WithEntityTagOf(TilesPath)
            .Produces<byte[]>(StatusCodes.Status200OK, TileEndpoints.MediaType)
            .Produces(StatusCodes.Status204NoContent)
            .WithTags("OGC API - Tiles")
            .WithName("OgcTile")
            .WithSummary("A vector tile")
            .WithDescription("A Mapbox Vector Tile of the collection at a tile matrix, row (from the north) and column (from the west) of WebMercatorQuad: "
                + "the same tile, bytes and ETag as /tiles/{collectionId}/{tileMatrix}/{tileCol}/{tileRow}.mvt. 204 No Content when no feature meets "
                + "a tile within the tileset's limits; 404 outside them.");
        return group;
    }

    /// <summary>The /tiles address of the same tile, whose ETag the tile shares.</summary>
    private static string TilesPath(HttpRequest request)
    {
        var values = request.RouteValues;
        return $"{TileEndpoints.TileJsonPath($"{values["collectionId"]}")}/{values["tileMatrix"]}/{values["tileCol"]}/{values["tileRow"]}.mvt";
    }

    private static IResult TileSets(string collectionId, HttpRequest request, FeatureCollectionRegistry registry)
    {
        var (format, error) = ResponseFormats.Negotiate(request, Formats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        if (registry.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        var summary = TileSetMetadata.Summary(request, collection);
        if (format == ResponseFormat.Html)
        {
            return new HtmlPage($"{collection.Title}: tilesets")
                .Table(
                    "Tilesets",
                    ["Tileset", "Data type", "Tile matrix set"],
                    [[(summary.Title, Links.Absolute(request, TileSetMetadata.TilesetPath(collection.Id, WebMercatorQuad.Id), QueryString.Create("f", "html"))), (summary.DataType, null), (summary.TileMatrixSetUri, null)]])
                .ToResult(OgcEndpoints.DefaultAttribution);
        }

        return TypedResults.Json(new TileSetsDocument(
            [.. Links.SelfAndAlternates(request, format.Value, Formats), new Link(Links.Absolute(request, $"/ogc/collections/{collection.Id}"), "collection", ResponseFormats.JsonMediaType, collection.Title)],
            [summary]));
    }

    private static async Task<IResult> TileSet(
        string collectionId,
        string tileMatrixSetId,
        HttpRequest request,
        FeatureCollectionRegistry registry,
        FeatureStore features,
        ProvenanceStore provenance,
        CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, Formats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        if (registry.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        if (!TileMatrixSetEndpoints.Known(tileMatrixSetId))
        {
            return TileMatrixSetEndpoints.Unknown(tileMatrixSetId);
        }

        var extent = await features.ExtentAsync(collection, TileSetMetadata.Version(request.HttpContext), cancellationToken);
        var sources = await provenance.ForKindsAsync(collection.DatasetKinds, cancellationToken);
        var attribution = sources.Count > 0 ? string.Join(" ", sources.Select(s => s.Attribution).Distinct()) : null;
        var tileset = TileSetMetadata.Describe(request, collection, extent, attribution);
        if (format == ResponseFormat.Json)
        {
            return TypedResults.Json(tileset);
        }

        return new HtmlPage(tileset.Title)
            .Paragraph(tileset.Description)
            .Paragraph($"Tiles: {TileSetMetadata.TileTemplate(request, collection.Id)} ({TileEndpoints.MediaType}).")
            .LinkList(tileset.Links.Where(l => l.Templated is null && l.Rel != "self").Select(l => (l.Href, l.Title ?? l.Rel)))
            .Table(
                "Properties of the features",
                ["Property", "Type", "Description"],
                tileset.Layers[0].PropertiesSchema.Properties.Select(p => (IReadOnlyList<(string?, string?)>)[(p.Key, null), (p.Value.Type, null), (p.Value.Description, null)]))
            .Table(
                "Tile matrices served",
                ["Tile matrix", "Rows", "Columns"],
                tileset.TileMatrixSetLimits.Select(l => (IReadOnlyList<(string?, string?)>)[(l.TileMatrix, null), ($"{l.MinTileRow} to {l.MaxTileRow}", null), ($"{l.MinTileCol} to {l.MaxTileCol}", null)]))
            .ToResult(OgcEndpoints.Attributions(sources));
    }

    private static async Task<IResult> Tile(
        string collectionId,
        string tileMatrixSetId,
        string tileMatrix,
        string tileRow,
        string tileCol,
        HttpContext http,
        FeatureCollectionRegistry registry,
        FeatureStore features,
        TileStore tiles,
        CancellationToken cancellationToken)
    {
        if (registry.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        if (!TileMatrixSetEndpoints.Known(tileMatrixSetId))
        {
            return TileMatrixSetEndpoints.Unknown(tileMatrixSetId);
        }

        // Path parameters of the wrong type are 400; values out of range (of the tile matrix set or the tileset's limits) are 404 (/req/core/tc-error).
        var row = Index("tileRow", tileRow);
        var col = Index("tileCol", tileCol);
        var limits = await TileSetMetadata.LimitsAsync(collection, features, http, cancellationToken);
        if (limits.FirstOrDefault(l => l.TileMatrix == tileMatrix) is not { } matrix)
        {
            return Problems.NotFound($"The tileset of {collection.Id} has no tile matrix '{Text.Shorten(tileMatrix)}': it serves tile matrices 0 to {TileAddress.MaxZoom} of {WebMercatorQuad.Id}.");
        }

        if (row is not { } r || col is not { } c || !matrix.Contains(r, c))
        {
            return Problems.NotFound($"There is no tile at row {Text.Shorten(tileRow)}, column {Text.Shorten(tileCol)} of tile matrix {matrix.TileMatrix} in the tileset of {collection.Id}: "
                + $"it serves rows {matrix.MinTileRow} to {matrix.MaxTileRow} and columns {matrix.MinTileCol} to {matrix.MaxTileCol} there (see its tileMatrixSetLimits).");
        }

        var tile = await tiles.GetAsync(collection, new TileAddress(int.Parse(matrix.TileMatrix, CultureInfo.InvariantCulture), (int)c, (int)r), http.DataVersion(), cancellationToken);
        return tile.Length == 0 ? TypedResults.NoContent() : TypedResults.Bytes(tile, TileEndpoints.MediaType);
    }

    /// <summary>A row or column: null when it is a whole number too large for any tile matrix; 400 when it is not a whole number.</summary>
    private static long? Index(string name, string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        return text.Length > 0 && text.All(char.IsAsciiDigit)
            ? null
            : throw new BadRequestException($"{name} '{Text.Shorten(text)}' must be a whole number from 0 (rows count from the north, columns from the west).");
    }
}
