using System.Globalization;
using System.Security.Claims;
using DistrictMap.Api.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Account;

public sealed class SignOutModel(AccountSignIn signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var id = int.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var account) ? account : (int?)null;
        await signIn.SignOutAsync(User.Identity?.Name, id, cancellationToken);
        return LocalRedirect("/account/sign-in");
    }
}
