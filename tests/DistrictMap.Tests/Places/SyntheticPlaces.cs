using DistrictMap.Api.Import;
using DistrictMap.Api.Places;
using DistrictMap.Api.Places.Import;
using DistrictMap.Api.Places.Import.Osm;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Places;

/// <summary>
/// Loads the synthetic places fixtures (Fixtures/make-places-fixtures.py) and computes by hand, on the sphere,
/// the lengths, areas and distances they are built to have.
/// </summary>
public static class SyntheticPlaces
{
    /// <summary>The mean radius of the Earth (IUGG), for the spherical formulas.</summary>
    public const double EarthRadius = 6_371_008.8;

    public static readonly IReadOnlyDictionary<PlaceLayer, string> Files = new Dictionary<PlaceLayer, string>
    {
        [PlaceLayer.Routes] = "places-routes.geojson",
        [PlaceLayer.GreenSpaces] = "places-green-spaces.geojson",
        [PlaceLayer.TownCentreProjects] = "places-projects.geojson",
        [PlaceLayer.RecyclingSites] = "places-recycling-sites.geojson",
        [PlaceLayer.Activities] = "places-activities.geojson",
    };

    public static PlaceFileImporter Importer(this TestDatabase db) => db.Services.GetRequiredService<PlaceFileImporter>();

    public static OsmImporter Osm(this TestDatabase db) => db.Services.GetRequiredService<OsmImporter>();

    public static Task<ImportSummary> ImportPlacesAsync(this TestDatabase db, PlaceLayer layer, string fixture, string? district = null, bool sample = false) =>
        db.Importer().ImportAsync(
            new PlaceImportOptions { Layer = layer, Path = Fixtures.File(fixture), District = district, Sample = sample },
            TestDatabase.NoProgress);

    public static async Task LoadAllAsync(TestDatabase db)
    {
        foreach (var (layer, file) in Files)
        {
            await db.ImportPlacesAsync(layer, file);
        }
    }

    /// <summary>Great-circle distance (haversine) in metres.</summary>
    public static double Haversine(double lon1, double lat1, double lon2, double lat2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadius * Math.Asin(Math.Sqrt(a));
    }

    /// <summary>The area of a longitude/latitude rectangle on the sphere, in m²: R² Δλ (sin φ2 − sin φ1).</summary>
    public static double RectangleArea(double west, double south, double east, double north) =>
        EarthRadius * EarthRadius * Radians(east - west) * (Math.Sin(Radians(north)) - Math.Sin(Radians(south)));

    /// <summary>Asserts that an ellipsoidal value is within <paramref name="tolerance"/> (relative) of its spherical estimate.</summary>
    public static void Near(double expected, double actual, double tolerance = 0.006) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * tolerance, $"expected {expected:0.0} within {tolerance:P1}, got {actual:0.0}");

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
