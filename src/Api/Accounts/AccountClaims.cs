using System.Globalization;
using System.Security.Claims;
using DistrictMap.Api.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Accounts;

/// <summary>
/// The claims of a signed-in account: the same role and partner claims an API key gives, so that
/// <see cref="Actor.From"/> and the plan's writer treat a person and a key alike.
/// </summary>
public sealed class AccountClaims(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    public const string DisplayNameClaim = "districtmap:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.PartnerId is { } partner)
        {
            identity.AddClaim(new Claim(ApiKeyAuthentication.PartnerClaim, partner.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
