using System.Security.Claims;
using DistrictMap.Api.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Account;

/// <summary>
/// The return from the identity provider. Only an invited account may sign in this way: the first time, the
/// provider's login is linked to the account with the same (verified) email; after that, to the login itself.
/// </summary>
public sealed class ExternalModel(SignInManager<Accounts.Account> signIn, UserManager<Accounts.Account> users, AccountAudit audit) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            Problem = "The sign-in with your organisation's account did not complete: try again.";
            return Page();
        }

        var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
        var verified = info.Principal.FindFirstValue("email_verified") is not "false";
        var account = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (account is null && email is not null && verified)
        {
            account = await users.FindByEmailAsync(email);
            if (account is not null && !(await users.AddLoginAsync(account, info)).Succeeded)
            {
                account = null;
            }
        }

        if (account is null)
        {
            await audit.RecordAsync(email ?? info.ProviderKey, AccountAudit.Operations.SignInFailed, account?.Id, new { method = info.LoginProvider }, cancellationToken);
            Problem = "No account here has that email address. Ask an admin of the partnership to invite you.";
            return Page();
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false);
        var operation = result.Succeeded ? AccountAudit.Operations.SignIn : result.IsLockedOut ? AccountAudit.Operations.LockedOut : AccountAudit.Operations.SignInFailed;
        await audit.RecordAsync(account.Email!, operation, account.Id, new { method = info.LoginProvider }, cancellationToken);
        if (!result.Succeeded)
        {
            Problem = result.IsLockedOut ? "This account is locked after too many failed sign-ins: try again later." : "The sign-in did not complete: try again.";
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/partner");
    }
}
