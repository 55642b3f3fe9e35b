using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Plan;

/// <summary>
/// The rule that makes a ward a focus ward, where the plan concentrates on the poorest outcomes.
/// By default: it contains an LSOA in national IMD deciles 1-3, or it is in the most deprived fifth
/// of its district's wards by population-weighted IMD score.
/// </summary>
public sealed class FocusWardOptions
{
    public const string Section = "DistrictMap:FocusWards";

    /// <summary>A ward with an LSOA in national IMD deciles 1 to this is a focus ward.</summary>
    [Range(1, 10)]
    public int MaxDecile { get; set; } = 3;

    /// <summary>The most deprived wards of a district, this share of them (rounded down, at least one), are focus wards.</summary>
    [Range(0.0, 1.0)]
    public double DistrictFraction { get; set; } = 0.2;
}

public sealed record FocusRule(int MaxDecile, double DistrictFraction, string Description);

public sealed record WardStanding(string Code, string Name, double? ImdScore, int? DistrictRank, int WardCount, int LsoasInLowDeciles, IReadOnlyList<string> Reasons)
{
    public bool IsFocus => Reasons.Count > 0;
}

public sealed class FocusWardRule([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource, IOptions<FocusWardOptions> options)
{
    public FocusRule Rule
    {
        get
        {
            var o = options.Value;
            return new FocusRule(o.MaxDecile, o.DistrictFraction,
                $"A ward is a focus ward when it contains an LSOA in national IMD deciles 1-{o.MaxDecile}, or it is among the most deprived {Share(o.DistrictFraction)} of its district's wards by population-weighted IMD score.");
        }
    }

    /// <summary>Every ward of the district with the reasons (none for a ward that is not a focus ward), most deprived first.</summary>
    public async Task<IReadOnlyList<WardStanding>> StandingsAsync(string district, string release, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var command = dataSource.CreateCommand("""
            WITH low AS (
                SELECT a.ward_code, count(*) AS n
                FROM lsoa_ward_assignments a
                JOIN iod_releases r ON r.code = $2 AND r.lsoa_vintage = a.lsoa_vintage
                JOIN deprivation_scores s ON s.release = r.code AND s.lsoa_code = a.lsoa_code AND s.domain = 'imd'
                WHERE s.decile <= $3
                GROUP BY a.ward_code
            )
            SELECT w.code, w.name, round(d.score::numeric, 3)::float8, d.district_rank,
                   count(*) OVER ()::int, coalesce(low.n, 0)::int
            FROM wards w
            LEFT JOIN ward_deprivation d ON d.ward_code = w.code AND d.release = $2 AND d.domain = 'imd'
            LEFT JOIN low ON low.ward_code = w.code
            WHERE w.district_code = $1
            ORDER BY d.district_rank NULLS LAST, w.name
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(release);
        command.Parameters.AddWithValue(o.MaxDecile);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<WardStanding>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (rank, count, low) = (reader.IsDBNull(3) ? (int?)null : reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
            var reasons = new List<string>();
            if (low > 0)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Contains {low} LSOA{(low == 1 ? "" : "s")} in national IMD deciles 1-{o.MaxDecile} ({release})."));
            }

            var cut = Math.Max(1, (int)Math.Floor(count * o.DistrictFraction));
            if (rank is { } r && o.DistrictFraction > 0 && r <= cut)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Ranked {r} of {count} wards in its district by population-weighted IMD score: among the most deprived {Share(o.DistrictFraction)} ({release})."));
            }

            rows.Add(new WardStanding(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), rank, count, low, reasons));
        }

        return rows;
    }

    private static string Share(double fraction) => fraction switch
    {
        0.5 => "half",
        0.25 => "quarter",
        0.2 => "fifth",
        0.1 => "tenth",
        _ => fraction.ToString("P0", CultureInfo.InvariantCulture),
    };
}
