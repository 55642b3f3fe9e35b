using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features;

/// <summary>
/// A coordinate reference system features can be written in and bboxes given in (OGC API - Features - Part 2):
/// its URI, its EPSG code in PostGIS, whether its first axis is latitude (EPSG:4326 is latitude, longitude, unlike
/// CRS84) and the decimals that keep about a centimetre (degrees: 6 to 7; metres: 2).
/// </summary>
public sealed record CoordinateReferenceSystem(string Uri, int Srid, bool LatitudeFirst, int Decimals, bool Geographic)
{
    public static readonly CoordinateReferenceSystem Crs84 = new("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, LatitudeFirst: false, GeometrySql.Decimals, Geographic: true);
    public static readonly CoordinateReferenceSystem Wgs84 = new("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, LatitudeFirst: true, GeometrySql.Decimals, Geographic: true);
    public static readonly CoordinateReferenceSystem BritishNationalGrid = new("http://www.opengis.net/def/crs/EPSG/0/27700", 27700, LatitudeFirst: false, 2, Geographic: false);
    public static readonly CoordinateReferenceSystem WebMercator = new("http://www.opengis.net/def/crs/EPSG/0/3857", 3857, LatitudeFirst: false, 2, Geographic: false);

    /// <summary>Every CRS served, CRS84 (the default and the storage CRS) first.</summary>
    public static readonly IReadOnlyList<CoordinateReferenceSystem> All = [Crs84, Wgs84, BritishNationalGrid, WebMercator];

    /// <summary>Whether coordinates need no change from storage (EPSG:4326 longitude, latitude).</summary>
    public bool IsStorage => Srid == 4326 && !LatitudeFirst;

    /// <summary>The CRS a <c>crs</c>, <c>bbox-crs</c> or <c>filter-crs</c> value names; throws <see cref="BadRequestException"/> listing those served.</summary>
    public static CoordinateReferenceSystem Parse(string parameter, string text) =>
        All.FirstOrDefault(c => c.Uri == text.Trim().Trim('<', '>'))
        ?? throw new BadRequestException($"{parameter} '{Text.Shorten(text)}' is not a CRS served here. Give one of: {string.Join(", ", All.Select(c => c.Uri))}.");

    /// <summary>SQL for <paramref name="geometry"/>, in EPSG:4326, in this CRS (through PostGIS and PROJ: EPSG:27700 with the OSTN15 grid when installed).</summary>
    public string FromStorage(string geometry)
    {
        var projected = Srid == 4326 ? geometry : $"ST_Transform({geometry}, {Srid})";
        return LatitudeFirst ? $"ST_FlipCoordinates({projected})" : projected;
    }

    /// <summary>SQL for a box given in this CRS as west, south, east, north parameters, in EPSG:4326.</summary>
    public string EnvelopeInStorage(string west, string south, string east, string north)
    {
        var envelope = $"ST_MakeEnvelope({west}, {south}, {east}, {north}, {Srid})";
        return Srid == 4326 ? envelope : $"ST_Transform({envelope}, 4326)";
    }
}
