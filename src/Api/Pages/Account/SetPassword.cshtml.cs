using System.ComponentModel.DataAnnotations;
using DistrictMap.Api.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Account;

/// <summary>Where the links in invitations and reset mails lead: choose a password with the one-time token.</summary>
public sealed class SetPasswordModel(AccountInvitations invitations) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")]
    public int AccountId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Choose a password of at least 12 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string Confirm { get; set; } = "";

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await invitations.SetPasswordAsync(AccountId, Token, Password, cancellationToken);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == "InvalidToken" ? "" : nameof(Password),
                error.Code == "InvalidToken" ? "This link is no longer valid (it works once): ask for a new one." : error.Description);
        }

        Done = result.Succeeded;
        return Page();
    }
}
