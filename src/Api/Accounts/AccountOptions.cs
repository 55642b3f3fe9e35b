using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Accounts;

/// <summary>Sign-in for people: lock-out, the mail that carries invitations and reset links, and optional OpenID Connect.</summary>
public sealed class AccountOptions
{
    public const string Section = "DistrictMap:Accounts";

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a session lasts without use.</summary>
    [Range(5, 7 * 24 * 60)]
    public int SessionMinutes { get; set; } = 8 * 60;

    /// <summary>
    /// The folder mail is written to as .eml files, one per message, for a mail server's pickup service (or a
    /// person, in development) to deliver. Relative paths are relative to the working directory.
    /// </summary>
    [Required]
    public string MailPickupFolder { get; set; } = "mail-pickup";

    /// <summary>The sender of invitations and reset links.</summary>
    [Required]
    [EmailAddress]
    public string MailFrom { get; set; } = "districtmap@localhost";

    /// <summary>
    /// The site's public address, as links in mail start (such as https://map.example.gov.uk). Unset, the
    /// address of the web application's own default URL.
    /// </summary>
    [Url]
    public string? SiteUrl { get; set; }

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

/// <summary>A council's own identity provider. Sign-in through it is offered only when all three are set.</summary>
public sealed class OpenIdConnectSettings
{
    [Url]
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button calls the provider.</summary>
    public string DisplayName { get; set; } = "your organisation's account";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
