using DistrictMap.Api.Access;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// The audit rows of accounts (entity <c>account</c>): every sign-in, every failure and lock-out, invitations,
/// password resets and sign-outs, in the same audit log as the plan's writes.
/// </summary>
public sealed class AccountAudit(DistrictMapDbContext db, TimeProvider clock)
{
    public const string Entity = "account";

    public static class Operations
    {
        public const string SignIn = "sign-in";
        public const string SignInFailed = "sign-in-failed";
        public const string LockedOut = "locked-out";
        public const string SignOut = "sign-out";
        public const string Invite = "invite";
        public const string PasswordReset = "password-reset";
        public const string ResetRequested = "password-reset-requested";
    }

    /// <param name="actor">Who acted: the account's email, or the email that was tried.</param>
    /// <param name="accountId">The account concerned, or null when no account has the email tried.</param>
    /// <param name="detail">What else the row records, such as the address the request came from.</param>
    public async Task RecordAsync(string actor, string operation, int? accountId, object? detail, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor.Length > 200 ? actor[..200] : actor,
            Operation = operation,
            Entity = Entity,
            EntityId = accountId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            After = detail is null ? null : System.Text.Json.JsonSerializer.Serialize(detail),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
