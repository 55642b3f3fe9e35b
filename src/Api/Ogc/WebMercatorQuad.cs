using System.Text.Json.Serialization;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// The WebMercatorQuad tile matrix set of the OGC 2D Tile Matrix Set standard 2.0 (OGC 17-083r4, Annex D), computed
/// from its definition: EPSG:3857 on the WGS 84 semi-major axis, a square world of 2πa, 256-pixel tiles, 2^z by 2^z
/// tiles at tile matrix z, and scale denominators for the standardised rendering pixel of 0.28 mm. Rows count from
/// the north and columns from the west, as XYZ tiles do, so tile matrix z, row y, column x is the XYZ tile z/x/y.
/// </summary>
public static class WebMercatorQuad
{
    public const string Id = "WebMercatorQuad";
    public const string Title = "Google Maps Compatible for the World";
    public const string Uri = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public const string Crs = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public const string WellKnownScaleSet = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible";

    /// <summary>The deepest tile matrix of the registered definition.</summary>
    public const int DeepestMatrix = 24;

    public const int TileSize = 256;

    /// <summary>The semi-major axis of WGS 84, the radius of the sphere EPSG:3857 projects on.</summary>
    public const double SemiMajorAxis = 6378137;

    /// <summary>The standardised rendering pixel size, in metres, that scale denominators are computed for.</summary>
    public const double PixelSize = 0.00028;

    /// <summary>The latitude where the square world ends: Web Mercator's northing equals πa there.</summary>
    public static readonly double MaxLatitude = Math.Atan(Math.Sinh(Math.PI)) * 180 / Math.PI;

    /// <summary>Half the width of the world in metres: πa.</summary>
    public static double HalfWorld => Math.PI * SemiMajorAxis;

    /// <summary>Tiles across (and down) tile matrix <paramref name="z"/>.</summary>
    public static long MatrixSize(int z) => 1L << z;

    public static TileMatrix Matrix(int z)
    {
        var cellSize = 2 * HalfWorld / TileSize / MatrixSize(z);
        return new TileMatrix(
            z.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Tile matrix {z}: {MatrixSize(z)} by {MatrixSize(z)} tiles",
            cellSize / PixelSize,
            cellSize,
            "topLeft",
            [-HalfWorld, HalfWorld],
            TileSize,
            TileSize,
            MatrixSize(z),
            MatrixSize(z));
    }

    /// <summary>The whole definition, as the JSON encoding of the standard writes it.</summary>
    public static TileMatrixSet Definition() => new(
        Id,
        Title,
        "The tile matrix set of most web maps (Google Maps, OpenStreetMap, XYZ tiles): spherical Web Mercator on the WGS 84 "
            + "semi-major axis, from 85.0511° south to 85.0511° north, one tile at tile matrix 0 and four times as many at each next one.",
        Uri,
        Crs,
        ["X", "Y"],
        new TileBoundingBox([-HalfWorld, -HalfWorld], [HalfWorld, HalfWorld], Crs),
        WellKnownScaleSet,
        [.. Enumerable.Range(0, DeepestMatrix + 1).Select(Matrix)])
    {
        FirstEditionType = "TileMatrixSetType",
        FirstEditionIdentifier = Id,
        // The OGC URN: GDAL 3.6 refuses http:// CRS identifiers in a tile matrix set it parses with network access off.
        FirstEditionSupportedCrs = "urn:ogc:def:crs:EPSG::3857",
        FirstEditionTileMatrices = [.. Enumerable.Range(0, DeepestMatrix + 1).Select(Matrix).Select(m => new FirstEditionTileMatrix(
            "TileMatrixType", m.Id, m.ScaleDenominator, m.PointOfOrigin, m.TileWidth, m.TileHeight, m.MatrixWidth, m.MatrixHeight))],
    };

    /// <summary>The column, with its fraction, of a longitude at tile matrix <paramref name="z"/>.</summary>
    public static double Column(double longitude, int z) => (longitude + 180) / 360 * MatrixSize(z);

