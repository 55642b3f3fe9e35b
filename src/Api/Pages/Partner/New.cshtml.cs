using DistrictMap.Api.Access;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;
using DistrictMap.Api.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Partner;

/// <summary>
/// A new action, made through the plan's writer as <c>POST /api/actions</c> makes it: the same validation (its field
/// errors shown beside the fields), the signed-in partner's organisation as the lead, and an audit row. Target wards
/// are picked on a map or from the list beside it; a location may be drawn on the map.
/// </summary>
public sealed class NewModel(PlanWriter writer, PartnerWorkspace workspace, PlanReads plan, WardQueries wardQueries) : PageModel
{
    /// <summary>The API's names of the fields this form shows, whose errors are shown beside them.</summary>
    private static readonly HashSet<string> Shown =
        new(["title", "description", "priority", "status", "start", "due", "wards", "tags", "location", "leadPartnerId"], StringComparer.Ordinal);

    [BindProperty]
    public NewActionForm Form { get; set; } = new();

    public IReadOnlyList<WardRef> Wards { get; private set; } = [];

    public IReadOnlyList<string> Districts { get; private set; } = [];

    /// <summary>The partners an admin chooses the lead from; empty for a partner, whose own organisation leads.</summary>
    public IReadOnlyList<PartnerDto> Partners { get; private set; } = [];

    /// <summary>The writer's summary of what it refused (the problem details' detail), when it refused.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? district, CancellationToken cancellationToken)
    {
        await LoadAsync(district, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.From(User);
        // The plan's writer holds the one set of rules, shared with the REST API: binding's own checks would be a second.
        ModelState.Clear();
        try
        {
            var id = await writer.CreateActionAsync(Form.ToInput(actor.IsAdmin ? Form.LeadPartnerId : null), actor, cancellationToken);
            TempData[nameof(IndexModel.Message)] = $"Created action {id}, {Form.Title.Trim()}.";
            return RedirectToPage("Index");
        }
        catch (ValidationProblemException e)
        {
            Problem = e.Message;
            FormProblems.AddTo(ModelState, nameof(Form), e, Shown);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (PlanForbiddenException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        await LoadAsync(Form.District, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? district, CancellationToken cancellationToken)
    {
        Districts = await wardQueries.DistrictsWithWardsAsync(cancellationToken);
        var chosen = Districts.FirstOrDefault(d => string.Equals(d, district?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? (Districts.Count > 0 ? Districts[0] : "");
        Form.District = chosen;
        Wards = chosen.Length == 0 ? [] : await workspace.WardsAsync(chosen, cancellationToken);
        if (Actor.From(User).IsAdmin)
        {
            Partners = await plan.PartnersAsync(cancellationToken);
        }
    }
}
