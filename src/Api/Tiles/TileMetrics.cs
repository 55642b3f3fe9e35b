using System.Diagnostics.Metrics;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Metrics of the shared tile store and of seeding (meter <see cref="MeterName"/>, exported at /metrics). The totals
/// are kept here and observed by the meter, so that they can also be read from the instance itself.
/// </summary>
public sealed class TileMetrics
{
    public const string MeterName = "DistrictMap.Tiles";

    private long hits;
    private long misses;
    private long readFailures;
    private long written;
    private long stale;
    private long dropped;
    private long writeFailures;
    private long seeded;
    private long pending;
    private long planned;
    private long version = -1;

    public TileMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("districtmap.tiles.store.reads", () => new[]
        {
            Tagged(StoreHits, "hit"), Tagged(StoreMisses, "miss"), Tagged(Volatile.Read(ref readFailures), "failed"),
        }, "{tile}", "Look-ups in the shared tile store, by result: hit, miss or failed");
        meter.CreateObservableCounter("districtmap.tiles.store.writes", () => new[]
        {
            Tagged(Volatile.Read(ref written), "written"), Tagged(Volatile.Read(ref stale), "stale"),
            Tagged(Volatile.Read(ref dropped), "dropped"), Tagged(Volatile.Read(ref writeFailures), "failed"),
        }, "{tile}", "Tiles offered to the shared tile store, by result: written, stale (the data had moved on), dropped (queue full) or failed");
        meter.CreateObservableCounter("districtmap.tiles.seeding.built", () => SeedingBuilt, "{tile}", "Tiles built and stored by seeding");
        meter.CreateObservableGauge("districtmap.tiles.seeding.pending", () => SeedingPending, "{tile}", "Tiles the current seeding has still to build");
        meter.CreateObservableGauge("districtmap.tiles.seeding.planned", () => SeedingPlanned, "{tile}", "Tiles the current (or last) seeding set out to build");
        meter.CreateObservableGauge("districtmap.tiles.seeding.version", () => SeedingVersion, null, "The data version the current (or last) seeding is of (-1: none yet)");
    }

    public long StoreHits => Volatile.Read(ref hits);

    public long StoreMisses => Volatile.Read(ref misses);

    public long SeedingBuilt => Volatile.Read(ref seeded);

    public long SeedingPending => Volatile.Read(ref pending);

    public long SeedingPlanned => Volatile.Read(ref planned);

    public long SeedingVersion => Volatile.Read(ref version);

    public void Read(TileStoreResult result) => Interlocked.Increment(ref Total(result));

    public void Write(TileStoreResult result) => Interlocked.Increment(ref Total(result));

    public void SeedingStarted(long dataVersion, int tiles)
    {
        Volatile.Write(ref planned, tiles);
        Volatile.Write(ref pending, tiles);
        Volatile.Write(ref version, dataVersion);
    }

    public void Seeded()
    {
        Interlocked.Increment(ref seeded);
        Interlocked.Decrement(ref pending);
    }

    public void SeedingEnded() => Volatile.Write(ref pending, 0);

    private ref long Total(TileStoreResult result)
    {
        switch (result)
        {
            case TileStoreResult.Hit: return ref hits;
            case TileStoreResult.Miss: return ref misses;
            case TileStoreResult.ReadFailed: return ref readFailures;
            case TileStoreResult.Written: return ref written;
            case TileStoreResult.Stale: return ref stale;
            case TileStoreResult.Dropped: return ref dropped;
            default: return ref writeFailures;
        }
    }

    private static Measurement<long> Tagged(long value, string result) => new(value, new KeyValuePair<string, object?>("result", result));
}

/// <summary>What became of a look-up in, or a write to, the shared tile store.</summary>
public enum TileStoreResult
{
    Hit,
    Miss,
    ReadFailed,
    Written,
    Stale,
    Dropped,
    WriteFailed,
}
