using System.Diagnostics;
using DistrictMap.Api.Infrastructure.Database;
using Npgsql;

namespace DistrictMap.Api.Datasets;

/// <summary>The data version: it moves on whenever an import changes data.</summary>
public sealed record DataVersion(long Version, DateTimeOffset ChangedAt);

/// <summary>
/// Keeps the current data version in memory, listening on the primary for the notification every import
/// sends on commit (<see cref="Channel"/>), so that ETags need no query. While the listener is not connected
/// the version is read from the database on every call, so a change is never missed.
/// With a read replica, the version is read from the replica, the database the responses come from, and kept
/// for at most <see cref="ReplicaVersionMaxAge"/>: a notification can arrive before the replica has replayed the
/// change, and an ETag must never name a version newer than the data it was computed from.
/// </summary>
public sealed partial class DataVersionSource(
    NpgsqlDataSource dataSource,
    [FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource readSource,
    ILogger<DataVersionSource> logger) : BackgroundService
{
    /// <summary>The PostgreSQL notification channel imports notify on.</summary>
    public const string Channel = "districtmap_data_changed";

    /// <summary>
    /// The one statement that moves the data version on and notifies listeners (delivered when the transaction
    /// commits): every write that changes what the API serves ends with it.
    /// </summary>
    public const string BumpSql = $"UPDATE data_state SET version = version + 1, changed_at = now() WHERE id = 1; NOTIFY {Channel};";

    /// <summary>How long a version read from a replica is trusted.</summary>
    public static readonly TimeSpan ReplicaVersionMaxAge = TimeSpan.FromSeconds(1);

    private readonly bool replica = !ReferenceEquals(dataSource, readSource);
    private volatile Known? current;

    public async ValueTask<DataVersion> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } known && (!replica || Stopwatch.GetElapsedTime(known.At) < ReplicaVersionMaxAge))
        {
            return known.Version;
        }

        await using var connection = await readSource.OpenConnectionAsync(cancellationToken);
        var version = await LoadAsync(connection, cancellationToken);
        if (replica)
        {
            current = new Known(version, Stopwatch.GetTimestamp());
        }

        return version;
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

                current = replica ? null : new Known(await LoadAsync(connection, stoppingToken), 0);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    if (current is null && !replica)
                    {
                        current = new Known(await LoadAsync(connection, stoppingToken), 0);
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

    private sealed record Known(DataVersion Version, long At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the data version listener ({Reason}); reading the version per request until it reconnects")]
    private partial void LogListenerLost(string reason);
}
