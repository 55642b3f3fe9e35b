using DistrictMap.Api.Access;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Partner;

/// <summary>
/// Edits an action through the plan's writer, with the version the partner opened as If-Match. When someone else
/// saved in between, the write is refused (412) and the page shows both versions: the partner keeps theirs (saved
/// over the new version, knowingly) or takes the current one. Nothing is ever overwritten silently.
/// </summary>
public sealed class EditModel(ActionQueries queries, PlanWriter writer, PartnerWorkspace workspace) : PageModel
{
    [BindProperty]
    public ActionForm Form { get; set; } = new();

    /// <summary>The ETag of the version the form was filled from.</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    public ActionDto? Action { get; private set; }

    public IReadOnlyList<WardRef> Wards { get; private set; } = [];

    /// <summary>Set when the save was refused because the action changed meanwhile: the version saved since.</summary>
    public ActionForm? Current { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = ActionForm.From(Action!);
        Version = Action!.ETag;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await writer.ReplaceActionAsync(id, Form.ToInput(Action!), Version, Actor.From(User), cancellationToken);
            TempData[nameof(IndexModel.Message)] = $"Saved action {id}, {Form.Title}.";
            return RedirectToPage("Index");
        }
        catch (PreconditionFailedException)
        {
            // Reload what was saved meanwhile; the form keeps the partner's own values, now against the new version.
            await LoadAsync(id, cancellationToken);
            Current = ActionForm.From(Action!);
            Version = Action!.ETag;
            ModelState.Remove(nameof(Version));
            return Status(StatusCodes.Status409Conflict);
        }
        catch (ValidationProblemException e)
        {
            FormProblems.AddTo(ModelState, nameof(Form), e);
            return Status(StatusCodes.Status400BadRequest);
        }
        catch (PlanForbiddenException e)
        {
            return Refuse(StatusCodes.Status403Forbidden, e.Message);
        }
    }

    /// <returns>A refusal when the action does not exist or is another organisation's; null when the partner may edit it.</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var action = await PlanEndpoints.ActionAsync(queries, id, cancellationToken);
        if (action is null)
        {
            return Refuse(StatusCodes.Status404NotFound, $"There is no action {id}.");
        }

        if (!Actor.From(User).MayChange(action.LeadPartner.Id))
        {
            return Refuse(StatusCodes.Status403Forbidden, $"Action {id} is led by {action.LeadPartner.Name}: only its own partner (or an admin) may change it.");
        }

        Action = action;
        Wards = await workspace.WardsAsync(action.District, cancellationToken);
        return null;
    }

    private PageResult Status(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private PageResult Refuse(int status, string problem)
    {
        Problem = problem;
        return Status(status);
    }
}
