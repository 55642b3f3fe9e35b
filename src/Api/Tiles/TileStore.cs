using System.Collections.Concurrent;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Builds Mapbox Vector Tiles in PostGIS for any declared feature collection: the features whose bounding box
/// meets the tile (with a 64-unit buffer) found through a GiST index, in Web Mercator and simplified for the zoom
/// (kept so by the database when the collection declares a <see cref="TileGeometry"/>, else done as each row is read),
/// clipped and quantised by ST_AsMVTGeom (extent 4096) and encoded by ST_AsMVT,
/// with the id and the collection's <see cref="FeatureCollectionDefinition.TileProperties"/> only.
/// The SQL is assembled once per collection and zoom band from its declaration; the tile's address is always bound.
/// Tiles built are kept in memory under the data version they were built at (<see cref="TileOptions"/>), and in
/// front of that in the <see cref="SharedTileStore"/> every instance reads.
/// </summary>
public sealed class TileStore(
    [FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource,
    IOptions<TileOptions> options,
    SharedTileStore shared) : IDisposable
{
    public const int Extent = 4096;
    public const int Buffer = 64;

    /// <summary>Below this zoom geometries are simplified before projection (above it they are already finer than a tile unit).</summary>
    public const int SimplifyBelowZoom = 12;

    private readonly ConcurrentDictionary<(string Collection, int? Band), string> sql = new();

    private readonly MemoryCache? cache = options.Value.CacheMegabytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CacheMegabytes * 1024L * 1024L })
        : null;

    private int building;

    /// <summary>
    /// The tile's bytes (empty when no feature meets the tile): kept ones when the data is at the version they
    /// were built at (in memory, else in the shared store), else built now. With no known version nothing is kept.
    /// </summary>
    public async Task<byte[]> GetAsync(FeatureCollectionDefinition collection, TileAddress tile, DataVersion? version, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return await BuildForRequestAsync(collection, tile, cancellationToken);
        }

        var key = (collection.Id, tile.Z, tile.X, tile.Y, version.Version);
        if (cache is not null && cache.TryGetValue(key, out byte[]? kept) && kept is not null)
        {
            return kept;
        }

        var bytes = shared.Enabled ? await shared.ReadAsync(collection.Id, tile, version.Version, cancellationToken) : null;
        if (bytes is null)
        {
            bytes = await BuildForRequestAsync(collection, tile, cancellationToken);
            if (shared.Enabled)
            {
                shared.Offer(collection.Id, tile, version.Version, bytes);
            }
        }

        // An empty tile still costs its entry: count it as 64 bytes.
        cache?.Set(key, bytes, new MemoryCacheEntryOptions { Size = Math.Max(bytes.Length, 64) });
        return bytes;
    }

    /// <summary>Whether a request is having a tile built now: seeding waits until none is.</summary>
    internal bool RequestsBuilding => Volatile.Read(ref building) > 0;

    public void Dispose() => cache?.Dispose();

    private async Task<byte[]> BuildForRequestAsync(FeatureCollectionDefinition collection, TileAddress tile, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref building);
        try
        {
            return await BuildAsync(collection, tile, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref building);
        }
    }

    /// <summary>Builds the tile from the data as it is now, keeping it nowhere.</summary>
    internal async Task<byte[]> BuildAsync(FeatureCollectionDefinition collection, TileAddress tile, CancellationToken cancellationToken)
    {
        var band = collection.TileGeometry is null ? null : TileGeometry.BandOf(tile.Z);
        await using var command = dataSource.CreateCommand(sql.GetOrAdd((collection.Id, band), _ => Sql(collection, tile.Z)));
        command.Parameters.Add(new NpgsqlParameter<int>("z", NpgsqlDbType.Integer) { TypedValue = tile.Z });
        command.Parameters.Add(new NpgsqlParameter<int>("x", NpgsqlDbType.Integer) { TypedValue = tile.X });
        command.Parameters.Add(new NpgsqlParameter<int>("y", NpgsqlDbType.Integer) { TypedValue = tile.Y });
        if (collection.TileGeometry is null)
        {
            command.Parameters.Add(new NpgsqlParameter<double>("tolerance", NpgsqlDbType.Double) { TypedValue = Tolerance(tile.Z) });
        }

        return await command.ExecuteScalarAsync(cancellationToken) as byte[] ?? [];
    }

    /// <summary>The properties a collection's tiles carry, in order.</summary>
    public static IReadOnlyList<FeatureProperty> Properties(FeatureCollectionDefinition collection) =>
        collection.TileProperties is null
            ? collection.Properties
            : [.. collection.TileProperties.Select(name => collection.Property(name)
                ?? throw new InvalidOperationException($"Collection {collection.Id} declares the tile property '{name}', which is not one of its properties."))];

    /// <summary>Whether tiles carry the feature id as a property of its own named id (unless a declared property is named so).</summary>
    public static bool CarriesId(FeatureCollectionDefinition collection) => Properties(collection).All(p => p.Name != "id");

    /// <summary>
    /// Half a tile unit at the zoom, in degrees of longitude: the simplification tolerance below <see cref="SimplifyBelowZoom"/>,
    /// 0 (no simplification) from it on. A degree of latitude is longer on Web Mercator, so the error stays under a unit there too.
    /// </summary>
    public static double Tolerance(int zoom) => zoom < SimplifyBelowZoom ? 360.0 / (1L << zoom) / Extent / 2 : 0;

    /// <summary>The TileJSON field type of a property: Number, Boolean or String.</summary>
    public static string FieldType(PropertyType type) => type switch
    {
        PropertyType.WholeNumber or PropertyType.Number => "Number",
        PropertyType.TrueFalse => "Boolean",
        _ => "String",
    };

    private static string SqlType(PropertyType type) => type switch
    {
        PropertyType.WholeNumber => "bigint",
        PropertyType.Number => "double precision",
        PropertyType.TrueFalse => "boolean",
        _ => "text",
    };

    /// <summary>
    /// The tile SQL of a collection at a zoom. With a <see cref="TileGeometry"/> the rows are found through the GiST
    /// index of the projected geometry and drawn from the zoom's simplified band, so nothing is projected or simplified
    /// per request; otherwise each geometry is simplified (below <see cref="SimplifyBelowZoom"/>) and projected as read.
    /// </summary>
    private static string Sql(FeatureCollectionDefinition collection, int zoom)
    {
        // Each property cast to its declared type, so that ST_AsMVT writes numbers as numbers (numeric would be a string).
        var columns = string.Join("", Properties(collection).Select(p => $",\n           ({p.Expression})::{SqlType(p.Type)} AS \"{p.Name}\""));
        var id = CarriesId(collection) ? $",\n           ({collection.IdExpression})::text AS id" : "";
        var where = collection.Where is null ? "" : $"({collection.Where}) AND ";
        var margin = ((double)Buffer / Extent).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string drawn, search, searched;
        if (collection.TileGeometry is { } stored)
        {
            (drawn, search, searched) = (stored.For(zoom), $"ST_TileEnvelope(@z, @x, @y, margin => {margin})", stored.Search);
        }
        else
        {
            var geometry = collection.GeometryExpression;
            drawn = $"ST_Transform(CASE WHEN @tolerance > 0 THEN ST_Simplify({geometry}, @tolerance, true) ELSE {geometry} END, 3857)";
            (search, searched) = ($"ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => {margin}), 4326)", geometry);
        }

        // The layer is named after the collection; ids are declared in code as lower-case words and hyphens.
        // OFFSET 0 keeps the planner from pushing "geom IS NOT NULL" into the scan, which computed ST_AsMVTGeom twice a row.
        return $"""
            WITH tile AS (
                SELECT ST_TileEnvelope(@z, @x, @y) AS envelope, {search} AS search
            )
            SELECT ST_AsMVT(mvt, '{collection.Id}', {Extent}, 'geom')
            FROM (
                SELECT ST_AsMVTGeom({drawn}, tile.envelope, {Extent}, {Buffer}, true) AS geom{id}{columns}
                FROM {collection.From}, tile
                WHERE {where}{searched} && tile.search
                OFFSET 0
            ) mvt
            WHERE mvt.geom IS NOT NULL
            """;
    }
}
