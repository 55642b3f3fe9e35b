using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Built tiles kept in PostgreSQL (the UNLOGGED table tile_store, keyed by data version, collection, z, x and y), so
/// that every instance behind a load balancer serves a tile built once, and a restart keeps them. Everything here
/// goes to the primary (the unkeyed data source): a replica can neither write nor read an UNLOGGED table.
/// <para>
/// A tile is stored only while the primary is still at the version it was built for: the insert takes a share lock
/// on data_state's row, so it either commits before an import moves the version (and that import's
/// <see cref="RemoveOtherVersionsAsync"/> removes it) or waits for the import and then stores nothing. A tile of an
/// older version is therefore never kept past its cleanup, and never served, since look-ups name the version.
/// </para>
/// Writes for responses are queued and written in the background: a response never waits for them nor fails by them.
/// </summary>
public sealed partial class SharedTileStore(
    NpgsqlDataSource primary,
    IOptions<SharedTileStoreOptions> options,
    TileMetrics metrics,
    ILogger<SharedTileStore> logger) : BackgroundService
{
    public const string Table = "tile_store";

    private const string ReadSql = $"SELECT tile FROM {Table} WHERE version = @version AND collection = @collection AND z = @z AND x = @x AND y = @y";

    // Returns the primary's version, read under the same lock the insert is decided by.
    private const string WriteSql = $"""
        WITH current AS (SELECT version FROM data_state WHERE id = 1 FOR SHARE),
        stored AS (
            INSERT INTO {Table} (version, collection, z, x, y, tile)
            SELECT @version, @collection, @z, @x, @y, @tile FROM current WHERE current.version = @version
            ON CONFLICT DO NOTHING
        )
        SELECT version FROM current
        """;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(options.Value.WriteQueue) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
        _ => metrics.Write(TileStoreResult.Dropped));

    /// <summary>How long the store is left alone after it could not be reached, so that tiles are not held up by it.</summary>
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(5);

    private int failing;
    private long unreachableSince;

    public bool Enabled => options.Value.Enabled;

    /// <summary>
    /// The stored tile of the version, or null when there is none or the store cannot be reached (the caller then
    /// builds it). After a failure the store is not asked for <see cref="Backoff"/>: with the primary unreachable and
    /// a replica serving, tiles are built from the replica without waiting for a connection each time.
    /// </summary>
    public async Task<byte[]?> ReadAsync(string collection, TileAddress tile, long version, CancellationToken cancellationToken)
    {
        if (Unreachable)
        {
            metrics.Read(TileStoreResult.ReadFailed);
            return null;
        }

        try
        {
            await using var command = primary.CreateCommand(ReadSql);
            AddKey(command, collection, tile, version);
            var stored = await command.ExecuteScalarAsync(cancellationToken) as byte[];
            metrics.Read(stored is null ? TileStoreResult.Miss : TileStoreResult.Hit);
            return stored;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            metrics.Read(TileStoreResult.ReadFailed);
            Volatile.Write(ref unreachableSince, System.Diagnostics.Stopwatch.GetTimestamp());
            LogReadFailed(e.Message);
            return null;
        }
    }

    /// <summary>Queues a built tile to be stored; when the queue is full it is dropped (and counted).</summary>
    public void Offer(string collection, TileAddress tile, long version, byte[] bytes) =>
        queue.Writer.TryWrite(new Pending(collection, tile, version, bytes));

    /// <summary>Stores a tile now; false when the data has moved past <paramref name="version"/> (nothing is stored then).</summary>
    public async Task<bool> WriteAsync(string collection, TileAddress tile, long version, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var command = primary.CreateCommand(WriteSql);
        AddKey(command, collection, tile, version);
        command.Parameters.Add(new NpgsqlParameter<byte[]>("tile", NpgsqlDbType.Bytea) { TypedValue = bytes });
        var stale = await command.ExecuteScalarAsync(cancellationToken) is not long now || now != version;
        metrics.Write(stale ? TileStoreResult.Stale : TileStoreResult.Written);
        return !stale;
    }

    /// <summary>The addresses of a collection's tiles stored for the version.</summary>
    public async Task<HashSet<TileAddress>> StoredAsync(string collection, long version, CancellationToken cancellationToken)
    {
        await using var command = primary.CreateCommand($"SELECT z, x, y FROM {Table} WHERE version = @version AND collection = @collection");
        command.Parameters.Add(new NpgsqlParameter<long>("version", NpgsqlDbType.Bigint) { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<string>("collection", NpgsqlDbType.Text) { TypedValue = collection });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stored = new HashSet<TileAddress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(new TileAddress(reader.GetInt16(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return stored;
    }

    /// <summary>Removes the tiles of every version but the primary's current one; returns how many.</summary>
    public async Task<int> RemoveOtherVersionsAsync(CancellationToken cancellationToken)
    {
        await using var command = primary.CreateCommand(
            $"DELETE FROM {Table} WHERE version IS DISTINCT FROM (SELECT version FROM data_state WHERE id = 1)");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the database's seeding lock (a session advisory lock on the primary), so that instances seed one at a
    /// time and the others find the tiles stored; null when another instance holds it. Disposing releases it, as
    /// does the end of the holder's connection (a crashed instance's lock goes with it).
    /// </summary>
    public async Task<IAsyncDisposable?> TryLockSeedingAsync(CancellationToken cancellationToken)
    {
        var connection = await primary.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({SeedingLock})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new SeedingLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var pending in queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (Unreachable)
                {
                    metrics.Write(TileStoreResult.WriteFailed);
                    continue;
                }

                try
                {
                    await WriteAsync(pending.Collection, pending.Tile, pending.Version, pending.Bytes, stoppingToken);
                    if (Interlocked.Exchange(ref failing, 0) == 1)
                    {
                        LogWritesResumed();
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    metrics.Write(TileStoreResult.WriteFailed);
                    Volatile.Write(ref unreachableSince, System.Diagnostics.Stopwatch.GetTimestamp());
                    if (Interlocked.Exchange(ref failing, 1) == 0)
                    {
                        LogWriteFailed(e.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: tiles still queued are built again when next asked for.
        }
    }

    private bool Unreachable => Volatile.Read(ref unreachableSince) is var since and not 0
        && System.Diagnostics.Stopwatch.GetElapsedTime(since) < Backoff;

    private static void AddKey(NpgsqlCommand command, string collection, TileAddress tile, long version)
    {
        command.Parameters.Add(new NpgsqlParameter<long>("version", NpgsqlDbType.Bigint) { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<string>("collection", NpgsqlDbType.Text) { TypedValue = collection });
        command.Parameters.Add(new NpgsqlParameter<short>("z", NpgsqlDbType.Smallint) { TypedValue = (short)tile.Z });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = tile.X });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = tile.Y });
    }

    /// <summary>The advisory lock key of seeding ("DMTiles" in ASCII).</summary>
    private const long SeedingLock = 0x444D54696C6573;

    private sealed class SeedingLease(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({SeedingLock})", connection);
                await command.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A broken connection holds no lock: the server released it with the session.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed record Pending(string Collection, TileAddress Tile, long Version, byte[] Bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The shared tile store could not be read ({Reason}); building the tile")]
    private partial void LogReadFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tiles cannot be written to the shared tile store ({Reason}); they are served all the same, and built again when next asked for")]
    private partial void LogWriteFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tiles are written to the shared tile store again")]
    private partial void LogWritesResumed();
}
