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
        _ => null,
    };
}
