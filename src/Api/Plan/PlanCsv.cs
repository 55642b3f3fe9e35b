using System.Globalization;
using System.Text.Json;
using DistrictMap.Api.Http;
using DistrictMap.Api.Import;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Access;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace DistrictMap.Api.Plan;

/// <summary>What a whole-plan import did.</summary>
public sealed record PlanImportSummary(int Partners, int Indicators, int Actions, int Updates, int Values, int Removed)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"plan: {Partners} partners, {Indicators} indicators, {Actions} actions, {Updates} action updates, {Values} indicator values written; {Removed} actions removed");
}

/// <summary>
/// The whole plan as CSV files in a folder (the template in README.md): partners.csv, indicators.csv,
/// actions.csv, and optionally priorities.csv, action-updates.csv and indicator-values.csv.
/// Import is one transaction that reports every bad row of every file and writes nothing unless all are good;
/// actions are matched by their reference, so importing the same files again changes nothing.
/// </summary>
public sealed class PlanCsv(DistrictMapDbContext db, PlanWriter writer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static readonly IReadOnlyList<string> PartnerColumns = ["name", "sector", "website"];
    public static readonly IReadOnlyList<string> IndicatorColumns = ["code", "title", "unit", "polarity", "geography", "source", "licence"];
    public static readonly IReadOnlyList<string> ActionColumns =
        ["reference", "title", "description", "priority", "lead_partner", "supporting_partners", "status", "rag", "start", "due", "wards", "tags", "indicators", "lon", "lat", "location_wkt"];
    public static readonly IReadOnlyList<string> UpdateColumns = ["action_reference", "quarter", "rag", "commentary", "author"];
    public static readonly IReadOnlyList<string> ValueColumns = ["indicator", "area", "period", "value", "target", "note"];

    /// <param name="replace">Also remove the district's actions whose reference is not in actions.csv.</param>
    /// <param name="encoding">The files' encoding by name (see <see cref="CsvEncoding"/>); null to find it from each file.</param>
    public async Task<PlanImportSummary> ImportAsync(string folder, string district, bool sample, bool replace, CancellationToken cancellationToken, string? encoding = null)
    {
        csvEncoding = CsvEncoding.Parse(encoding, Path.GetFileName(folder));
        if (!Directory.Exists(folder))
        {
            throw new ImportException(Path.GetFileName(folder), null, $"folder not found ({folder})");
        }

        if (!await db.Districts.AnyAsync(d => d.Code == district, cancellationToken))
        {
            throw new ImportException(Path.GetFileName(folder), null, $"district {district} is not loaded: load its boundaries first");
        }

        var errors = new List<string>();
        var actor = new Actor("plan import", Roles.Admin, null);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        ImportPriorities(folder, errors);
        var partners = ImportPartners(folder, sample, errors);
        var indicators = ImportIndicators(folder, sample, errors);
        await db.SaveChangesAsync(cancellationToken);
        Fail(errors);

        var before = await SnapshotsAsync(district, cancellationToken);
        var references = await ImportActionsAsync(folder, district, sample, actor, errors, cancellationToken);
        Fail(errors);
        await db.SaveChangesAsync(cancellationToken);
        var updates = await ImportUpdatesAsync(folder, district, sample, errors, cancellationToken);
        // Counted once updates have set the RAGs, so that re-importing the same files counts nothing.
        var after = await SnapshotsAsync(district, cancellationToken);
        var actions = references.Count(r => !before.TryGetValue(r, out var old) || old != after.GetValueOrDefault(r));
        var values = await ImportValuesAsync(folder, sample, actor, errors, cancellationToken);
        Fail(errors);

        var removed = 0;
        if (replace)
        {
            var stale = await db.Actions.Where(a => a.DistrictCode == district && (a.Reference == null || !references.Contains(a.Reference))).ToListAsync(cancellationToken);
            db.Actions.RemoveRange(stale);
            removed = stale.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        var summary = new PlanImportSummary(partners, indicators, actions, updates, values, removed);
        if (partners + indicators + actions + updates + values + removed > 0)
        {
            await writer.AuditAsync(actor, "import", "plan", 0, null, new { folder = Path.GetFileName(Path.GetFullPath(folder)), district, sample, summary }, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    public async Task ExportAsync(string folder, string district, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, "partners.csv"), PartnerColumns, partners.Select(p => new object?[] { p.Name, p.Sector, p.Website }), cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Code).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, "indicators.csv"), IndicatorColumns, indicators.Select(i => new object?[] { i.Code, i.Title, i.Unit, i.Polarity, i.Geography, i.Source, i.Licence }), cancellationToken);
        var names = partners.ToDictionary(p => p.Id, p => p.Name);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Wards).Include(a => a.Supporters).Include(a => a.Indicators).Include(a => a.Updates)
            .Where(a => a.DistrictCode == district).OrderBy(a => a.Reference).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, "actions.csv"), ActionColumns, actions.Select(a => new object?[]
        {
            a.Reference ?? $"A{a.Id}", a.Title, a.Description, a.PriorityCode, names[a.LeadPartnerId],
            string.Join(';', a.Supporters.Select(s => names[s.PartnerId]).Order(StringComparer.Ordinal)), a.Status, a.Rag,
            a.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.DistrictWide ? "district-wide" : string.Join(';', a.Wards.Select(w => w.WardCode).Order(StringComparer.Ordinal)),
            string.Join(';', a.Tags), string.Join(';', a.Indicators.Select(i => i.IndicatorCode).Order(StringComparer.Ordinal)),
            null, null, a.Location?.AsText(),
        }), cancellationToken);
        await WriteAsync(Path.Combine(folder, "action-updates.csv"), UpdateColumns, actions.SelectMany(a => a.Updates.OrderBy(u => u.Quarter, StringComparer.Ordinal)
            .Select(u => new object?[] { a.Reference ?? $"A{a.Id}", u.Quarter, u.Rag, u.Commentary, u.Author })), cancellationToken);
        var values = await db.IndicatorValues.AsNoTracking().OrderBy(v => v.IndicatorCode).ThenBy(v => v.AreaCode).ThenBy(v => v.Period).ToListAsync(cancellationToken);
        await WriteAsync(Path.Combine(folder, "indicator-values.csv"), ValueColumns, values.Select(v => new object?[] { v.IndicatorCode, v.AreaCode, v.Period, v.Value, v.Target, v.Note }), cancellationToken);
    }

    private void ImportPriorities(string folder, List<string> errors)
    {
        foreach (var (row, get) in Rows(folder, "priorities.csv", ["code", "title", "description"], required: false, errors))
        {
            var code = get("code");
            var priority = db.Priorities.Local.FirstOrDefault(p => p.Code == code) ?? db.Priorities.Find(code);
            if (priority is null)
            {
                errors.Add($"priorities.csv {row}: '{FieldErrors.Shorten(code ?? "")}' is not one of the plan's priorities: {string.Join(", ", PlanVocabulary.Priorities)}");
                continue;
            }

            priority.Title = get("title") ?? priority.Title;
            priority.Description = get("description") ?? priority.Description;
            priority.Sample = false;
        }
    }

    private int ImportPartners(string folder, bool sample, List<string> errors)
    {
        var count = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, get) in Rows(folder, "partners.csv", PartnerColumns, required: true, errors))
        {
            var name = get("name");
            var sector = get("sector");
            if (name is null || name.Length > 200 || !seen.Add(name))
            {
                errors.Add($"partners.csv {row}: give each partner a name of its own, up to 200 characters");
                continue;
            }

            if (sector is null || !PlanVocabulary.Sectors.Contains(sector))
            {
                errors.Add($"partners.csv {row}: sector '{FieldErrors.Shorten(sector ?? "")}' is not one of {string.Join(", ", PlanVocabulary.Sectors)}");
                continue;
            }

            var partner = db.Partners.FirstOrDefault(p => p.Name == name) ?? db.Partners.Add(new Partner { Name = name, Sector = sector }).Entity;
            if (partner.Sector != sector || partner.Website != get("website") || partner.Sample != sample || db.Entry(partner).State == EntityState.Added)
            {
                count++;
            }

            (partner.Sector, partner.Website, partner.Sample) = (sector, get("website"), sample);
        }

        return count;
    }

    private int ImportIndicators(string folder, bool sample, List<string> errors)
    {
        var count = 0;
        foreach (var (row, get) in Rows(folder, "indicators.csv", IndicatorColumns, required: false, errors))
        {
            var (code, title, unit, polarity, geography) = (get("code"), get("title"), get("unit"), get("polarity"), get("geography"));
            var problems = new List<string>();
            if (code is null || code.Length > 50 || code.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
            {
                problems.Add("give a code of letters, digits, - and _ (up to 50)");
            }

            if (title is null || unit is null)
            {
                problems.Add("give a title and a unit");
            }

            if (polarity is null || !PlanVocabulary.Polarities.Contains(polarity))
            {
                problems.Add($"polarity must be {string.Join(" or ", PlanVocabulary.Polarities)}");
            }

            if (geography is null || !PlanVocabulary.Geographies.Contains(geography))
            {
                problems.Add($"geography must be {string.Join(" or ", PlanVocabulary.Geographies)}");
            }

            if (problems.Count > 0)
            {
                errors.Add($"indicators.csv {row}: {string.Join("; ", problems)}");
                continue;
            }

            var indicator = db.Indicators.Find(code) ?? db.Indicators.Add(new Indicator { Code = code!, Title = title!, Unit = unit!, Polarity = polarity!, Geography = geography! }).Entity;
            var changed = db.Entry(indicator).State == EntityState.Added
                || (indicator.Title, indicator.Unit, indicator.Polarity, indicator.Geography, indicator.Source, indicator.Licence, indicator.Sample)
                   != (title!, unit!, polarity!, geography!, get("source") ?? "", get("licence") ?? "", sample);
            (indicator.Title, indicator.Unit, indicator.Polarity, indicator.Geography) = (title!, unit!, polarity!, geography!);
            (indicator.Source, indicator.Licence, indicator.Sample) = (get("source") ?? "", get("licence") ?? "", sample);
            count += changed ? 1 : 0;
        }

        return count;
    }

    private async Task<Dictionary<string, string>> SnapshotsAsync(string district, CancellationToken cancellationToken)
    {
        var actions = await db.Actions.Include(a => a.Wards).Include(a => a.Supporters).Include(a => a.Indicators)
            .Where(a => a.DistrictCode == district && a.Reference != null).ToListAsync(cancellationToken);
        return actions.ToDictionary(a => a.Reference!, a => JsonSerializer.Serialize(PlanWriter.Snapshot(a)), StringComparer.Ordinal);
    }

    private async Task<HashSet<string>> ImportActionsAsync(string folder, string district, bool sample, Actor actor, List<string> errors, CancellationToken cancellationToken)
    {
        var partners = await db.Partners.ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, get) in Rows(folder, "actions.csv", ActionColumns, required: true, errors))
        {
            var reference = get("reference");
            if (reference is null || !references.Add(reference))
            {
                errors.Add($"actions.csv {row}: give each action a reference of its own (a stable id from the plan's spreadsheet)");
                continue;
            }

            var rowErrors = new List<string>();
            int? Partner(string name)
            {
                if (partners.TryGetValue(name, out var id))
                {
                    return id;
                }

                rowErrors.Add($"partner '{FieldErrors.Shorten(name)}' is not in partners.csv");
                return null;
            }

            var wards = Split(get("wards"));
            var input = new ActionInput(
                get("title"), get("description"), get("priority"),
                get("lead_partner") is { } lead ? Partner(lead) : null,
                [.. Split(get("supporting_partners")).Select(Partner).OfType<int>()],
                get("status"), get("rag"), Date(get("start"), "start", rowErrors), Date(get("due"), "due", rowErrors),
                wards.Contains("district-wide"), district, [.. wards.Where(w => w != "district-wide")], Split(get("tags")), Split(get("indicators")),
                Location(get("lon"), get("lat"), get("location_wkt"), rowErrors), reference);
            var existing = await db.Actions.Include(a => a.Wards).Include(a => a.Supporters).Include(a => a.Indicators)
                .FirstOrDefaultAsync(a => a.DistrictCode == district && a.Reference == reference, cancellationToken);
            try
            {
                var values = await writer.ValidateAsync(input, actor, existing, cancellationToken);
                if (rowErrors.Count > 0)
                {
                    errors.Add($"actions.csv {row}: {string.Join("; ", rowErrors)}");
                    continue;
                }

                var action = existing ?? db.Actions.Add(new PlanAction { DistrictCode = district, Title = values.Title, PriorityCode = values.Priority, Status = values.Status }).Entity;
                PlanWriter.Apply(action, values);
                action.Sample = sample;
            }
            catch (ValidationProblemException e)
            {
                errors.Add($"actions.csv {row}: {string.Join("; ", rowErrors.Concat(e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")))}");
            }
        }

        return references;
    }

    private async Task<int> ImportUpdatesAsync(string folder, string district, bool sample, List<string> errors, CancellationToken cancellationToken)
    {
        var rows = Rows(folder, "action-updates.csv", UpdateColumns, required: false, errors).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        var actions = await db.Actions.Include(a => a.Updates).Where(a => a.DistrictCode == district && a.Reference != null).ToDictionaryAsync(a => a.Reference!, cancellationToken);
        var parsed = new List<(PlanAction Action, ActionUpdate Update)>();
        foreach (var (row, get) in rows)
        {
            var (reference, quarter, rag) = (get("action_reference"), get("quarter"), get("rag"));
            if (reference is null || !actions.TryGetValue(reference, out var action))
            {
                errors.Add($"action-updates.csv {row}: action_reference '{FieldErrors.Shorten(reference ?? "")}' is not in actions.csv");
            }
            else if (!PlanVocabulary.IsQuarter(quarter) || rag is null || !PlanVocabulary.Rags.Contains(rag))
            {
                errors.Add($"action-updates.csv {row}: give a quarter such as 2025-Q2 and a RAG of {string.Join(", ", PlanVocabulary.Rags)}");
            }
            else
            {
                parsed.Add((action, new ActionUpdate
                {
                    ActionId = action.Id,
                    Quarter = quarter!,
                    Rag = rag,
                    Commentary = get("commentary") ?? "",
                    Author = get("author") ?? "plan import",
                    At = clock.GetUtcNow(),
                    Sample = sample,
                }));
            }
        }

        // The file's updates replace those of the actions it names; unchanged ones stay as they were.
        var count = 0;
        foreach (var group in parsed.GroupBy(p => p.Action))
        {
            var action = group.Key;
            var wanted = group.Select(g => g.Update).ToList();
            foreach (var stale in action.Updates.Where(u => !wanted.Any(w => Same(u, w))).ToList())
            {
                db.ActionUpdates.Remove(stale);
                count++;
            }

            foreach (var update in wanted.Where(w => !action.Updates.Any(u => Same(u, w))))
            {
                db.ActionUpdates.Add(update);
                count++;
            }

            action.Rag = wanted.OrderBy(u => u.Quarter, StringComparer.Ordinal).Last().Rag;
        }

        return count;

        static bool Same(ActionUpdate a, ActionUpdate b) => a.Quarter == b.Quarter && a.Rag == b.Rag && a.Commentary == b.Commentary && a.Author == b.Author;
    }

    private async Task<int> ImportValuesAsync(string folder, bool sample, Actor actor, List<string> errors, CancellationToken cancellationToken)
    {
        var rows = Rows(folder, "indicator-values.csv", ValueColumns, required: false, errors).ToList();
        var count = 0;
        foreach (var group in rows.GroupBy(r => r.Get("indicator") ?? ""))
        {
            var inputs = group.Select(r => ($"indicator-values.csv {r.Row}", new IndicatorValueInput(
                r.Get("area"), r.Get("period"), Number(r.Get("value")), r.Get("target") is { } t ? Number(t) : null, r.Get("note")))).ToList();
            try
            {
                count += await writer.SetIndicatorValuesAsync(group.Key, inputs, actor, sample, cancellationToken, audit: false);
            }
            catch (ValidationProblemException e)
            {
                errors.AddRange(e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
            }
            catch (ResourceNotFoundException e)
            {
                errors.Add($"indicator-values.csv {group.First().Row}: {e.Message} It must be in indicators.csv.");
            }
        }

        return count;
    }

    /// <summary>The rows of one file, with a getter by column name; a missing required column is one error.</summary>
    private System.Text.Encoding? csvEncoding;

    private IEnumerable<(string Row, Func<string, string?> Get)> Rows(string folder, string file, IReadOnlyList<string> columns, bool required, List<string> errors)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            if (required)
            {
                errors.Add($"{file}: not found in the folder");
            }

            yield break;
        }

        using var csv = CsvSource.Open(path, csvEncoding);
        var index = columns.ToDictionary(c => c, c => csv.Find(c), StringComparer.Ordinal);
        var missing = columns.Where(c => index[c] is null).ToList();
        if (missing.Count == columns.Count || (file != "priorities.csv" && index[columns[0]] is null))
        {
            errors.Add($"{file}: the header must name the columns {string.Join(", ", columns)}");
            yield break;
        }

        while (csv.Read())
        {
            var values = columns.ToDictionary(c => c, c => csv.Get(index[c]), StringComparer.Ordinal);
            yield return ($"row {csv.RowNumber}", name => values.TryGetValue(name, out var value) ? value : null);
        }
    }

    private static List<string> Split(string? value) =>
        value is null ? [] : [.. value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static DateOnly? Date(string? value, string column, List<string> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{column} '{FieldErrors.Shorten(value)}' must be a date such as 2025-03-31");
        return null;
    }

    private static JsonElement? Location(string? lon, string? lat, string? wkt, List<string> errors)
    {
        try
        {
            if (wkt is not null)
            {
                return JsonSerializer.SerializeToElement(new WKTReader().Read(wkt), GeoJson);
            }

            if (lon is not null || lat is not null)
            {
                if (!double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
                {
                    errors.Add("lon and lat must both be numbers");
                    return null;
                }

                return JsonSerializer.SerializeToElement(new { type = "Point", coordinates = new[] { x, y } });
            }
        }
        catch (ParseException e)
        {
            errors.Add($"location_wkt is not WKT ({e.Message.Split('\n')[0]})");
        }

        return null;
    }

    private static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static void Fail(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new PlanImportException(errors);
        }
    }

    private static async Task WriteAsync(string path, IReadOnlyList<string> header, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await CsvText.WriteAsync(stream, header, rows, cancellationToken);
    }
}

/// <summary>A plan import found bad rows and wrote nothing; the message lists every one.</summary>
public sealed class PlanImportException(IReadOnlyList<string> errors)
    : Exception($"{errors.Count} problem(s), nothing was written: {string.Join(" | ", errors.Take(50))}{(errors.Count > 50 ? " | ..." : "")}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
