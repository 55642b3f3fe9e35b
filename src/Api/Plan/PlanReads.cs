using DistrictMap.Api.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DistrictMap.Api.Plan;

/// <summary>Reads of priorities, partners and indicators.</summary>
public sealed class PlanReads([FromKeyedServices(ReadOnlyDatabase.Key)] DistrictMapDbContext db, [FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<PriorityDto>> PrioritiesAsync(CancellationToken cancellationToken) =>
        await db.Priorities.AsNoTracking().OrderBy(p => p.SortOrder)
            .Select(p => new PriorityDto(p.Code, p.Title, p.Description, p.Sample)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PartnerDto>> PartnersAsync(CancellationToken cancellationToken) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new PartnerDto(p.Id, p.Name, p.Sector, p.Website, p.Sample)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<IndicatorDto>> IndicatorsAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().OrderBy(i => i.Code)
            .Select(i => new IndicatorDto(i.Code, i.Title, i.Unit, i.Polarity, i.Geography, i.Source, i.Licence, i.Sample)).ToListAsync(cancellationToken);

    public async Task<IndicatorDto?> IndicatorAsync(string code, CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().Where(i => i.Code == code)
            .Select(i => new IndicatorDto(i.Code, i.Title, i.Unit, i.Polarity, i.Geography, i.Source, i.Licence, i.Sample)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The latest value of each indicator held for a ward, beside its district's value for the same period.</summary>
    public async Task<IReadOnlyList<WardIndicator>> WardIndicatorsAsync(string ward, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (i.code) i.code, i.title, i.unit, i.polarity, v.period, v.value, v.target,
                   (SELECT x.value FROM indicator_values x WHERE x.indicator_code = i.code AND x.period = v.period AND x.area_code = w.district_code),
                   v.sample
            FROM indicator_values v
            JOIN indicators i ON i.code = v.indicator_code
            JOIN wards w ON w.code = v.area_code
            WHERE v.area_code = $1
            ORDER BY i.code, v.period DESC
            """);
        command.Parameters.AddWithValue(ward);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardIndicator>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WardIndicator(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.GetBoolean(8)));
        }

        return rows;
    }

    /// <summary>An indicator's values, each beside the value of the area's district for the same period.</summary>
    public async Task<IReadOnlyList<IndicatorValueDto>> ValuesAsync(string code, string? area, string? period, string? district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT v.area_code, coalesce(w.name, d.name), v.period, v.value, v.target, v.note,
                   (SELECT x.value FROM indicator_values x
                    WHERE x.indicator_code = v.indicator_code AND x.period = v.period AND x.area_code = w.district_code),
                   v.sample
            FROM indicator_values v
            LEFT JOIN wards w ON w.code = v.area_code
            LEFT JOIN districts d ON d.code = v.area_code
            WHERE v.indicator_code = $1
              AND ($2::text IS NULL OR v.area_code = $2)
              AND ($3::text IS NULL OR v.period = $3)
              AND ($4::text IS NULL OR v.area_code = $4 OR w.district_code = $4)
            ORDER BY (w.code IS NULL) DESC, coalesce(w.name, d.name), v.area_code, v.period
            """);
        command.Parameters.AddWithValue(code);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)area ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)period ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)district ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<IndicatorValueDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new IndicatorValueDto(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.GetBoolean(7)));
        }

        return rows;
    }
}

/// <summary>An indicator's latest value for a ward, with its district's value for the same period.</summary>
public sealed record WardIndicator(string Code, string Title, string Unit, string Polarity, string Period, double Value, double? Target, double? DistrictValue, bool Sample);
