using System.Globalization;
using System.Text.RegularExpressions;

namespace DistrictMap.Api.Import.Features;

/// <summary>Reads the CRS names that GeoJSON, shapefile .prj and GeoPackage files use.</summary>
public static partial class CrsNames
{
    public const int Wgs84 = 4326;
    public const int BritishNationalGrid = 27700;

    /// <summary>
    /// The EPSG code of a GeoJSON <c>crs</c> name (<c>EPSG:27700</c>, <c>urn:ogc:def:crs:EPSG::27700</c>,
    /// <c>urn:ogc:def:crs:OGC:1.3:CRS84</c>, an opengis.net URI), or null when it is not recognised.
    /// </summary>
    public static int? FromName(string name)
    {
        if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84;
        }

        var match = EpsgPattern().Match(name);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The EPSG code of an ESRI .prj (WKT1), or null when it is not one we know.</summary>
    public static int? FromEsriWkt(string wkt)
    {
        var authority = AuthorityPattern().Matches(wkt);
        if (authority.Count > 0)
        {
            // The outermost AUTHORITY comes last in WKT1.
            return int.Parse(authority[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var normalised = wkt.Replace('_', ' ');
        if (normalised.Contains("British National Grid", StringComparison.OrdinalIgnoreCase)
            || normalised.Contains("OSGB 1936", StringComparison.OrdinalIgnoreCase)
            || normalised.Contains("OSGB36", StringComparison.OrdinalIgnoreCase))
        {
            return BritishNationalGrid;
        }

        if (!wkt.TrimStart().StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase)
            && (normalised.Contains("WGS 1984", StringComparison.OrdinalIgnoreCase) || normalised.Contains("WGS 84", StringComparison.OrdinalIgnoreCase)))
        {
            return Wgs84;
        }

        return null;
    }

    [GeneratedRegex(@"EPSG(?::[0-9.]*:|:|/[0-9.]+/)([0-9]+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgPattern();

    [GeneratedRegex(@"AUTHORITY\[""EPSG"",\s*""?([0-9]+)""?\]", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorityPattern();
}
