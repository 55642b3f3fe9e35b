using System.ComponentModel.DataAnnotations;
using DistrictMap.Api.Access;
using DistrictMap.Api.Accounts;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Pages.Account;

/// <summary>An admin invites a person: the account is made without a password, and a link to choose one is mailed.</summary>
public sealed class InviteModel(AccountInvitations invitations, DistrictMapDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Give the email address of the person invited.")]
    [EmailAddress(ErrorMessage = "Give an email address, such as name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Give the name of the person invited.")]
    [StringLength(200)]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Role { get; set; } = Roles.Partner;

    [BindProperty]
    [Display(Name = "Partner organisation")]
    public int? PartnerId { get; set; }

    public IReadOnlyList<SelectListItem> Partners { get; private set; } = [];

    public string? Invited { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await invitations.InviteAsync(Email, Name, Role, PartnerId, User.Identity?.Name ?? "admin", cancellationToken);
                Invited = Email.Trim();
                ModelState.Clear();
                (Email, Name, PartnerId) = ("", "", null);
            }
            catch (AccountException e)
            {
                ModelState.AddModelError("", e.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
}
