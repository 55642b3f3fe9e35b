using System.ComponentModel.DataAnnotations;
using DistrictMap.Api.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Pages.Account;

public sealed class SignInModel(AccountSignIn signIn, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Give your email address.")]
    [EmailAddress(ErrorMessage = "Give an email address, such as name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Give your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public OpenIdConnectSettings OpenIdConnect => options.Value.OpenIdConnect;

    public async Task OnGetAsync()
    {
        // A half-finished sign-in through the identity provider starts again from nothing.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await signIn.PasswordAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken))
        {
            case AccountSignIn.Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/partner");
            case AccountSignIn.Outcome.LockedOut:
                Problem = $"This account is locked after too many failed sign-ins. Try again in {options.Value.LockoutMinutes} minutes, or reset your password.";
                break;
            default:
                Problem = $"That email and password do not match an account. After {options.Value.MaxFailedSignIns} failures in a row the account is locked for {options.Value.LockoutMinutes} minutes.";
                break;
        }

        return Page();
    }

    /// <summary>Sends the browser to the configured identity provider.</summary>
    public IActionResult OnPostExternal()
    {
        if (!OpenIdConnect.IsConfigured)
        {
            return NotFound();
        }

        var properties = new AuthenticationProperties
        {
            RedirectUri = Url.Page("/Account/External", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/partner" }),
        };
        properties.Items["LoginProvider"] = AccountServices.OpenIdConnectScheme;
        return Challenge(properties, AccountServices.OpenIdConnectScheme);
    }
}
