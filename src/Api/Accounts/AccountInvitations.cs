using DistrictMap.Api.Access;
using DistrictMap.Api.Hosting;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// Creates accounts by invitation and resets passwords: both mail a link to the set-password page that carries a
/// one-time token from Identity's token provider. Nobody chooses a password for someone else.
/// </summary>
public sealed class AccountInvitations(
    UserManager<Account> users, DistrictMapDbContext db, AccountMail mail, AccountAudit audit, IOptions<AccountOptions> options, TimeProvider clock)
{
    public const string SetPasswordPath = "/account/set-password";

    /// <summary>Creates an account without a password and mails its holder a link to choose one.</summary>
    /// <returns>The link mailed.</returns>
    /// <exception cref="AccountException">The email is taken, the role unknown, or a partner account names no known partner.</exception>
    public async Task<string> InviteAsync(string email, string displayName, string role, int? partnerId, string invitedBy, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (role is not (Roles.Admin or Roles.Partner))
        {
            throw new AccountException("The role must be admin or partner.");
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new AccountException("Give the name of the person invited.");
        }

        if (role == Roles.Partner && partnerId is null)
        {
            throw new AccountException("A partner account belongs to a partner organisation: choose one.");
        }

        if (partnerId is { } id && !await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
        {
            throw new AccountException($"There is no partner {id}.");
        }

        var account = new Account
        {
            UserName = email,
            Email = email,
            DisplayName = displayName.Trim(),
            Role = role,
            PartnerId = partnerId,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            throw new AccountException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var link = await LinkAsync(account);
        await mail.SendAsync(email, "You are invited to DistrictMap",
            $"Hello {account.DisplayName},\n\n{invitedBy} has invited you to keep your organisation's actions current on DistrictMap.\n\n"
            + $"Choose your password here (the link works once):\n{link}\n", cancellationToken);
        await audit.RecordAsync(invitedBy, AccountAudit.Operations.Invite, account.Id, new { account.Email, account.Role, account.PartnerId }, cancellationToken);
        return link;
    }

    /// <summary>Mails a reset link when an account has the email; says nothing either way, so that emails cannot be probed.</summary>
    public async Task RequestResetAsync(string email, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        await audit.RecordAsync(email.Trim(), AccountAudit.Operations.ResetRequested, account?.Id, null, cancellationToken);
        if (account is null)
        {
            return;
        }

        await mail.SendAsync(account.Email!, "Reset your DistrictMap password",
            $"Hello {account.DisplayName},\n\nSomeone asked to reset the password of this account. If it was you, choose a new one here "
            + $"(the link works once):\n{await LinkAsync(account)}\n\nIf it was not you, ignore this message: nothing has changed.\n", cancellationToken);
    }

    /// <summary>Sets the password with the token from the link; a successful reset also ends a lock-out.</summary>
    public async Task<IdentityResult> SetPasswordAsync(int accountId, string token, string password, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (account is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This link is not valid: ask for a new one." });
        }

        var result = await users.ResetPasswordAsync(account, token, password);
        if (result.Succeeded)
        {
            await users.SetLockoutEndDateAsync(account, null);
            await users.ResetAccessFailedCountAsync(account);
            await audit.RecordAsync(account.Email!, AccountAudit.Operations.PasswordReset, account.Id, null, cancellationToken);
        }

        return result;
    }

    private async Task<string> LinkAsync(Account account)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var site = (options.Value.SiteUrl ?? DistrictMapWebApp.DefaultUrl).TrimEnd('/');
        return $"{site}{SetPasswordPath}?account={account.Id}&token={Uri.EscapeDataString(token)}";
    }
}

/// <summary>An account could not be made as asked; the message says why.</summary>
public sealed class AccountException(string message) : Exception(message);
