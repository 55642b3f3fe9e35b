using System.Globalization;
using System.Text.Json;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Http;
using DistrictMap.Api.Import.Features;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Access;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DistrictMap.Api.Plan;

/// <summary>
/// Every change to the plan: validated, allowed only to the action's lead partner (or an admin),
/// checked against the ETag the writer last saw, audited, and moving the data version on, in one transaction.
/// </summary>
public sealed class PlanWriter(DistrictMapDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web);

    public async Task<int> CreateActionAsync(ActionInput input, Actor actor, CancellationToken cancellationToken)
    {
        var values = await ValidateAsync(input, actor, null, cancellationToken);
        var action = new PlanAction { DistrictCode = values.District, Title = values.Title, PriorityCode = values.Priority, Status = values.Status };
        Apply(action, values);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Actions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, "create", "action", action.Id, null, Snapshot(action), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return action.Id;
    }

    public async Task ReplaceActionAsync(int id, ActionInput input, string? ifMatch, Actor actor, CancellationToken cancellationToken)
    {
        var action = await LoadAsync(id, cancellationToken);
        var expected = CheckPrecondition(action, ifMatch);
        if (!actor.MayChange(action.LeadPartnerId))
        {
            throw new PlanForbiddenException($"Action {id} is led by another organisation: a partner key may change only the actions its organisation leads.");
        }

        var values = await ValidateAsync(input, actor, action, cancellationToken);
        var before = Snapshot(action);
        Apply(action, values);
        await SaveGuardedAsync(action, expected, actor, "update", before, cancellationToken);
    }

    public async Task DeleteActionAsync(int id, string? ifMatch, Actor actor, CancellationToken cancellationToken)
    {
        var action = await LoadAsync(id, cancellationToken);
        var expected = CheckPrecondition(action, ifMatch);
        if (!actor.MayChange(action.LeadPartnerId))
        {
            throw new PlanForbiddenException($"Action {id} is led by another organisation: a partner key may delete only the actions its organisation leads.");
        }

        var before = Snapshot(action);
        db.Actions.Remove(action);
        await SaveGuardedAsync(action, expected, actor, "delete", before, cancellationToken);
    }

    /// <summary>Records a quarterly update; the action's RAG follows its latest quarter.</summary>
    public async Task<int> AddUpdateAsync(int actionId, ActionUpdateInput input, Actor actor, CancellationToken cancellationToken)
    {
        var action = await LoadAsync(actionId, cancellationToken);
        if (!actor.MayChange(action.LeadPartnerId))
        {
            throw new PlanForbiddenException($"Action {actionId} is led by another organisation: only its lead partner (or an admin) reports on it.");
        }

        var errors = new FieldErrors();
        if (!PlanVocabulary.IsQuarter(input.Quarter))
        {
            errors.Add("quarter", "Give the quarter reported on, such as 2025-Q2.");
        }

        if (input.Rag is null || !PlanVocabulary.Rags.Contains(input.Rag))
        {
            errors.Add("rag", $"Give a RAG status: {string.Join(", ", PlanVocabulary.Rags)}.");
        }

        if ((input.Commentary?.Length ?? 0) > 4000)
        {
            errors.Add("commentary", "Keep the commentary to 4,000 characters.");
        }

        errors.ThrowIfAny();
        var update = new ActionUpdate
        {
            ActionId = actionId,
            Quarter = input.Quarter!,
            Rag = input.Rag!,
            Commentary = input.Commentary ?? "",
            Author = actor.Name,
            At = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ActionUpdates.Add(update);
        var latest = action.Updates.Select(u => u.Quarter).DefaultIfEmpty("").Max(StringComparer.Ordinal)!;
        if (string.CompareOrdinal(update.Quarter, latest) >= 0)
        {
            action.Rag = update.Rag;
        }

        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(actor, "create", "action-update", update.Id, null, Snapshot(update), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return update.Id;
    }

    /// <summary>
    /// Sets one indicator's values, all or nothing, in one batch (see <see cref="IndicatorValueWriter"/>).
    /// </summary>
    public async Task<int> SetIndicatorValuesAsync(string code, IReadOnlyList<(string Row, IndicatorValueInput Value)> rows, Actor actor, bool sample, CancellationToken cancellationToken, bool audit = true)
    {
        if (!await db.Indicators.AnyAsync(i => i.Code == code, cancellationToken))
        {
            throw new ResourceNotFoundException($"There is no indicator {code}.");
        }

        return await new IndicatorValueWriter(db, clock).WriteAsync([.. rows.Select(r => new IndicatorValueRow(r.Row, code, r.Value))], actor, sample, audit, cancellationToken);
    }

    internal sealed record Validated(
        string District,
        string Title,
        string Description,
        string Priority,
        int LeadPartnerId,
        IReadOnlyList<int> Supporters,
        string Status,
        string? Rag,
        DateOnly? Start,
        DateOnly? Due,
        bool DistrictWide,
        IReadOnlyList<string> Wards,
        IReadOnlyList<string> Tags,
        IReadOnlyList<string> Indicators,
        Geometry? Location,
        string? Reference);

    internal async Task<Validated> ValidateAsync(ActionInput input, Actor actor, PlanAction? existing, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors.Add("title", "Give a title of 1 to 200 characters.");
        }

        if ((input.Description?.Length ?? 0) > 4000)
        {
            errors.Add("description", "Keep the description to 4,000 characters.");
        }

        if (input.Priority is null || !PlanVocabulary.Priorities.Contains(input.Priority))
        {
            errors.Add("priority", $"Give one of the plan's priorities: {string.Join(", ", PlanVocabulary.Priorities)}.");
        }

        var status = input.Status ?? "planned";
        if (!PlanVocabulary.Statuses.Contains(status))
        {
            errors.Add("status", $"Give one of: {string.Join(", ", PlanVocabulary.Statuses)}.");
        }

        if (input.Rag is not null && !PlanVocabulary.Rags.Contains(input.Rag))
        {
            errors.Add("rag", $"Give one of: {string.Join(", ", PlanVocabulary.Rags)}, or leave it out.");
        }

        if (input.Start is { } start && input.Due is { } due && start > due)
        {
            errors.Add("due", "The due date is before the start date.");
        }

        var lead = input.LeadPartnerId ?? actor.PartnerId;
        if (lead is null)
        {
            errors.Add("leadPartnerId", "Give the id of the lead partner (see /api/partners).");
        }
        else if (!actor.IsAdmin && lead != actor.PartnerId)
        {
            throw new PlanForbiddenException("A partner key may create and keep only actions its own organisation leads.");
        }

        var partnerIds = (input.SupportingPartnerIds ?? []).Append(lead ?? 0).Distinct().ToList();
        var partners = await db.Partners.Where(p => partnerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in partnerIds.Where(id => id != 0 && !partners.Contains(id)))
        {
            errors.Add(id == lead ? "leadPartnerId" : "supportingPartnerIds", $"There is no partner {id} (see /api/partners).");
        }

        var wardCodes = (input.Wards ?? []).Select(w => w.Trim().ToUpperInvariant()).Distinct().ToList();
        var wards = await db.Wards.Where(w => wardCodes.Contains(w.Code)).Select(w => new { w.Code, w.DistrictCode }).ToListAsync(cancellationToken);
        foreach (var code in wardCodes.Where(c => wards.All(w => w.Code != c)))
        {
            errors.Add("wards", $"There is no ward {FieldErrors.Shorten(code)} loaded.");
        }

        var district = input.District?.Trim().ToUpperInvariant() ?? existing?.DistrictCode ?? wards.Select(w => w.DistrictCode).Distinct().SingleOrDefault();
        if (district is null || !await db.Districts.AnyAsync(d => d.Code == district, cancellationToken))
        {
            errors.Add("district", "Give the LAD code of a loaded district (or target wards, which name it).");
        }
        else if (wards.Any(w => w.DistrictCode != district))
        {
            errors.Add("wards", $"Every target ward must be in district {district}.");
        }

        var districtWide = input.DistrictWide ?? false;
        if (!districtWide && wardCodes.Count == 0)
        {
            errors.Add("wards", "Give the target wards, or set districtWide to true.");
        }

        var tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > 20 || tags.Any(t => t.Length > 50))
        {
            errors.Add("tags", "Give at most 20 tags of up to 50 characters.");
        }

        var indicatorCodes = (input.Indicators ?? []).Distinct().ToList();
        var indicators = await db.Indicators.Where(i => indicatorCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken);
        foreach (var code in indicatorCodes.Where(c => !indicators.Contains(c)))
        {
            errors.Add("indicators", $"There is no indicator {FieldErrors.Shorten(code)} (see /api/indicators).");
        }

        var location = ReadLocation(input.Location, errors);
        if ((input.Reference?.Length ?? 0) > 100)
        {
            errors.Add("reference", "Keep the reference to 100 characters.");
        }

        errors.ThrowIfAny();
        return new Validated(
            district!, title!, input.Description ?? "", input.Priority!, lead!.Value, [.. partnerIds.Where(id => id != lead && id != 0)],
            status, input.Rag, input.Start, input.Due, districtWide, wardCodes, tags, indicatorCodes, location, input.Reference ?? existing?.Reference);
    }

    private static Geometry? ReadLocation(JsonElement? element, FieldErrors errors)
    {
        if (element is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            var geometry = json.Deserialize<Geometry>(GeoJson);
            if (geometry is not (Point or LineString or Polygon or MultiPoint or MultiLineString or MultiPolygon) || geometry.IsEmpty)
            {
                errors.Add("location", "Give a GeoJSON Point, LineString or Polygon (or their Multi forms).");
                return null;
            }

            if (CoordinateCheck.Problem(geometry, CrsNames.Wgs84) is { } problem)
            {
                errors.Add("location", problem);
                return null;
            }

            if (!geometry.IsValid)
            {
                errors.Add("location", "The geometry is not valid (a ring crosses itself or is not closed).");
                return null;
            }

            geometry.SRID = CrsNames.Wgs84;
            return geometry;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            errors.Add("location", $"Not a GeoJSON geometry ({e.Message.Split('\n')[0]}).");
            return null;
        }
    }

    internal static void Apply(PlanAction action, Validated values)
    {
        action.DistrictCode = values.District;
        action.Title = values.Title;
        action.Description = values.Description;
        action.PriorityCode = values.Priority;
        action.LeadPartnerId = values.LeadPartnerId;
        action.Status = values.Status;
        action.Rag = values.Rag;
        action.Start = values.Start;
        action.Due = values.Due;
        action.DistrictWide = values.DistrictWide;
        action.Location = values.Location;
        action.Tags = [.. values.Tags];
        action.Reference = values.Reference;
        action.Wards.RemoveAll(w => !values.Wards.Contains(w.WardCode));
        action.Wards.AddRange(values.Wards.Where(c => action.Wards.All(w => w.WardCode != c)).Select(c => new ActionWard { WardCode = c }));
        action.Supporters.RemoveAll(s => !values.Supporters.Contains(s.PartnerId));
        action.Supporters.AddRange(values.Supporters.Where(p => action.Supporters.All(s => s.PartnerId != p)).Select(p => new ActionSupporter { PartnerId = p }));
        action.Indicators.RemoveAll(i => !values.Indicators.Contains(i.IndicatorCode));
        action.Indicators.AddRange(values.Indicators.Where(c => action.Indicators.All(i => i.IndicatorCode != c)).Select(c => new ActionIndicator { IndicatorCode = c }));
    }

    private async Task<PlanAction> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Actions.Include(a => a.Wards).Include(a => a.Supporters).Include(a => a.Indicators).Include(a => a.Updates)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new ResourceNotFoundException($"There is no action {id}.");

    /// <summary>The version the writer last saw, from If-Match; throws 428 without it and 412 when it is stale.</summary>
    private static uint CheckPrecondition(PlanAction action, string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException($"Send If-Match with the action's ETag (from GET /api/actions/{action.Id}), so that a change made meanwhile is not overwritten.");
        }

        if (ifMatch.Trim() == "*")
        {
            return action.Version;
        }

        var current = ActionQueries.ETagOf(action.Id, action.Version);
        if (!ifMatch.Split(',').Select(t => t.Trim()).Contains(current))
        {
            throw new PreconditionFailedException($"Action {action.Id} has changed since that ETag was issued: get it again, reapply the change and send the new ETag.");
        }

        return action.Version;
    }

    /// <summary>Saves with the version seen in If-Match as the concurrency token, so a write racing ours also gets 412.</summary>
    private async Task SaveGuardedAsync(PlanAction action, uint expected, Actor actor, string operation, object before, CancellationToken cancellationToken)
    {
        db.Entry(action).Property(a => a.Version).OriginalValue = expected;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PreconditionFailedException($"Action {action.Id} was changed by someone else at the same moment: get it again and reapply the change.");
        }

        await AuditAsync(actor, operation, "action", action.Id, before, operation == "delete" ? null : Snapshot(action), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal async Task AuditAsync(Actor actor, string operation, string entity, int id, object? before, object? after, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(AuditRow(clock.GetUtcNow(), actor, operation, entity, id, before, after));
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            DataVersionSource.BumpSql,
            cancellationToken);
    }

    /// <summary>One audit row of a plan write: who, what, and the record before and after as JSON.</summary>
    internal static AuditEntry AuditRow(DateTimeOffset at, Actor actor, string operation, string entity, int id, object? before, object? after) => new()
    {
        At = at,
        Actor = $"{actor.Name} ({actor.Role})",
        Operation = operation,
        Entity = entity,
        EntityId = id.ToString(CultureInfo.InvariantCulture),
        Before = before is null ? null : JsonSerializer.Serialize(before, AuditJson),
        After = after is null ? null : JsonSerializer.Serialize(after, AuditJson),
    };

    private static object Snapshot(ActionUpdate update) =>
        new { update.Id, update.ActionId, update.Quarter, update.Rag, update.Commentary, update.Author, update.At };

    internal static object Snapshot(IndicatorValue value) =>
        new { value.Id, Indicator = value.IndicatorCode, Area = value.AreaCode, value.Period, value.Value, value.Target, value.Note };

    internal static object Snapshot(PlanAction action) => new
    {
        action.Id,
        action.Reference,
        District = action.DistrictCode,
        action.Title,
        action.Description,
        Priority = action.PriorityCode,
        action.LeadPartnerId,
        SupportingPartnerIds = action.Supporters.Select(s => s.PartnerId).Order().ToList(),
        action.Status,
        action.Rag,
        action.Start,
        action.Due,
        action.DistrictWide,
        Wards = action.Wards.Select(w => w.WardCode).Order(StringComparer.Ordinal).ToList(),
        action.Tags,
        Indicators = action.Indicators.Select(i => i.IndicatorCode).Order(StringComparer.Ordinal).ToList(),
        action.Sample,
        Location = action.Location?.AsText(),
    };
}
