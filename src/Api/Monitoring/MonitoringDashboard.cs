using DistrictMap.Api.Datasets;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Monitoring;

/// <summary>How many of a priority's actions were green, amber, red or unrated as of one quarter.</summary>
public sealed record RagCounts(string Quarter, int Green, int Amber, int Red, int None);

public sealed record PriorityTrend(string Priority, string Title, bool Sample, IReadOnlyList<RagCounts> Quarters);

/// <summary>One line of an indicator chart: the district, or a focus ward.</summary>
public sealed record AreaSeries(string Code, string Name, bool IsDistrict, IReadOnlyList<double?> Values);

/// <summary>An indicator over the periods up to the quarter: the district beside the focus wards, and the target.</summary>
public sealed record IndicatorTrend(IndicatorDto Indicator, IReadOnlyList<string> Periods, IReadOnlyList<AreaSeries> Areas, IReadOnlyList<double?> Targets, bool Sample);

/// <summary>An action red or overdue as of the quarter, and why.</summary>
public sealed record ActionAtRisk(MonitoredAction Action, bool Red, bool Overdue);

/// <summary>Everything the officer's dashboard and the quarterly report show for a district and quarter.</summary>
public sealed record Dashboard(
    string District,
    string DistrictName,
    string Quarter,
    IReadOnlyList<string> QuartersShown,
    IReadOnlyList<string> QuartersOffered,
    IReadOnlyList<PriorityTrend> Rag,
    IReadOnlyList<IndicatorTrend> Indicators,
    IReadOnlyList<ActionAtRisk> AtRisk,
    IReadOnlyList<MonitoredAction> ChaseList,
    GapReport Coverage,
    IReadOnlyList<AuditRow> Audit,
    IReadOnlyList<DatasetSource> Sources)
{
    /// <summary>Whether any sample content (actions, priorities, indicators) appears.</summary>
    public bool HasSample =>
        Rag.Any(p => p.Sample) || Indicators.Any(i => i.Sample) || AtRisk.Any(a => a.Action.Sample) || ChaseList.Any(a => a.Sample);
}

/// <summary>Builds the dashboard from the plan's own monitoring, focus-ward, indicator and audit reads.</summary>
public sealed class MonitoringDashboard(
    PlanMonitoring monitoring,
    PlanReads plan,
    ReleaseResolver releases,
    AuditTrail audit,
    ProvenanceStore provenance,
    [FromKeyedServices(ReadOnlyDatabase.Key)] DistrictMapDbContext db,
    IOptions<MonitoringOptions> options)
{
    public async Task<Dashboard> BuildAsync(MonitoringRequest request, CancellationToken cancellationToken)
    {
        var (district, quarter) = (request.District, request.Quarter);
        var o = options.Value;
        var shown = Back(quarter, o.QuartersShown).Reverse().ToList();
        var offered = Back(monitoring.CurrentQuarter, o.QuartersOffered).Append(quarter).Distinct().OrderDescending(StringComparer.Ordinal).ToList();

        var reports = new List<MonitoringReport>();
        foreach (var q in shown)
        {
            reports.Add(await monitoring.ReportAsync(q, district, cancellationToken));
        }

        var current = reports[^1];
        var priorities = await plan.PrioritiesAsync(cancellationToken);
        var rag = PlanVocabulary.Priorities.Select(code =>
        {
            var priority = priorities.FirstOrDefault(p => p.Code == code);
            return new PriorityTrend(code, priority?.Title ?? code, priority?.Sample ?? false, [.. reports.Select(r =>
            {
                var p = r.ByPriority.Single(x => x.Priority == code);
                return new RagCounts(r.Quarter, p.Green, p.Amber, p.Red, p.None);
            })]);
        }).ToList();

        var atRisk = current.AtRisk.Concat(current.Overdue).DistinctBy(a => a.Id)
            .Select(a => new ActionAtRisk(a, current.AtRisk.Any(r => r.Id == a.Id), current.Overdue.Any(r => r.Id == a.Id)))
            .OrderBy(a => a.Action.Priority, StringComparer.Ordinal).ThenBy(a => a.Action.Title, StringComparer.Ordinal).ToList();
        var chase = current.ByPriority.SelectMany(p => p.Actions).Where(a => a.Status != "complete" && a.ReportedQuarter != quarter).ToList();

        var coverage = await monitoring.GapsAsync(district, await releases.ResolveAsync(null, district, cancellationToken), cancellationToken);
        var name = await db.Districts.AsNoTracking().Where(d => d.Code == district).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? district;
        return new Dashboard(
            district, name, quarter, shown, offered, rag,
            await IndicatorsAsync(district, quarter, [.. coverage.Wards.Where(w => w.Focus).Select(w => w.Code)], cancellationToken),
            atRisk, chase, coverage,
            await audit.ForQuarterAsync(district, quarter, cancellationToken),
            await provenance.ForDistrictAsync(district, cancellationToken));
    }

    /// <summary>Each indicator measured in the district, over the periods up to the quarter.</summary>
    private async Task<List<IndicatorTrend>> IndicatorsAsync(string district, string quarter, IReadOnlyList<string> focusWards, CancellationToken cancellationToken)
    {
        var trends = new List<IndicatorTrend>();
        foreach (var indicator in await plan.IndicatorsAsync(cancellationToken))
        {
            var values = (await plan.ValuesAsync(indicator.Code, null, null, district, cancellationToken))
                .Where(v => UpTo(v.Period, quarter) && (v.Area == district || focusWards.Contains(v.Area)))
                .ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var periods = values.Select(v => v.Period).Distinct().Order(StringComparer.Ordinal).ToList();
            var areas = values.GroupBy(v => v.Area)
                .OrderBy(g => g.Key == district ? 0 : 1).ThenBy(g => g.First().AreaName, StringComparer.Ordinal)
                .Select(g => new AreaSeries(g.Key, g.First().AreaName ?? g.Key, g.Key == district,
                    [.. periods.Select(p => g.FirstOrDefault(v => v.Period == p)?.Value)]))
                .ToList();
            var targets = periods.Select(p =>
                values.FirstOrDefault(v => v.Period == p && v.Area == district && v.Target is not null)?.Target
                ?? values.FirstOrDefault(v => v.Period == p && v.Target is not null)?.Target).ToList();
            trends.Add(new IndicatorTrend(indicator, periods, areas, targets, indicator.Sample || values.Any(v => v.Sample)));
        }

        return trends;
    }

    /// <summary>Whether a period (a quarter, or a year) is no later than the quarter.</summary>
    private static bool UpTo(string period, string quarter) =>
        period.Length == 4 ? string.CompareOrdinal(period, quarter[..4]) <= 0 : string.CompareOrdinal(period, quarter) <= 0;

    /// <summary>The quarter and the ones before it, newest first.</summary>
    private static IEnumerable<string> Back(string quarter, int count)
    {
        for (var i = 0; i < count; i++, quarter = PlanVocabulary.Previous(quarter))
        {
            yield return quarter;
        }
    }
}
