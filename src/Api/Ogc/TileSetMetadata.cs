using System.Globalization;
using System.Text.Json.Serialization;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Tiles;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// The tileset metadata of a collection's vector tiles on WebMercatorQuad (OGC 2D Tile Matrix Set and Tileset Metadata 2.0):
/// the tile matrices served (0 to <see cref="TileAddress.MaxZoom"/>) and, in each, the rows and columns that can hold
/// features, from the collection's extent at the data version.
/// </summary>
public static class TileSetMetadata
{
    public const string DataType = "vector";
    public const string TemplatedTile = "{tileMatrix}/{tileRow}/{tileCol}";

    /// <summary>The path of a collection's tilesets list.</summary>
    public static string TilesetsPath(string collectionId) => $"/ogc/collections/{collectionId}/tiles";

    /// <summary>The path of a collection's tileset on a tile matrix set.</summary>
    public static string TilesetPath(string collectionId, string tileMatrixSetId) => $"{TilesetsPath(collectionId)}/{tileMatrixSetId}";

    /// <summary>
    /// The rows and columns of each tile matrix served that a feature can reach: the extent's tiles widened by the tiles'
    /// buffer (a feature within it of an edge is drawn in the next tile too) and a micro-degree for the extent's rounding.
    /// With no extent (no features) every tile of each matrix is served, empty.
    /// </summary>
    public static IReadOnlyList<TileMatrixLimits> Limits(BoundingBox? extent) =>
        [.. Enumerable.Range(0, TileAddress.MaxZoom + 1).Select(z =>
        {
            var last = WebMercatorQuad.MatrixSize(z) - 1;
            if (extent is null)
            {
                return new TileMatrixLimits(Id(z), 0, last, 0, last);
            }

            const double pad = 1e-6;
            var margin = (double)TileStore.Buffer / TileStore.Extent;
            long Clamp(double index) => Math.Clamp((long)Math.Floor(index), 0, last);
            return new TileMatrixLimits(
                Id(z),
                Clamp(WebMercatorQuad.Row(extent.North + pad, z) - margin),
                Clamp(WebMercatorQuad.Row(extent.South - pad, z) + margin),
                Clamp(WebMercatorQuad.Column(extent.West - pad, z) - margin),
                Clamp(WebMercatorQuad.Column(extent.East + pad, z) + margin));
        })];

    public static async Task<IReadOnlyList<TileMatrixLimits>> LimitsAsync(FeatureCollectionDefinition collection, FeatureStore features, HttpContext http, CancellationToken cancellationToken) =>
        Limits(await features.ExtentAsync(collection, Version(http), cancellationToken));

    public static DataVersion Version(HttpContext http) => http.DataVersion() ?? new DataVersion(0, DateTimeOffset.UnixEpoch);

    public static string Id(int z) => z.ToString(CultureInfo.InvariantCulture);

    /// <summary>The tile URL template of the tileset, braces unescaped as RFC 6570 templates are written.</summary>
    public static string TileTemplate(HttpRequest request, string collectionId) =>
        Links.Absolute(request, TilesetPath(collectionId, WebMercatorQuad.Id)) + "/" + TemplatedTile;

    /// <summary>The list entry of a collection's one tileset, with the links the tilesets-list class requires.</summary>
    public static TileSetSummary Summary(HttpRequest request, FeatureCollectionDefinition collection) => new(
        $"{collection.Title} ({WebMercatorQuad.Id})",
        DataType,
        WebMercatorQuad.Crs,
        WebMercatorQuad.Uri,
        [
            new TileSetLink(Links.Absolute(request, TilesetPath(collection.Id, WebMercatorQuad.Id)), "self", ResponseFormats.JsonMediaType, $"{collection.Title}: tileset metadata"),
            new TileSetLink(Links.Absolute(request, TileMatrixSetEndpoints.Path(WebMercatorQuad.Id)), TileMatrixSetEndpoints.TilingSchemeRel, ResponseFormats.JsonMediaType, WebMercatorQuad.Title),
        ]);

