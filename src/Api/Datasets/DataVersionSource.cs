using Npgsql;

namespace DistrictMap.Api.Datasets;

/// <summary>The data version: it moves on whenever an import changes data.</summary>
public sealed record DataVersion(long Version, DateTimeOffset ChangedAt);

/// <summary>
/// Keeps the current data version in memory, listening for the notification every import sends on
/// commit (<see cref="Channel"/>), so that ETags need no query. While the listener is not connected
/// the version is read from the database on every call, so a change is never missed.
/// </summary>
public sealed partial class DataVersionSource(NpgsqlDataSource dataSource, ILogger<DataVersionSource> logger) : BackgroundService
{
    /// <summary>The PostgreSQL notification channel imports notify on.</summary>
    public const string Channel = "districtmap_data_changed";

    private volatile DataVersion? current;

    public async ValueTask<DataVersion> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } known)
        {
            return known;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => current = null;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                current = await LoadAsync(connection, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (current is null)
                    {
                        current = await LoadAsync(connection, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                current = null;
                LogListenerLost(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static async Task<DataVersion> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, changed_at FROM data_state WHERE id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DataVersion(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1))
            : new DataVersion(0, DateTimeOffset.UnixEpoch);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the data version listener ({Reason}); reading the version per request until it reconnects")]
    private partial void LogListenerLost(string reason);
}
