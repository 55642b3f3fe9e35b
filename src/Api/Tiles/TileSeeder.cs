using System.Diagnostics;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Watches the data version; whenever it moves (an import, a plan write, a restore, and at start-up) removes the
/// shared store's tiles of other versions and, with seeding on, builds the tiles of the seeded collections' extents
/// at the seeded zooms into the store (<see cref="TileSeedingOptions"/>), lowest zoom first, skipping those already
/// stored (by another instance, or before a restart). One instance seeds at a time (an advisory lock on the
/// primary); the others look again every few seconds, and find the tiles stored. Seeding has the lowest priority: it builds at most
/// <see cref="TileSeedingOptions.Concurrency"/> tiles at once and none while a request is having a tile built, and it
/// is stopped (and started again) when the version moves, and stopped on shutdown. Progress goes to the log and to
/// the <see cref="TileMetrics"/>.
/// </summary>
public sealed partial class TileSeeder(
    DataVersionSource versions,
    TileStore tiles,
    SharedTileStore store,
    FeatureCollectionRegistry registry,
    FeatureStore features,
    IOptions<TileSeedingOptions> options,
    TileMetrics metrics,
    ILogger<TileSeeder> logger) : BackgroundService
{
    /// <summary>How often the data version is looked at (it is in memory while the version listener is connected).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long seeding waits before looking again whether requests are still having tiles built.</summary>
    private static readonly TimeSpan YieldInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How often an instance tries again to seed while another instance is seeding.</summary>
    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!store.Enabled)
        {
            return;
        }

        long? seen = null;
        CancellationTokenSource? run = null;
        Task<bool> running = Task.FromResult(true);
        var retryAt = 0L;
        var failing = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var version = await versions.GetAsync(stoppingToken);
                    if (version.Version != seen)
                    {
                        await StopAsync(run, running);
                        run = null;
                        var removed = await store.RemoveOtherVersionsAsync(stoppingToken);
                        if (removed > 0)
                        {
                            LogRemoved(removed, version.Version);
                        }

                        seen = version.Version;
                        running = Task.FromResult(false);
                    }

                    // Not yet seeded, or another instance was seeding: (try to) seed now.
                    if (options.Value.Enabled && running.IsCompleted && !running.Result && Stopwatch.GetTimestamp() >= retryAt)
                    {
                        run?.Dispose();
                        run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        running = SeedAsync(version, run.Token);
                        retryAt = Stopwatch.GetTimestamp() + (long)(LockRetryInterval.TotalSeconds * Stopwatch.Frequency);
                    }

                    failing = false;
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    if (!failing)
                    {
                        LogWatchFailed(e.Message);
                        failing = true;
                    }
                }

                await Task.Delay(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await StopAsync(run, running);
        }
    }

    private static async Task StopAsync(CancellationTokenSource? run, Task running)
    {
        if (run is not null)
        {
            await run.CancelAsync();
            await running;
            run.Dispose();
        }
    }

    /// <summary>
    /// Seeds the tiles of one data version; returns when they are built, or when stopped or failed (true: done with
    /// this version), or at once when another instance is seeding (false: to be tried again).
    /// </summary>
    private async Task<bool> SeedAsync(DataVersion version, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = Stopwatch.GetTimestamp();
        var built = 0;
        IAsyncDisposable? lease = null;
        try
        {
            lease = await store.TryLockSeedingAsync(cancellationToken);
            if (lease is null)
            {
                LogBusy(version.Version);
                return false;
            }

            var (plan, stored) = await PlanAsync(version, settings, cancellationToken);
            metrics.SeedingStarted(version.Version, plan.Count);
            if (plan.Count == 0)
            {
                LogNothingToSeed(version.Version, stored);
                return true;
            }

            LogStarted(version.Version, plan.Count, stored, settings.MinZoom, settings.MaxZoom, settings.Collections);
            using var moved = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var lastReport = Stopwatch.GetTimestamp();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = moved.Token };
            await Parallel.ForEachAsync(plan, parallel, async (item, token) =>
            {
                while (tiles.RequestsBuilding)
                {
                    await Task.Delay(YieldInterval, token);
                }

                var bytes = await tiles.BuildAsync(item.Collection, item.Tile, token);
                if (!await store.WriteAsync(item.Collection.Id, item.Tile, version.Version, bytes, token))
                {
                    // The data has moved on: the watcher starts seeding the new version.
                    await moved.CancelAsync();
                    return;
                }

                metrics.Seeded();
                var done = Interlocked.Increment(ref built);
                var last = Interlocked.Read(ref lastReport);
                if (Stopwatch.GetElapsedTime(last) >= ProgressInterval && Interlocked.CompareExchange(ref lastReport, Stopwatch.GetTimestamp(), last) == last)
                {
                    LogProgress(version.Version, done, plan.Count, item.Tile.Z);
                }
            });
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogFinished(version.Version, built, seconds);
        }
        catch (OperationCanceledException)
        {
            var reason = cancellationToken.IsCancellationRequested ? "the data version moved or the service is stopping" : "the data version moved";
            LogStopped(version.Version, built, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the service goes on serving: seeding is tried again shortly.
            LogFailed(version.Version, built, e.Message);
            return false;
        }
        finally
        {
            metrics.SeedingEnded();
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }

        return true;
    }

    /// <summary>The tiles to build, lowest zoom first, and how many are stored already.</summary>
    private async Task<(List<(FeatureCollectionDefinition Collection, TileAddress Tile)> Plan, int Stored)> PlanAsync(
        DataVersion version, TileSeedingOptions settings, CancellationToken cancellationToken)
    {
        var plan = new List<(FeatureCollectionDefinition Collection, TileAddress Tile)>();
        var stored = 0;
        foreach (var id in settings.CollectionIds)
        {
            if (registry.Find(id) is not { } collection)
            {
                var known = string.Join(", ", registry.All.Select(c => c.Id));
                LogUnknownCollection(id, known);
                continue;
            }

            if (await features.ExtentAsync(collection, version, cancellationToken) is not { } extent)
            {
                continue;
            }

            var existing = await store.StoredAsync(collection.Id, version.Version, cancellationToken);
            for (var z = settings.MinZoom; z <= settings.MaxZoom; z++)
            {
                foreach (var tile in Covering(extent, z))
                {
                    if (existing.Contains(tile))
                    {
                        stored++;
                    }
                    else
                    {
                        plan.Add((collection, tile));
                    }
                }
            }
        }

        var ordered = plan.OrderBy(p => p.Tile.Z).Take(settings.MaxTiles).ToList();
        if (ordered.Count < plan.Count)
        {
            LogCapped(version.Version, plan.Count, settings.MaxTiles);
        }

        return (ordered, stored);
    }

    /// <summary>The XYZ tiles of a zoom that meet a box of longitudes and latitudes.</summary>
    public static IEnumerable<TileAddress> Covering(BoundingBox box, int z)
    {
        var (west, north) = Column(box.West, box.North, z);
        var (east, south) = Column(box.East, box.South, z);
        for (var x = west; x <= east; x++)
        {
            for (var y = north; y <= south; y++)
            {
                yield return new TileAddress(z, x, y);
            }
        }
    }

    private static (int X, int Y) Column(double lon, double lat, int z)
    {
        var n = 1 << z;
        var radians = Math.Clamp(lat, -85.0511, 85.0511) * Math.PI / 180;
        var x = (int)Math.Floor((Math.Clamp(lon, -180, 180) + 180) / 360 * n);
        var y = (int)Math.Floor((1 - (Math.Log(Math.Tan(radians) + (1 / Math.Cos(radians))) / Math.PI)) / 2 * n);
        return (Math.Clamp(x, 0, n - 1), Math.Clamp(y, 0, n - 1));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} stored tiles of data versions other than {Version}")]
    private partial void LogRemoved(int count, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot look at the data version for tile seeding ({Reason}); trying again")]
    private partial void LogWatchFailed(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tile seeding of data version {Version}: another instance is seeding; looking again later")]
    private partial void LogBusy(long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile seeding of data version {Version}: nothing to build ({Stored} tiles stored already)")]
    private partial void LogNothingToSeed(long version, int stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile seeding of data version {Version}: {Planned} tiles to build ({Stored} stored already), zooms {MinZoom} to {MaxZoom} of {Collections}")]
    private partial void LogStarted(long version, int planned, int stored, int minZoom, int maxZoom, string collections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile seeding of data version {Version}: {Built} of {Planned} tiles built, now at zoom {Zoom}")]
    private partial void LogProgress(long version, int built, int planned, int zoom);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile seeding of data version {Version}: {Built} tiles built in {Seconds:0.0} s")]
    private partial void LogFinished(long version, int built, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tile seeding of data version {Version} stopped after {Built} tiles: {Reason}")]
    private partial void LogStopped(long version, int built, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile seeding of data version {Version} failed after {Built} tiles ({Reason}); trying again shortly")]
    private partial void LogFailed(long version, int built, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile seeding: there is no collection '{Collection}' (there are {Known}); it is left out")]
    private partial void LogUnknownCollection(string collection, string known);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tile seeding of data version {Version}: {Planned} tiles would be built; only the first {MaxTiles}, lowest zooms first")]
    private partial void LogCapped(long version, int planned, int maxTiles);
}
