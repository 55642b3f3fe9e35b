using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>Applies the committed EF Core migrations; safe to run any number of times.</summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes)
{
    /// <returns>The migrations that were applied (empty when the database was up to date).</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DistrictMapDbContext>();
        // Create the history table first: on a fresh database EF would otherwise log a failed query of it as an error.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }
}