    public static TileSetDocument Describe(HttpRequest request, FeatureCollectionDefinition collection, BoundingBox? extent, string? attribution)
    {
        var properties = new Dictionary<string, TilePropertySchema>(StringComparer.Ordinal);
        if (TileStore.CarriesId(collection))
        {
            properties["id"] = new TilePropertySchema("id", $"The feature's id: {collection.IdDescription}", "string");
        }

        foreach (var property in TileStore.Properties(collection))
        {
            properties[property.Name] = new TilePropertySchema(property.Name, property.Description, OgcEndpoints.JsonType(property.Type));
        }

        var box = extent is null ? null : new TileBoundingBox([extent.West, extent.South], [extent.East, extent.North], OgcEndpoints.Crs84);
        var self = Links.Absolute(request, TilesetPath(collection.Id, WebMercatorQuad.Id));
        var collectionLink = new TileSetLink(Links.Absolute(request, $"/ogc/collections/{collection.Id}"), "collection", ResponseFormats.JsonMediaType, collection.Title);
        var version = Version(request.HttpContext);
        return new TileSetDocument(
            $"{collection.Title} ({WebMercatorQuad.Id})",
            $"{collection.Description} Vector tiles (Mapbox Vector Tile, extent {TileStore.Extent}, buffer {TileStore.Buffer}) of one layer named {collection.Id}.",
            DataType,
            WebMercatorQuad.Crs,
            WebMercatorQuad.Uri,
            version.Version.ToString(CultureInfo.InvariantCulture),
            version.ChangedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            attribution,
            [TileEndpoints.MediaType],
            Limits(extent),
            box,
            [new TileLayer(collection.Id, collection.Title, collection.Description, DataType, Id(0), Id(TileAddress.MaxZoom), box, new TilePropertiesSchema("object", properties), [collectionLink])],
            [
                new TileSetLink(self, "self", ResponseFormats.JsonMediaType, "This document"),
                new TileSetLink(Links.Absolute(request, TilesetPath(collection.Id, WebMercatorQuad.Id), QueryString.Create("f", "html")), "alternate", ResponseFormats.HtmlMediaType, "This document as HTML"),
                new TileSetLink(Links.Absolute(request, TileEndpoints.TileJsonPath(collection.Id)), "alternate", ResponseFormats.JsonMediaType, "TileJSON 3.0.0 of these tiles"),
                new TileSetLink(Links.Absolute(request, TileMatrixSetEndpoints.Path(WebMercatorQuad.Id)), TileMatrixSetEndpoints.TilingSchemeRel, ResponseFormats.JsonMediaType, WebMercatorQuad.Title),
                new TileSetLink(TileTemplate(request, collection.Id), "item", TileEndpoints.MediaType, "A tile (Mapbox Vector Tile)", Templated: true),
                collectionLink with { Rel = "http://www.opengis.net/def/rel/ogc/1.0/geodata" },
            ]);
    }
}

/// <summary>A link of the tileset metadata; templated when its href is a URL template (RFC 6570).</summary>
public sealed record TileSetLink(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("rel")] string Rel,
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null,
    [property: JsonPropertyName("templated"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Templated = null);

/// <summary>The rows and columns of one tile matrix that the tileset serves.</summary>
public sealed record TileMatrixLimits(
    [property: JsonPropertyName("tileMatrix")] string TileMatrix,
    [property: JsonPropertyName("minTileRow")] long MinTileRow,
    [property: JsonPropertyName("maxTileRow")] long MaxTileRow,
    [property: JsonPropertyName("minTileCol")] long MinTileCol,
    [property: JsonPropertyName("maxTileCol")] long MaxTileCol)
{
    public bool Contains(long row, long col) => row >= MinTileRow && row <= MaxTileRow && col >= MinTileCol && col <= MaxTileCol;
}

/// <summary>A collection's tilesets (/ogc/collections/{collectionId}/tiles).</summary>
public sealed record TileSetsDocument(
    [property: JsonPropertyName("links")] IReadOnlyList<Link> Links,
    [property: JsonPropertyName("tilesets")] IReadOnlyList<TileSetSummary> Tilesets);

public sealed record TileSetSummary(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("crs")] string Crs,
    [property: JsonPropertyName("tileMatrixSetURI")] string TileMatrixSetUri,
    [property: JsonPropertyName("links")] IReadOnlyList<TileSetLink> Links);

/// <summary>Tileset metadata (OGC 2D Tile Matrix Set and Tileset Metadata 2.0, JSON encoding).</summary>
public sealed record TileSetDocument(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("crs")] string Crs,
    [property: JsonPropertyName("tileMatrixSetURI")] string TileMatrixSetUri,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("updated")] string Updated,
    [property: JsonPropertyName("attribution"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Attribution,
    [property: JsonPropertyName("mediaTypes")] IReadOnlyList<string> MediaTypes,
    [property: JsonPropertyName("tileMatrixSetLimits")] IReadOnlyList<TileMatrixLimits> TileMatrixSetLimits,
    [property: JsonPropertyName("boundingBox"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TileBoundingBox? BoundingBox,
    [property: JsonPropertyName("layers")] IReadOnlyList<TileLayer> Layers,
    [property: JsonPropertyName("links")] IReadOnlyList<TileSetLink> Links);

/// <summary>A layer of the tiles: the collection, its tile matrices and the properties its features carry.</summary>
public sealed record TileLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("dataType")] string DataType,
    [property: JsonPropertyName("minTileMatrix")] string MinTileMatrix,
    [property: JsonPropertyName("maxTileMatrix")] string MaxTileMatrix,
    [property: JsonPropertyName("boundingBox"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TileBoundingBox? BoundingBox,
    [property: JsonPropertyName("propertiesSchema")] TilePropertiesSchema PropertiesSchema,
    [property: JsonPropertyName("links")] IReadOnlyList<TileSetLink> Links);

public sealed record TilePropertiesSchema(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, TilePropertySchema> Properties);

public sealed record TilePropertySchema(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("type")] string Type);
