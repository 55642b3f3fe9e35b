namespace DistrictMap.Api.Features;

/// <summary>
/// The one SQL fragment that turns a geometry into GeoJSON (RFC 7946): 6 decimals, exterior rings
/// counter-clockwise and holes clockwise. Every read that returns GeoJSON geometry uses it.
/// </summary>
public static class GeometrySql
{
    /// <summary>Decimals of the coordinates written: about 0.1 m.</summary>
    public const int Decimals = 6;

    /// <summary>GeoJSON text of <paramref name="geometry"/>, an SQL expression in EPSG:4326.</summary>
    public static string GeoJson(string geometry) => GeoJson(geometry, geometry);

    /// <summary>
    /// GeoJSON text of <paramref name="output"/>, a form of <paramref name="geometry"/> (such as a simplified one),
    /// reoriented when <paramref name="geometry"/> is areal. Only polygons are reoriented: PostGIS 3.3's
    /// ST_ForcePolygonCCW reverses lines.
    /// </summary>
    public static string GeoJson(string geometry, string output) => GeoJson(geometry, output, CoordinateReferenceSystem.Crs84);

    /// <summary>
    /// As <see cref="GeoJson(string, string)"/>, written in <paramref name="crs"/> with its decimals: rings are oriented
    /// on longitude and latitude first, then the geometry is projected (or its axes swapped).
    /// </summary>
    public static string GeoJson(string geometry, string output, CoordinateReferenceSystem crs) =>
        $"ST_AsGeoJSON({crs.FromStorage($"CASE WHEN ST_Dimension({geometry}) = 2 THEN ST_ForcePolygonCCW({output}) ELSE {output} END")}, {crs.Decimals})";
}
