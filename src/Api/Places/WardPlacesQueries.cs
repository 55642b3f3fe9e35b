using DistrictMap.Api.Wards;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Places;

/// <summary>Route length inside a ward by kind, metres on the ellipsoid; null while no routes are loaded.</summary>
public sealed record RouteLengths(double? Walking, double? Cycling, double? Shared);

/// <summary>
/// A ward's places measures (the materialized view <c>ward_places</c>; method in <see cref="PlacesSql.CreateWardPlaces"/>).
/// Each is null while its layer holds no features at all.
/// </summary>
public sealed record WardPlaces(
    RouteLengths RouteLengthM,
    double? GreenSpaceAreaM2,
    double? GreenSpaceM2Per1000,
    double? PopulationShareWithin400m,
    double? PopulationShareWithin1km,
    int? Projects,
    int? Activities,
    int? RecyclingSites);

/// <summary>Reads the ward places measures for ward profiles and the ranking.</summary>
public sealed class WardPlacesQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT ward_code,
               round(route_length_walking_m::numeric, 1)::float8, round(route_length_cycling_m::numeric, 1)::float8,
               round(route_length_shared_m::numeric, 1)::float8, round(green_space_area_m2::numeric)::float8,
               round(green_space_m2_per_1000::numeric, 1)::float8, round(population_share_within_400m::numeric, 4)::float8,
               round(population_share_within_1km::numeric, 4)::float8, projects, activities, recycling_sites
        FROM ward_places
        """;

    public async Task<WardPlaces?> ForWardAsync(string ward, CancellationToken cancellationToken) =>
        (await ReadAsync($"{Select} WHERE ward_code = $1", ward, cancellationToken)).GetValueOrDefault(ward);

    public Task<Dictionary<string, WardPlaces>> ForDistrictAsync(string district, CancellationToken cancellationToken) =>
        ReadAsync($"{Select} WHERE district_code = $1", district, cancellationToken);

    private async Task<Dictionary<string, WardPlaces>> ReadAsync(string sql, string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var measures = new Dictionary<string, WardPlaces>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            measures[reader.GetString(0)] = new WardPlaces(
                new RouteLengths(WardQueries.NullableDouble(reader, 1), WardQueries.NullableDouble(reader, 2), WardQueries.NullableDouble(reader, 3)),
                WardQueries.NullableDouble(reader, 4),
                WardQueries.NullableDouble(reader, 5),
                WardQueries.NullableDouble(reader, 6),
                WardQueries.NullableDouble(reader, 7),
                WardQueries.NullableInt(reader, 8),
                WardQueries.NullableInt(reader, 9),
                WardQueries.NullableInt(reader, 10));
        }

        return measures;
    }
}

public static class WardPlacesExtensions
{
    /// <summary>A ranking row with the ward's places measures, flattened.</summary>
    public static WardRank WithPlaces(this WardRank rank, WardPlaces? places) => places is null ? rank : rank with
    {
        RouteLengthWalkingM = places.RouteLengthM.Walking,
        RouteLengthCyclingM = places.RouteLengthM.Cycling,
        RouteLengthSharedM = places.RouteLengthM.Shared,
        GreenSpaceAreaM2 = places.GreenSpaceAreaM2,
        GreenSpaceM2Per1000 = places.GreenSpaceM2Per1000,
        PopulationShareWithin400m = places.PopulationShareWithin400m,
        PopulationShareWithin1km = places.PopulationShareWithin1km,
        Projects = places.Projects,
        Activities = places.Activities,
        RecyclingSites = places.RecyclingSites,
    };
}
