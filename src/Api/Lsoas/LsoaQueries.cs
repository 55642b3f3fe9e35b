using DistrictMap.Api.Features;
using System.Text.Json;
using DistrictMap.Api.Deprivation;
using Npgsql;
using static DistrictMap.Api.Wards.WardQueries;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Lsoas;

/// <summary>The SQL behind the LSOA endpoints. LSOAs are those of the latest vintage loaded.</summary>
public sealed class LsoaQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    /// <summary>
    /// LSOAs (<c>l</c>) with the ward each is counted in (<c>a</c>), the IMD of the latest IoD release for their vintage
    /// (<c>dep</c>) and that release's population (<c>pop</c>): what the REST LSOAs and the OGC <c>lsoas</c> collection read.
    /// </summary>
    public const string WithDeprivation = """
        lsoas l
        LEFT JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code AND a.lsoa_vintage = l.vintage
        LEFT JOIN LATERAL (
            SELECT s.release, s.score, s.rank, s.decile
            FROM deprivation_scores s JOIN iod_releases r ON r.code = s.release
            WHERE s.lsoa_code = l.code AND s.domain = 'imd' AND r.lsoa_vintage = l.vintage
            ORDER BY r.published DESC LIMIT 1) dep ON true
        LEFT JOIN lsoa_populations pop ON pop.release = dep.release AND pop.lsoa_code = l.code
        """;

    /// <summary>The condition that keeps the LSOAs of the latest vintage loaded.</summary>
    public const string IsLatestVintage = "l.vintage = (SELECT max(vintage) FROM lsoas)";

    public async Task<IReadOnlyList<LsoaSummary>> SummariesAsync(string? district, string? ward, string? code, bool geometry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT l.code, l.name, l.vintage, l.district_code, a.ward_code, a.method, dep.release, dep.score, dep.rank, dep.decile, pop.total,
                   CASE WHEN @geometry THEN {GeometrySql.GeoJson("l.geom")} END
            FROM {WithDeprivation}
            WHERE {IsLatestVintage}
              AND (@district::text IS NULL OR l.district_code = @district)
              AND (@ward::text IS NULL OR a.ward_code = @ward)
              AND (@code::text IS NULL OR l.code = @code)
            ORDER BY l.code
            """);
        command.Parameters.AddWithValue("geometry", geometry);
        command.Parameters.Add(Text("district", district));
        command.Parameters.Add(Text("ward", ward));
        command.Parameters.Add(Text("code", code));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LsoaSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LsoaSummary(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Nullable<string>(reader, 3), Nullable<string>(reader, 4),
                Nullable<string>(reader, 5), Nullable<string>(reader, 6), NullableDouble(reader, 7), NullableInt(reader, 8),
                NullableInt(reader, 9), reader.IsDBNull(10) ? null : reader.GetInt32(10))
            {
                Geometry = reader.IsDBNull(11) ? null : JsonDocument.Parse(reader.GetString(11)).RootElement.Clone(),
            });
        }

        return rows;
    }

    public async Task<(double AreaKm2, LsoaWard? Ward)?> PlaceAsync(string code, int vintage, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT round((l.area_m2 / 1e6)::numeric, 3)::float8, a.ward_code, w.name, a.method, a.overlap_share
            FROM lsoas l
            LEFT JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code AND a.lsoa_vintage = l.vintage
            LEFT JOIN wards w ON w.code = a.ward_code
            WHERE l.code = $1 AND l.vintage = $2
            """);
        command.Parameters.AddWithValue(code);
        command.Parameters.AddWithValue(vintage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var ward = reader.IsDBNull(1) ? null : new LsoaWard(reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableDouble(reader, 4));
        return (reader.GetDouble(0), ward);
    }

    public async Task<IReadOnlyList<LsoaDomain>> DeprivationAsync(string code, int vintage, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s.release, s.domain, s.score, s.rank, s.decile, s.transformed_score
            FROM deprivation_scores s JOIN iod_releases r ON r.code = s.release
            WHERE s.lsoa_code = $1 AND r.lsoa_vintage = $2
            ORDER BY r.published DESC
            """);
        command.Parameters.AddWithValue(code);
        command.Parameters.AddWithValue(vintage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LsoaDomain>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LsoaDomain(reader.GetString(0), reader.GetString(1), NullableDouble(reader, 2), NullableInt(reader, 3), NullableInt(reader, 4), NullableDouble(reader, 5)));
        }

        var order = DeprivationDomains.All.ToList();
        return [.. rows.OrderBy(r => rows.FindIndex(x => x.Release == r.Release)).ThenBy(r => order.IndexOf(r.Domain))];
    }

    public async Task<IReadOnlyList<LsoaPopulationDetail>> PopulationAsync(string code, int vintage, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.release, p.total, p.children_0_15, p.aged_16_59, p.aged_60_and_over, p.working_age
            FROM lsoa_populations p JOIN iod_releases r ON r.code = p.release
            WHERE p.lsoa_code = $1 AND r.lsoa_vintage = $2
            ORDER BY r.published DESC
            """);
        command.Parameters.AddWithValue(code);
        command.Parameters.AddWithValue(vintage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LsoaPopulationDetail>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LsoaPopulationDetail(reader.GetString(0), NullableInt(reader, 1), NullableInt(reader, 2), NullableInt(reader, 3), NullableInt(reader, 4), NullableInt(reader, 5)));
        }

        return rows;
    }
}
