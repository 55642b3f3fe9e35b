using DistrictMap.Api.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Hosting;

/// <summary>Applies pending migrations before the web host starts serving.</summary>
internal sealed partial class StartupMigration(DatabaseMigrator migrator, IOptions<DatabaseOptions> options, ILogger<StartupMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count > 0)
        {
            LogApplied(applied.Count, applied);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Migrations}")]
    private partial void LogApplied(int count, IReadOnlyList<string> migrations);
}
