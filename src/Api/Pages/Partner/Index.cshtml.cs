using DistrictMap.Api.Access;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Partner;

/// <summary>
/// "My actions": the actions the signed-in partner's organisation leads, those owing this quarter's update first,
/// each with a form to post that update (open it, then press the RAG: two clicks).
/// </summary>
public sealed class IndexModel(PartnerWorkspace workspace, PlanWriter writer) : PageModel
{
    public IReadOnlyList<PartnerActionRow> Actions { get; private set; } = [];

    public string Quarter => workspace.CurrentQuarter;

    public string DisplayName => User.FindFirst(Accounts.AccountClaims.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "";

    /// <summary>What the last post did, to say so at the top of the list.</summary>
    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Actions = await workspace.MyActionsAsync(Actor.From(User), cancellationToken);

    /// <summary>Posts this quarter's update of one action, through the plan's writer (ownership, validation, audit).</summary>
    public async Task<IActionResult> OnPostUpdateAsync(int id, string? rag, string? commentary, CancellationToken cancellationToken)
    {
        try
        {
            await writer.AddUpdateAsync(id, new ActionUpdateInput(Quarter, rag, commentary), Actor.From(User), cancellationToken);
            Message = $"Posted the {Quarter} update ({rag}) of action {id}.";
            return RedirectToPage();
        }
        catch (PlanForbiddenException e)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            Problem = e.Message;
        }
        catch (ResourceNotFoundException e)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Problem = e.Message;
        }
        catch (ValidationProblemException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Problem = string.Join(" ", e.Errors.SelectMany(x => x.Value));
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
