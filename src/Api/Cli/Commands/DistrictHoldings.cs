using System.Globalization;
using Npgsql;

namespace DistrictMap.Api.Cli.Commands;

/// <summary>What the database holds for a district: its boundary, wards, LSOAs, deprivation scores and plan.</summary>
internal sealed record DistrictHoldings(string District, string? Name, bool Boundary, long Wards, long Lsoas, long ScoredLsoas, long Actions)
{
    private const string Sql = """
        SELECT d.name, d.geom IS NOT NULL,
               (SELECT count(*) FROM wards w WHERE w.district_code = @district),
               (SELECT count(*) FROM lsoas l WHERE l.district_code = @district),
               (SELECT count(DISTINCT s.lsoa_code) FROM deprivation_scores s JOIN lsoas l ON l.code = s.lsoa_code WHERE l.district_code = @district),
               (SELECT count(*) FROM actions a WHERE a.district_code = @district)
        FROM (SELECT @district AS code) c LEFT JOIN districts d ON d.code = c.code
        """;

    public static async Task<DistrictHoldings> ReadAsync(NpgsqlDataSource dataSource, string district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("district", district);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DistrictHoldings(
            district,
            reader.IsDBNull(0) ? null : reader.GetString(0),
            !reader.IsDBNull(1) && reader.GetBoolean(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5));
    }

    public bool Any => Boundary || Wards > 0 || Lsoas > 0;

    /// <summary>One line, such as "Sevenoaks (E07000111): boundary, 26 wards, 74 LSOAs (74 with deprivation scores), 12 plan actions".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Boundary)
        {
            parts.Add("boundary");
        }

        parts.Add(Count(Wards, "ward"));
        parts.Add($"{Count(Lsoas, "LSOA")} ({ScoredLsoas.ToString("N0", CultureInfo.InvariantCulture)} with deprivation scores)");
        parts.Add(Count(Actions, "plan action"));
        return $"{(Name is null || Name == District ? District : $"{Name} ({District})")}: {string.Join(", ", parts)}";
    }

    private static string Count(long n, string what) =>
        $"{n.ToString("N0", CultureInfo.InvariantCulture)} {what}{(n == 1 ? "" : "s")}";
}
