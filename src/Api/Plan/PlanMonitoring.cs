using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Plan;

public sealed record MonitoredAction(int Id, string Title, string Priority, string LeadPartner, string Status, string? Rag, string? ReportedQuarter, DateOnly? Due, bool Sample);

public sealed record PriorityProgress(string Priority, int Green, int Amber, int Red, int None, IReadOnlyList<MonitoredAction> Actions);

public sealed record OffTrackIndicator(
    string Code,
    string Title,
    string Unit,
    string Polarity,
    string Area,
    string? AreaName,
    string Period,
    double Value,
    string? PreviousPeriod,
    double? PreviousValue,
    double? Target,
    IReadOnlyList<string> Reasons,
    bool Sample);

public sealed record MonitoringReport(
    string Quarter,
    string? District,
    IReadOnlyList<PriorityProgress> ByPriority,
    IReadOnlyList<MonitoredAction> AtRisk,
    IReadOnlyList<MonitoredAction> Overdue,
    IReadOnlyList<OffTrackIndicator> IndicatorsOffTrack);

public sealed record WardGap(
    string Code,
    string Name,
    double? ImdScore,
    int? DistrictRank,
    bool Focus,
    IReadOnlyList<string> FocusReasons,
    int Actions,
    int DistrictWideActions,
    int Partners,
    int RecentUpdates,
    bool Underserved);

public sealed record GapReport(string District, string? Release, string Rule, string Underserved, string RecentSince, IReadOnlyList<WardGap> Wards);

