using DistrictMap.Api.Places;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Places;

/// <summary>
/// The ward places measures on the synthetic grid, where the answers are known by construction (see
/// Fixtures/make-places-fixtures.py): wards A, B and C are 0.1° wide; LSOA populations are A 1000 + 3000,
/// B 1500 + 1500, C 1000 + 2000, each placed at its LSOA's interior point.
/// </summary>
public sealed class WardPlacesTests : DatabaseTest
{
    private const string A = "E05999901";
    private const string B = "E05999902";
    private const string C = "E05999903";

    private sealed record Measures(
        double? Walking, double? Cycling, double? Shared, long? Population, double? GreenArea, double? GreenPer1000,
        double? Within400m, double? Within1km, int? Projects, int? Activities, int? RecyclingSites);

    private async Task<Dictionary<string, Measures>> MeasuresAsync() =>
        (await Db.ListAsync(
            """
            SELECT ward_code, route_length_walking_m, route_length_cycling_m, route_length_shared_m, population, green_space_area_m2,
                   green_space_m2_per_1000, population_share_within_400m, population_share_within_1km, projects, activities, recycling_sites
            FROM ward_places
            """,
            r => (r.GetString(0), new Measures(
                Value<double>(r, 1), Value<double>(r, 2), Value<double>(r, 3), Value<long>(r, 4), Value<double>(r, 5), Value<double>(r, 6),
                Value<double>(r, 7), Value<double>(r, 8), Value<int>(r, 9), Value<int>(r, 10), Value<int>(r, 11)))))
        .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>The measures with the synthetic district and every synthetic place loaded.</summary>
    private async Task<Dictionary<string, Measures>> LoadedMeasuresAsync()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        await SyntheticPlaces.LoadAllAsync(Db);
        return await MeasuresAsync();
    }

    private static T? Value<T>(Npgsql.NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    [Fact]
    public async Task Route_length_by_kind_is_clipped_to_each_ward_and_overlapping_routes_count_once()
    {
        var wards = await LoadedMeasuresAsync();

        // Ward A: the meridian walk (imported twice, counted once); the cycleway from 0.09° to the ward edge at 0.10°.
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.03, 51.01, 0.03, 51.03), wards[A].Walking!.Value);
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.09, 51.04, 0.10, 51.04), wards[A].Cycling!.Value);
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.10, 51.04, 0.12, 51.04), wards[B].Cycling!.Value);
        Assert.Equal((0.0, 0.0, 0.0, 0.0), (wards[B].Walking, wards[C].Walking, wards[C].Cycling, wards[A].Shared));
    }

    [Fact]
    public async Task Green_space_area_counts_overlaps_once_and_is_given_per_1000_residents()
    {
        var wards = await LoadedMeasuresAsync();

        var parkA = SyntheticPlaces.RectangleArea(0.04, 51.02, 0.06, 51.03);
        // Ward B: its park and the allotments; the play area inside the park adds nothing.
        var greenB = SyntheticPlaces.RectangleArea(0.14, 51.03, 0.16, 51.035) + SyntheticPlaces.RectangleArea(0.13, 51.07, 0.14, 51.08);
        Assert.Equal((4000L, 3000L, 3000L), (wards[A].Population, wards[B].Population, wards[C].Population));
        SyntheticPlaces.Near(parkA, wards[A].GreenArea!.Value);
        SyntheticPlaces.Near(parkA / 4, wards[A].GreenPer1000!.Value);
        SyntheticPlaces.Near(greenB, wards[B].GreenArea!.Value);
        SyntheticPlaces.Near(greenB / 3, wards[B].GreenPer1000!.Value);
        Assert.Equal((0.0, 0.0), (wards[C].GreenArea, wards[C].GreenPer1000));
    }

    [Fact]
    public async Task The_population_near_public_green_space_counts_each_LSOA_at_its_interior_point()
    {
        var wards = await LoadedMeasuresAsync();

        // A: LSOA E01999901 (1000 of 4000) is inside park A. B: E01999903 (1500 of 3000) is about 556 m from park B,
        // and E01999904 is inside allotments, which are not public. C: nothing within 1 km.
        Assert.Equal((0.25, 0.25), (wards[A].Within400m, wards[A].Within1km));
        Assert.Equal((0.0, 0.5), (wards[B].Within400m, wards[B].Within1km));
        Assert.Equal((0.0, 0.0), (wards[C].Within400m, wards[C].Within1km));
    }

    [Fact]
    public async Task Projects_activities_and_recycling_sites_are_counted_in_the_ward_that_holds_them()
    {
        var wards = await LoadedMeasuresAsync();

        Assert.Equal([(0, 0, 2), (0, 2, 0), (2, 0, 0)], new[] { A, B, C }.Select(w => (wards[w].Projects, wards[w].Activities, wards[w].RecyclingSites)).Select(t => (t.Projects!.Value, t.Activities!.Value, t.RecyclingSites!.Value)));
    }

    [Fact]
    public async Task A_layer_with_nothing_loaded_has_no_measure_rather_than_zero()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var empty = await MeasuresAsync();
        await Db.ImportPlacesAsync(PlaceLayer.Routes, "places-routes.geojson");

        var routesOnly = await MeasuresAsync();

        Assert.All(empty.Values, m => Assert.Equal(new Measures(null, null, null, m.Population, null, null, null, null, null, null, null), m));
        Assert.Equal(0.0, routesOnly[C].Walking);
        Assert.Null(routesOnly[C].GreenArea);
        Assert.Null(routesOnly[C].Within400m);
        Assert.Null(routesOnly[C].Projects);
    }
}
