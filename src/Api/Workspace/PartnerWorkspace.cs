using DistrictMap.Api.Access;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Plan;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Workspace;

/// <summary>One row of "My actions": an action its organisation leads, where it stands, and whether this quarter's update is owed.</summary>
public sealed record PartnerActionRow(
    int Id, string? Reference, string Title, string LeadPartner, string Status, string? Rag, DateOnly? Due,
    string? LastQuarter, DateTimeOffset? LastUpdateAt, bool DueThisQuarter);

/// <summary>
/// What the partner pages read: the actions a signed-in person's organisation leads (an admin who belongs to no
/// organisation sees every action), those owing this quarter's update first. Writes go through <see cref="PlanWriter"/>.
/// </summary>
public sealed class PartnerWorkspace(DistrictMapDbContext db, TimeProvider clock)
{
    /// <summary>Statuses whose actions owe a quarterly update.</summary>
    private static readonly string[] Reporting = ["planned", "in-progress", "paused"];

    public string CurrentQuarter => PlanVocabulary.QuarterOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public async Task<IReadOnlyList<PartnerActionRow>> MyActionsAsync(Actor actor, CancellationToken cancellationToken)
    {
        var quarter = CurrentQuarter;
        var actions = db.Actions.AsNoTracking();
        if (actor.PartnerId is { } partner)
        {
            actions = actions.Where(a => a.LeadPartnerId == partner);
        }
        else if (!actor.IsAdmin)
        {
            return [];
        }

        var rows = await actions
            .Select(a => new
            {
                a.Id,
                a.Reference,
                a.Title,
                Lead = a.LeadPartner!.Name,
                a.Status,
                a.Rag,
                a.Due,
                Last = a.Updates.OrderByDescending(u => u.Quarter).ThenByDescending(u => u.At).Select(u => new { u.Quarter, u.At }).FirstOrDefault(),
                Reported = a.Updates.Any(u => u.Quarter == quarter),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new PartnerActionRow(r.Id, r.Reference, r.Title, r.Lead, r.Status, r.Rag, r.Due, r.Last?.Quarter, r.Last?.At,
                !r.Reported && Reporting.Contains(r.Status)))
            .OrderByDescending(r => r.DueThisQuarter)
            .ThenBy(r => r.Due ?? DateOnly.MaxValue)
            .ThenBy(r => r.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>The wards an action of a district may target, by name.</summary>
    public async Task<IReadOnlyList<WardRef>> WardsAsync(string district, CancellationToken cancellationToken) =>
        await db.Wards.AsNoTracking().Where(w => w.DistrictCode == district).OrderBy(w => w.Name)
            .Select(w => new WardRef(w.Code, w.Name)).ToListAsync(cancellationToken);
}