/// <summary>Quarterly monitoring of the plan, and where deprived wards are reached by few actions.</summary>
public sealed class PlanMonitoring([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource, FocusWardRule focus, TimeProvider clock)
{
    public string CurrentQuarter => PlanVocabulary.QuarterOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public async Task<MonitoringReport> ReportAsync(string quarter, string? district, CancellationToken cancellationToken)
    {
        var actions = await ActionsAsOfAsync(quarter, district, cancellationToken);
        var byPriority = PlanVocabulary.Priorities.Select(p =>
        {
            var mine = actions.Where(a => a.Priority == p).ToList();
            return new PriorityProgress(p, mine.Count(a => a.Rag == "green"), mine.Count(a => a.Rag == "amber"), mine.Count(a => a.Rag == "red"), mine.Count(a => a.Rag is null), mine);
        }).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var reference = new[] { PlanVocabulary.EndOf(quarter).AddDays(1), today }.Min();
        return new MonitoringReport(
            quarter,
            district,
            byPriority,
            [.. actions.Where(a => a.Rag == "red")],
            [.. actions.Where(a => a.Status != "complete" && a.Due is { } due && due < reference)],
            await OffTrackAsync(quarter, district, cancellationToken));
    }

    public async Task<GapReport> GapsAsync(string district, string? release, CancellationToken cancellationToken)
    {
        var since = PlanVocabulary.Previous(CurrentQuarter);
        var standings = release is null ? [] : await focus.StandingsAsync(district, release, cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT w.code, w.name,
                   (SELECT count(*) FROM action_wards aw WHERE aw.ward_code = w.code)::int,
                   (SELECT count(*) FROM actions a WHERE a.district_wide AND a.district_code = w.district_code)::int,
                   (SELECT count(DISTINCT p) FROM (
                        SELECT a.lead_partner_id AS p FROM action_wards aw JOIN actions a ON a.id = aw.action_id WHERE aw.ward_code = w.code
                        UNION ALL
                        SELECT s.partner_id FROM action_wards aw JOIN action_supporters s ON s.action_id = aw.action_id WHERE aw.ward_code = w.code) x)::int,
                   (SELECT count(*) FROM action_updates u JOIN action_wards aw ON aw.action_id = u.action_id
                    WHERE aw.ward_code = w.code AND u.quarter >= $2)::int
            FROM wards w WHERE w.district_code = $1
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(since);
        var counts = new Dictionary<string, (string Name, int Actions, int DistrictWide, int Partners, int Updates)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
            }
        }

        var targeted = counts.Values.Select(c => c.Actions).Order().ToList();
        var median = targeted.Count == 0 ? 0 : targeted[targeted.Count / 2];
        var threshold = Math.Max(1, median);
        var rows = standings.Count > 0
            ? standings
            : [.. counts.OrderBy(c => c.Value.Name).Select(c => new WardStanding(c.Key, c.Value.Name, null, null, counts.Count, 0, []))];
        var wards = rows.Select(ward =>
        {
            var reach = counts.TryGetValue(ward.Code, out var found) ? found : (Name: ward.Name, Actions: 0, DistrictWide: 0, Partners: 0, Updates: 0);
            return new WardGap(
                ward.Code, ward.Name, ward.ImdScore, ward.DistrictRank, ward.IsFocus, ward.Reasons,
                reach.Actions, reach.DistrictWide, reach.Partners, reach.Updates, ward.IsFocus && reach.Actions < threshold);
        }).ToList();
        return new GapReport(
            district,
            release,
            focus.Rule.Description,
            $"A focus ward is underserved when fewer actions target it than the district's median ward ({median}), or none do.",
            since,
            wards);
    }

    private async Task<List<MonitoredAction>> ActionsAsOfAsync(string quarter, string? district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT a.id, a.title, a.priority_code, lp.name, a.status,
                   CASE WHEN EXISTS (SELECT 1 FROM action_updates x WHERE x.action_id = a.id) THEN u.rag ELSE a.rag END,
                   u.quarter, a.due, a.sample
            FROM actions a
            JOIN partners lp ON lp.id = a.lead_partner_id
            LEFT JOIN LATERAL (
                SELECT x.rag, x.quarter FROM action_updates x
                WHERE x.action_id = a.id AND x.quarter <= $1
                ORDER BY x.quarter DESC, x.at DESC LIMIT 1) u ON true
            WHERE ($2::text IS NULL OR a.district_code = $2)
            ORDER BY a.priority_code, a.title, a.id
            """);
        command.Parameters.AddWithValue(quarter);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)district ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<MonitoredAction>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MonitoredAction(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7), reader.GetBoolean(8)));
        }

        return rows;
    }

    /// <summary>Indicators whose latest value by the quarter moved against their polarity, or misses its target.</summary>
    private async Task<List<OffTrackIndicator>> OffTrackAsync(string quarter, string? district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT i.code, i.title, i.unit, i.polarity, v.area_code, coalesce(w.name, d.name), v.period, v.value, v.target, v.sample
            FROM indicator_values v
            JOIN indicators i ON i.code = v.indicator_code
            LEFT JOIN wards w ON w.code = v.area_code
            LEFT JOIN districts d ON d.code = v.area_code
            WHERE ($1::text IS NULL OR v.area_code = $1 OR w.district_code = $1)
            ORDER BY i.code, v.area_code, v.period
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)district ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var values = new List<(string Code, string Title, string Unit, string Polarity, string Area, string? Name, string Period, double Value, double? Target, bool Sample)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetDouble(7),
                    reader.IsDBNull(8) ? null : reader.GetDouble(8), reader.GetBoolean(9)));
            }
        }

        var year = int.Parse(quarter[..4], System.Globalization.CultureInfo.InvariantCulture);
        var result = new List<OffTrackIndicator>();
        foreach (var series in values.Where(v => v.Period.Length == 4 ? int.Parse(v.Period, System.Globalization.CultureInfo.InvariantCulture) <= year : string.CompareOrdinal(v.Period, quarter) <= 0)
                     .GroupBy(v => (v.Code, v.Area)))
        {
            var ordered = series.OrderBy(v => v.Period, StringComparer.Ordinal).ToList();
            var latest = ordered[^1];
            var previous = ordered.Count > 1 ? ordered[^2] : default;
            var higherIsBetter = latest.Polarity == "higher-is-better";
            var reasons = new List<string>();
            if (ordered.Count > 1 && (higherIsBetter ? latest.Value < previous.Value : latest.Value > previous.Value))
            {
                reasons.Add(FormattableString.Invariant($"Moving the wrong way: {previous.Value:0.##} in {previous.Period}, {latest.Value:0.##} in {latest.Period} ({latest.Polarity})."));
            }

            if (latest.Target is { } target && (higherIsBetter ? latest.Value < target : latest.Value > target))
            {
                reasons.Add(FormattableString.Invariant($"Missing its target of {target:0.##} ({latest.Polarity})."));
            }

            if (reasons.Count > 0)
            {
                result.Add(new OffTrackIndicator(
                    latest.Code, latest.Title, latest.Unit, latest.Polarity, latest.Area, latest.Name, latest.Period, latest.Value,
                    ordered.Count > 1 ? previous.Period : null, ordered.Count > 1 ? previous.Value : null, latest.Target, reasons, latest.Sample));
            }
        }

        return result;
    }
}
