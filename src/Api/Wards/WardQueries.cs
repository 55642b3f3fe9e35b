using DistrictMap.Api.Features;
using System.Text.Json;
using DistrictMap.Api.Deprivation;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Wards;

/// <summary>The SQL behind the ward endpoints.</summary>
public sealed class WardQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    private static readonly string SummarySelect = $"""
        SELECT w.code, w.name, w.district_code, round((w.area_m2 / 1e6)::numeric, 3)::float8, d.release,
               d.population, round(d.score::numeric, 3)::float8, d.district_rank, d.district_ward_count, d.worst_decile,
               d.lsoas_in_most_deprived_10, d.lsoas_in_most_deprived_20, d.lsoas_in_most_deprived_30,
               round(d.population_share_in_most_deprived_10::numeric, 4)::float8,
               round(d.population_share_in_most_deprived_20::numeric, 4)::float8,
               round(d.population_share_in_most_deprived_30::numeric, 4)::float8,
               CASE WHEN @geometry THEN {GeometrySql.GeoJson("w.geom")} END
        FROM wards w
        LEFT JOIN ward_deprivation d ON d.ward_code = w.code AND d.domain = 'imd' AND d.release = @release
        """;

    public async Task<bool> DistrictExistsAsync(string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM districts WHERE code = $1)");
        command.Parameters.AddWithValue(code);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The districts that have wards, for choosing a default and for error messages.</summary>
    public async Task<IReadOnlyList<string>> DistrictsWithWardsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT district_code FROM wards ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    public async Task<IReadOnlyList<WardSummary>> SummariesAsync(string? district, string? ward, string? release, bool geometry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {SummarySelect}
            WHERE (@district::text IS NULL OR w.district_code = @district) AND (@ward::text IS NULL OR w.code = @ward)
            ORDER BY w.district_code, w.name
            """);
        command.Parameters.AddWithValue("geometry", geometry);
        command.Parameters.Add(Text("release", release));
        command.Parameters.Add(Text("district", district));
        command.Parameters.Add(Text("ward", ward));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WardSummary(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), Nullable<string>(reader, 4),
                NullableLong(reader, 5), NullableDouble(reader, 6), NullableInt(reader, 7), NullableInt(reader, 8), NullableInt(reader, 9),
                NullableInt(reader, 10), NullableInt(reader, 11), NullableInt(reader, 12),
                NullableDouble(reader, 13), NullableDouble(reader, 14), NullableDouble(reader, 15))
            {
                Geometry = reader.IsDBNull(16) ? null : JsonDocument.Parse(reader.GetString(16)).RootElement.Clone(),
            });
        }

        return rows;
    }

    public async Task<IReadOnlyList<WardRank>> RankingAsync(string district, string release, string domain, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT d.district_rank, w.code, w.name, round(d.score::numeric, 3)::float8, round(d.transformed_score::numeric, 3)::float8,
                   d.rank_basis, d.worst_decile, d.lsoas_in_most_deprived_10, d.lsoas_in_most_deprived_20, d.lsoas_in_most_deprived_30,
                   d.population, round(d.population_share_in_most_deprived_30::numeric, 4)::float8
            FROM ward_deprivation d JOIN wards w ON w.code = d.ward_code
            WHERE d.district_code = $1 AND d.release = $2 AND d.domain = $3
            ORDER BY d.district_rank NULLS LAST, w.name
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(release);
        command.Parameters.AddWithValue(domain);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardRank>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WardRank(
                NullableInt(reader, 0), reader.GetString(1), reader.GetString(2), NullableDouble(reader, 3), NullableDouble(reader, 4),
                Nullable<string>(reader, 5), NullableInt(reader, 6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9),
                NullableLong(reader, 10), NullableDouble(reader, 11)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<WardDomain>> DomainsAsync(string ward, string release, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT domain, round(score::numeric, 3)::float8, round(transformed_score::numeric, 3)::float8, district_rank, district_ward_count,
                   rank_basis, worst_decile, lsoas_in_most_deprived_10, lsoas_in_most_deprived_20, lsoas_in_most_deprived_30
            FROM ward_deprivation WHERE ward_code = $1 AND release = $2
            """);
        command.Parameters.AddWithValue(ward);
        command.Parameters.AddWithValue(release);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardDomain>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WardDomain(
                reader.GetString(0), NullableDouble(reader, 1), NullableDouble(reader, 2), NullableInt(reader, 3), reader.GetInt32(4),
                Nullable<string>(reader, 5), NullableInt(reader, 6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9)));
        }

        return [.. rows.OrderBy(d => DeprivationDomains.All.ToList().IndexOf(d.Domain))];
    }

    public async Task<IReadOnlyList<WardLsoa>> LsoasAsync(string ward, string? release, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.lsoa_code, l.name, a.lsoa_vintage, a.method, a.overlap_share, s.score, s.rank, s.decile, p.total
            FROM lsoa_ward_assignments a
            LEFT JOIN iod_releases r ON r.code = @release
            LEFT JOIN lsoas l ON l.code = a.lsoa_code AND l.vintage = a.lsoa_vintage
            LEFT JOIN deprivation_scores s ON s.release = r.code AND s.lsoa_code = a.lsoa_code AND s.domain = 'imd'
            LEFT JOIN lsoa_populations p ON p.release = r.code AND p.lsoa_code = a.lsoa_code
            WHERE a.ward_code = @ward AND (r.code IS NULL OR r.lsoa_vintage = a.lsoa_vintage)
            ORDER BY a.lsoa_code
            """);
        command.Parameters.AddWithValue("ward", ward);
        command.Parameters.Add(Text("release", release));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardLsoa>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WardLsoa(
                reader.GetString(0), Nullable<string>(reader, 1), reader.GetInt32(2), reader.GetString(3), NullableDouble(reader, 4),
                NullableDouble(reader, 5), NullableInt(reader, 6), NullableInt(reader, 7), NullableLong(reader, 8)));
        }

        return rows;
    }

    /// <summary>Wards that share a stretch of boundary (not just a corner) with the ward.</summary>
    public async Task<IReadOnlyList<CodeName>> NeighboursAsync(string ward, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT n.code, n.name FROM wards w
            JOIN wards n ON n.code <> w.code AND n.geom && w.geom AND ST_Intersects(w.geom, n.geom)
            WHERE w.code = $1 AND ST_Dimension(ST_Intersection(w.geom, n.geom)) >= 1
            ORDER BY n.name
            """);
        command.Parameters.AddWithValue(ward);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CodeName>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CodeName(reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    public async Task<CodeName?> DistrictOfAsync(string ward, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT d.code, d.name FROM wards w JOIN districts d ON d.code = w.district_code WHERE w.code = $1");
        command.Parameters.AddWithValue(ward);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new CodeName(reader.GetString(0), reader.GetString(1)) : null;
    }

    internal static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    internal static T? Nullable<T>(NpgsqlDataReader reader, int ordinal)
        where T : class => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    internal static int? NullableInt(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    internal static long? NullableLong(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    internal static double? NullableDouble(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
