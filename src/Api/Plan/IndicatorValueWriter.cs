using DistrictMap.Api.Access;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Http;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Plan;

/// <summary>One indicator value to write: where it came from (such as "row 3"), the indicator's code and the value.</summary>
public sealed record IndicatorValueRow(string Row, string? Indicator, IndicatorValueInput Value);

/// <summary>
/// The one rule set and the one write path of indicator values, for the API, the plan import and the partners' upload:
/// every bad row is reported and nothing is written unless all are good; values are matched on indicator, area and
/// period and written in one batch, with one audit row per value written and the data version moved on once.
/// </summary>
public sealed class IndicatorValueWriter(DistrictMapDbContext db, TimeProvider clock)
{
    /// <returns>How many values were created or changed (a row equal to the value held writes nothing).</returns>
    public async Task<int> WriteAsync(IReadOnlyList<IndicatorValueRow> rows, Actor actor, bool sample, bool audit, CancellationToken cancellationToken)
    {
        await ValidateAsync(rows, cancellationToken);
        var codes = rows.Select(r => r.Indicator!).Distinct().ToList();
        var areas = rows.Select(r => Area(r.Value)!).Distinct().ToList();
        var held = await db.IndicatorValues.Where(v => codes.Contains(v.IndicatorCode) && areas.Contains(v.AreaCode)).ToListAsync(cancellationToken);
        var byKey = held.ToDictionary(v => (v.IndicatorCode, v.AreaCode, v.Period));
        var written = new List<(IndicatorValue Value, object? Before)>();
        foreach (var (_, code, input) in rows)
        {
            var key = (code!, Area(input)!, input.Period!);
            var existing = byKey.GetValueOrDefault(key);
            if (existing is not null && existing.Value == input.Value && existing.Target == input.Target && existing.Note == input.Note)
            {
                continue;
            }

            var before = existing is null ? null : PlanWriter.Snapshot(existing);
            existing ??= db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = key.Item1, AreaCode = key.Item2, Period = key.Item3 }).Entity;
            existing.Value = input.Value!.Value;
            existing.Target = input.Target;
            existing.Note = input.Note;
            existing.Sample = sample;
            written.Add((existing, before));
        }

        if (written.Count == 0)
        {
            return 0;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        if (audit)
        {
            var at = clock.GetUtcNow();
            db.AuditLog.AddRange(written.Select(w => PlanWriter.AuditRow(at, actor, w.Before is null ? "create" : "update", "indicator-value", w.Value.Id, w.Before, PlanWriter.Snapshot(w.Value))));
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(DataVersionSource.BumpSql, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written.Count;
    }

    /// <summary>Checks every row and throws one <see cref="ValidationProblemException"/> naming each bad row, keyed by row.</summary>
    public async Task ValidateAsync(IReadOnlyList<IndicatorValueRow> rows, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Geography, StringComparer.Ordinal, cancellationToken);
        var wards = indicators.ContainsValue("ward") ? await db.Wards.Select(w => w.Code).ToListAsync(cancellationToken) : [];
        var districts = new HashSet<string>(await db.Districts.Select(d => d.Code).ToListAsync(cancellationToken), StringComparer.Ordinal);
        var wardsAndDistricts = new HashSet<string>(wards.Concat(districts), StringComparer.Ordinal);
        var errors = new FieldErrors();
        var seen = new HashSet<(string?, string, string)>();
        foreach (var (row, code, value) in rows)
        {
            var geography = code is null ? null : indicators.GetValueOrDefault(code);
            if (geography is null)
            {
                errors.Add(row, $"indicator '{FieldErrors.Shorten(code ?? "")}' is not one of the plan's indicators (see /api/indicators).");
            }

            var area = Area(value);
            if (area is null || !(geography == "ward" ? wardsAndDistricts : districts).Contains(area))
            {
                errors.Add(row, $"area '{FieldErrors.Shorten(value.Area ?? "")}' is not a loaded {(geography == "ward" ? "ward or district" : "district")} code.");
            }

            if (!PlanVocabulary.IsPeriod(value.Period))
            {
                errors.Add(row, $"period '{FieldErrors.Shorten(value.Period ?? "")}' must be a quarter such as 2025-Q2 or a year such as 2025.");
            }

            if (value.Value is not { } number || !double.IsFinite(number))
            {
                errors.Add(row, "value must be a number.");
            }

            if (value.Target is { } target && !double.IsFinite(target))
            {
                errors.Add(row, "target must be a number.");
            }

            if ((value.Note?.Length ?? 0) > 1000)
            {
                errors.Add(row, "note must be 1,000 characters or fewer.");
            }

            if (area is not null && value.Period is not null && !seen.Add((code, area, value.Period)))
            {
                errors.Add(row, $"{(code is null ? "" : code + " ")}{area} {value.Period} is given twice.");
            }
        }

        errors.ThrowIfAny();
    }

    private static string? Area(IndicatorValueInput value) => value.Area?.Trim().ToUpperInvariant();
}
