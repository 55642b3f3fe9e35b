using System.Globalization;
using System.Net;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Tiles;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Tiles;

/// <summary>
/// The synthetic district in a database of its own, API instances over it (each with its own memory, sharing the
/// database's tile store), and a re-import that renames a ward, for the shared tile store and seeding tests.
/// </summary>
public abstract class TileStoreHarness : DatabaseTest
{
    public const string OldName = "Synthetic Ward A";
    public const string NewName = "Renamed Ward A";

    /// <summary>The ward tile holding every synthetic ward.</summary>
    public static readonly (int Z, int X, int Y) WardTile = TileTests.TileOf(0.15, 51.05, 10);

    private readonly Dictionary<HttpClient, ApiFactory> factories = [];
    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-test-tiles-").FullName;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SyntheticDistrict.LoadAllAsync(Db);
    }

    public override async Task DisposeAsync()
    {
        foreach (var factory in factories.Values)
        {
            await factory.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
        await base.DisposeAsync();
    }

    /// <summary>A new API instance over the test's database.</summary>
    protected HttpClient Instance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ApiFactory(Db.ConnectionString, settings);
        var client = factory.CreateClient();
        factories.Add(client, factory);
        return client;
    }

    protected Task<long> VersionAsync() => Db.ScalarAsync<long>("SELECT version FROM data_state WHERE id = 1");

    /// <summary>Imports the synthetic wards again with ward A renamed: the data version moves.</summary>
    protected async Task ReimportRenamedAsync()
    {
        var renamed = Path.Combine(folder, "renamed-wards.geojson");
        await File.WriteAllTextAsync(renamed, (await File.ReadAllTextAsync(Fixtures.File("synthetic-wards.geojson"))).Replace(OldName, NewName, StringComparison.Ordinal));
        await Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = renamed }, TestDatabase.NoProgress);
    }

    /// <summary>A tile as an instance serves it, with the data version its ETag names.</summary>
    protected static async Task<Served> TileAsync(HttpClient client, string collection, (int Z, int X, int Y) tile)
    {
        using var response = await client.GetAsync($"/tiles/{collection}/{tile.Z}/{tile.X}/{tile.Y}.mvt");
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{collection} {tile} answered {(int)response.StatusCode}");
        var tag = response.Headers.ETag!.Tag;
        return new Served(long.Parse(tag[1..tag.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture), body);
    }

    /// <summary>The ward names in a ward tile.</summary>
    protected static List<string> Names(byte[] tile) =>
        [.. Assert.Single(VectorTile.Read(tile).Layers).Features.Select(f => (string)f.Properties["name"]).Order(StringComparer.Ordinal)];

    /// <summary>Rows of the tile store, by version.</summary>
    protected async Task<Dictionary<long, long>> StoredByVersionAsync() =>
        (await Db.ListAsync("SELECT version, count(*) FROM tile_store GROUP BY version", r => (r.GetInt64(0), r.GetInt64(1))))
        .ToDictionary(r => r.Item1, r => r.Item2);

    /// <summary>The stored bytes of one tile at a version, or null.</summary>
    protected Task<byte[]?> StoredAsync(string collection, (int Z, int X, int Y) tile, long version) =>
        Db.ScalarAsync<byte[]>(
            "SELECT tile FROM tile_store WHERE collection = $1 AND z = $2 AND x = $3 AND y = $4 AND version = $5",
            collection, (short)tile.Z, tile.X, tile.Y, version);

    /// <summary>Waits (up to a minute) until the condition holds; fails with the message otherwise.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition, string message)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(message);
    }

    /// <summary>
    /// The tile metrics of one instance. Every instance of a process exports every instance's meter of the same name,
    /// so tests, which run many in one process, read the instance's own totals rather than its /metrics.
    /// </summary>
    protected TileMetrics Metrics(HttpClient client) => factories[client].Services.GetRequiredService<TileMetrics>();

    protected sealed record Served(long Version, byte[] Body);
}
