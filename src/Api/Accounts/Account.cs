using DistrictMap.Api.Plan;
using Microsoft.AspNetCore.Identity;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// A person who signs in to the site: the member of a partner organisation who keeps its actions current, or an
/// admin of the partnership. The password hash, lock-out and security stamp are ASP.NET Core Identity's.
/// </summary>
public sealed class Account : IdentityUser<int>
{
    /// <summary>The name the pages and the audit trail show.</summary>
    public required string DisplayName { get; set; }

    /// <summary><see cref="Access.Roles.Admin"/> or <see cref="Access.Roles.Partner"/>.</summary>
    public required string Role { get; set; }

    /// <summary>The organisation the account belongs to; an admin of the whole partnership may belong to none.</summary>
    public int? PartnerId { get; set; }

    public Partner? Partner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
