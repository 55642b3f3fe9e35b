using System.Globalization;
using System.Security.Claims;

namespace DistrictMap.Api.Access;

/// <summary>Who is writing, from the authenticated key.</summary>
public sealed record Actor(string Name, string Role, int? PartnerId)
{
    public bool IsAdmin => Role == Roles.Admin;

    public static Actor From(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "unknown",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        int.TryParse(user.FindFirstValue(ApiKeyAuthentication.PartnerClaim), CultureInfo.InvariantCulture, out var partner) ? partner : null);

    /// <summary>Whether this actor may change an action led by <paramref name="leadPartnerId"/>.</summary>
    public bool MayChange(int leadPartnerId) => IsAdmin || PartnerId == leadPartnerId;
}
