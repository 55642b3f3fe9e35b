using DistrictMap.Api.Plan;

namespace DistrictMap.Api.Access;

/// <summary>An API key. Only the SHA-256 of the key is stored; the key itself is shown once, when issued.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    /// <summary>Who holds the key, as audit entries name them.</summary>
    public required string Name { get; set; }
    /// <summary>admin or partner.</summary>
    public required string Role { get; set; }
    /// <summary>The organisation a partner key writes for.</summary>
    public int? PartnerId { get; set; }
    public Partner? Partner { get; set; }
    /// <summary>The first characters of the key, to recognise it in listings.</summary>
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>One write through the API or the command line: who, when, what, and the record before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    /// <summary>create, update or delete.</summary>
    public required string Operation { get; set; }
    /// <summary>action, action-update or indicator-value.</summary>
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Partner = "partner";
}
