using System.ComponentModel.DataAnnotations;
using DistrictMap.Api.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Account;

public sealed class ForgotPasswordModel(AccountInvitations invitations) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Give your email address.")]
    [EmailAddress(ErrorMessage = "Give an email address, such as name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await invitations.RequestResetAsync(Email, cancellationToken);
        Sent = true;
        return Page();
    }
}
