using System.Globalization;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Import.Features;

/// <summary>Rejects positions that cannot be right for the CRS, before anything reaches the database.</summary>
public static class CoordinateCheck
{
    /// <returns>Why the geometry's positions are wrong, or null when they are plausible.</returns>
    public static string? Problem(Geometry geometry, int srid)
    {
        foreach (var c in geometry.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y))
            {
                return $"position ({Format(c.X)}, {Format(c.Y)}) is not a finite number";
            }

            switch (srid)
            {
                case CrsNames.Wgs84 or 4258 when c.X is < -180 or > 180 || c.Y is < -90 or > 90:
                    var hint = c.X is >= 0 and <= 800_000 && c.Y is >= 0 and <= 1_400_000
                        ? "; it looks like British National Grid: give --srid 27700"
                        : "";
                    return $"position ({Format(c.X)}, {Format(c.Y)}) is not a longitude/latitude (EPSG:{srid}){hint}";
                case CrsNames.BritishNationalGrid when c.X is < 0 or > 800_000 || c.Y is < 0 or > 1_400_000:
                    return $"position ({Format(c.X)}, {Format(c.Y)}) is outside the British National Grid (EPSG:27700)";
            }
        }

        return null;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