    /// <summary>The row from the north, with its fraction, of a latitude at tile matrix <paramref name="z"/>.</summary>
    public static double Row(double latitude, int z)
    {
        var radians = Math.Clamp(latitude, -MaxLatitude, MaxLatitude) * Math.PI / 180;
        return (1 - (Math.Log(Math.Tan(radians) + (1 / Math.Cos(radians))) / Math.PI)) / 2 * MatrixSize(z);
    }
}

/// <summary>
/// A tile matrix set (OGC 2D Tile Matrix Set 2.0, JSON encoding). It also carries the members of the first edition's
/// encoding (TMS 1.0: type, identifier, supportedCRS and tileMatrix with topLeftCorner), whose names 2.0 does not use,
/// for clients that read only that edition, such as GDAL 3.6's OGCAPI driver.
/// </summary>
public sealed record TileMatrixSet(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("crs")] string Crs,
    [property: JsonPropertyName("orderedAxes")] IReadOnlyList<string> OrderedAxes,
    [property: JsonPropertyName("boundingBox")] TileBoundingBox BoundingBox,
    [property: JsonPropertyName("wellKnownScaleSet")] string WellKnownScaleSet,
    [property: JsonPropertyName("tileMatrices")] IReadOnlyList<TileMatrix> TileMatrices)
{
    [JsonPropertyName("type")]
    public string? FirstEditionType { get; init; }

    [JsonPropertyName("identifier")]
    public string? FirstEditionIdentifier { get; init; }

    [JsonPropertyName("supportedCRS")]
    public string? FirstEditionSupportedCrs { get; init; }

    [JsonPropertyName("tileMatrix")]
    public IReadOnlyList<FirstEditionTileMatrix>? FirstEditionTileMatrices { get; init; }
}

/// <summary>A tile matrix as the first edition (TMS 1.0) encodes it.</summary>
public sealed record FirstEditionTileMatrix(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("scaleDenominator")] double ScaleDenominator,
    [property: JsonPropertyName("topLeftCorner")] double[] TopLeftCorner,
    [property: JsonPropertyName("tileWidth")] int TileWidth,
    [property: JsonPropertyName("tileHeight")] int TileHeight,
    [property: JsonPropertyName("matrixWidth")] long MatrixWidth,
    [property: JsonPropertyName("matrixHeight")] long MatrixHeight);

/// <summary>One tile matrix: its scale, the corner its rows and columns count from, and its size in tiles.</summary>
public sealed record TileMatrix(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("scaleDenominator")] double ScaleDenominator,
    [property: JsonPropertyName("cellSize")] double CellSize,
    [property: JsonPropertyName("cornerOfOrigin")] string CornerOfOrigin,
    [property: JsonPropertyName("pointOfOrigin")] double[] PointOfOrigin,
    [property: JsonPropertyName("tileWidth")] int TileWidth,
    [property: JsonPropertyName("tileHeight")] int TileHeight,
    [property: JsonPropertyName("matrixWidth")] long MatrixWidth,
    [property: JsonPropertyName("matrixHeight")] long MatrixHeight);

/// <summary>A 2D bounding box of the standard: lower-left and upper-right corners in the axis order of its CRS.</summary>
public sealed record TileBoundingBox(
    [property: JsonPropertyName("lowerLeft")] double[] LowerLeft,
    [property: JsonPropertyName("upperRight")] double[] UpperRight,
    [property: JsonPropertyName("crs")] string Crs);

/// <summary>The tile matrix sets this API defines tiles on (/ogc/tileMatrixSets).</summary>
public sealed record TileMatrixSets(
    [property: JsonPropertyName("links")] IReadOnlyList<Http.Link> Links,
    [property: JsonPropertyName("tileMatrixSets")] IReadOnlyList<TileMatrixSetRef> Sets);

public sealed record TileMatrixSetRef(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("crs")] string Crs,
    [property: JsonPropertyName("links")] IReadOnlyList<Http.Link> Links);
