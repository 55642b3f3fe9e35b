using Microsoft.OpenApi;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>The documentation of the OGC API query parameters beyond Part 1's bbox, limit and offset.</summary>
internal static class OgcParameterDocs
{
    public static ParameterDocs.Doc? Query(string name) => name switch
    {
        "datetime" => new(
            "Only features whose time meets this instant or interval (RFC 3339): an instant such as 2025-06-01T00:00:00Z, an interval "
            + "start/end, or one open with .. (or nothing) such as 2025-01-01T00:00:00Z/..; a date alone stands for that whole day (UTC). "
            + "Collections whose features have a time (those with a temporal extent) filter on it; a feature with no time, "
            + "and every feature of a collection without one, always matches.",
            JsonSchemaType.String,
            "2025-01-01T00:00:00Z/.."),
        "crs" => new(
            "The coordinate reference system of the geometries returned (OGC API - Features - Part 2), default CRS84 (longitude, latitude). "
            + "EPSG:4326 is written latitude first; EPSG:27700 (British National Grid, through PROJ with the OSTN15 grid where installed) "
            + "and EPSG:3857 in metres with 2 decimals. The Content-Crs header names the CRS of the response.",
            JsonSchemaType.String,
            Features.CoordinateReferenceSystem.BritishNationalGrid.Uri,
            Values: [.. Features.CoordinateReferenceSystem.All.Select(c => c.Uri)]),
        "bbox-crs" => new(
            "The coordinate reference system of bbox, in its axis order (EPSG:4326: minLat,minLon,maxLat,maxLon; EPSG:27700 and EPSG:3857: "
            + "eastings and northings in metres); default CRS84.",
            JsonSchemaType.String,
            Features.CoordinateReferenceSystem.BritishNationalGrid.Uri,
            Values: [.. Features.CoordinateReferenceSystem.All.Select(c => c.Uri)]),
        "filter" => new(
            "A CQL2 filter (OGC API - Features - Part 3) over the collection's queryables (see /ogc/collections/{collectionId}/queryables): "
            + "comparisons (=, <>, <, >, <=, >=, IS NULL), AND, OR, NOT, LIKE, BETWEEN, IN, CASEI, the spatial functions S_INTERSECTS, "
            + "S_CONTAINS, S_CROSSES, S_DISJOINT, S_EQUALS, S_OVERLAPS, S_TOUCHES and S_WITHIN on the geometry with WKT (or GeoJSON) "
            + "geometries and BBOX, and the temporal functions T_AFTER, T_BEFORE, T_DURING, T_INTERSECTS and the others on the temporal "
            + "queryables with DATE, TIMESTAMP and INTERVAL. A filter that cannot be read is a 400 whose detail names the position of the error.",
            JsonSchemaType.String,
            "name LIKE 'S%' AND S_INTERSECTS(geometry, BBOX(0.1, 51.2, 0.3, 51.4))"),
        "filter-lang" => new(
            "The language of filter: cql2-text (the default) or cql2-json.",
            JsonSchemaType.String,
            Features.Filtering.FeatureFilter.Text,
            Values: Features.Filtering.FeatureFilter.Languages),
        "filter-crs" => new(
            "The coordinate reference system of the geometries in filter, in its axis order (EPSG:4326 latitude first); default CRS84.",
            JsonSchemaType.String,
            Features.CoordinateReferenceSystem.BritishNationalGrid.Uri,
            Values: [.. Features.CoordinateReferenceSystem.All.Select(c => c.Uri)]),
        _ => null,
    };

    /// <summary>The path parameters of OGC API - Tiles, as /req/core/tc-tilematrix-definition and the others define them.</summary>
    public static ParameterDocs.Doc? Path(string name) => name switch
    {
        "tileMatrixSetId" => new("Identifier of a tile matrix set (see /ogc/tileMatrixSets): WebMercatorQuad.", JsonSchemaType.String, Ogc.WebMercatorQuad.Id, Required: true, Values: [Ogc.WebMercatorQuad.Id]),
        "tileMatrix" => new(
            $"Identifier selecting one of the scales defined in the TileMatrixSet and representing the scaleDenominator the tile: 0 to {Tiles.TileAddress.MaxZoom} of WebMercatorQuad (the zoom level).",
            JsonSchemaType.String,
            "11",
            Required: true),
        "tileRow" => new("Row index of the tile on the selected TileMatrix, from the north. It cannot exceed the MatrixHeight-1 for the selected TileMatrix; the tileset's tileMatrixSetLimits give the rows served.", JsonSchemaType.Integer, 683, Required: true, Minimum: 0),
        "tileCol" => new("Column index of the tile on the selected TileMatrix, from the west. It cannot exceed the MatrixWidth-1 for the selected TileMatrix; the tileset's tileMatrixSetLimits give the columns served.", JsonSchemaType.Integer, 1024, Required: true, Minimum: 0),
        _ => null,
    };
}
