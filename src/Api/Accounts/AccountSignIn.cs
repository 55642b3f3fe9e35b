using Microsoft.AspNetCore.Identity;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// Signs people in and out through Identity's sign-in manager (which issues a new session cookie at every sign-in,
/// so a session planted before it is worthless) and leaves an audit row for every attempt, whatever its outcome.
/// </summary>
public sealed class AccountSignIn(SignInManager<Account> signIn, UserManager<Account> users, AccountAudit audit)
{
    public enum Outcome
    {
        SignedIn,
        Failed,
        LockedOut,
    }

    public async Task<Outcome> PasswordAsync(string email, string password, string? address, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var account = await users.FindByEmailAsync(email);
        var result = account is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? Outcome.SignedIn : result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        var operation = outcome switch
        {
            Outcome.SignedIn => AccountAudit.Operations.SignIn,
            Outcome.LockedOut => AccountAudit.Operations.LockedOut,
            _ => AccountAudit.Operations.SignInFailed,
        };
        await audit.RecordAsync(email, operation, account?.Id, new { method = "password", address }, cancellationToken);
        return outcome;
    }

    public async Task SignOutAsync(string? email, int? accountId, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        if (email is not null)
        {
            await audit.RecordAsync(email, AccountAudit.Operations.SignOut, accountId, null, cancellationToken);
        }
    }
}
