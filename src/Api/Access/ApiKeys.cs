using System.Security.Cryptography;
using System.Text;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace DistrictMap.Api.Access;

/// <summary>Issues and checks API keys. A key is 32 random bytes; only its SHA-256 is stored.</summary>
public sealed class ApiKeys(DistrictMapDbContext db, TimeProvider clock)
{
    public const string KeyPrefix = "dm_";

    /// <returns>The key itself: shown once and never stored.</returns>
    public async Task<(ApiKey Record, string Key)> IssueAsync(string name, string role, int? partnerId, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKey
        {
            Name = name,
            Role = role,
            PartnerId = partnerId,
            Prefix = key[..10],
            KeyHash = Hash(key),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (record, key);
    }

    public async Task<int> RevokeAsync(string prefix, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, clock.GetUtcNow()), cancellationToken);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
