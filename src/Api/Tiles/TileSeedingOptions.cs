using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// Tiles built in the background whenever the data version moves, into the shared tile store: every tile of the
/// collections' extents at the zooms from <see cref="MinZoom"/> to <see cref="MaxZoom"/>, lowest zoom first.
/// </summary>
public sealed class TileSeedingOptions
{
    public const string Section = "DistrictMap:Tiles:Seeding";

    /// <summary>Seed after every change of the data (needs the shared store).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The collections seeded, comma-separated: by default those the map draws from tiles.</summary>
    [Required]
    public string Collections { get; set; } = "wards,lsoas";

    /// <summary>The lowest zoom seeded: the map's own lowest.</summary>
    [Range(0, TileAddress.MaxZoom)]
    public int MinZoom { get; set; } = 8;

    /// <summary>The highest zoom seeded: tiles of higher zooms are built when first asked for.</summary>
    [Range(0, TileAddress.MaxZoom)]
    public int MaxZoom { get; set; } = 14;

    /// <summary>Tiles built at once; each takes a database connection and, while it is built, a core of the database.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 1;

    /// <summary>The most tiles one seeding builds (the lowest zooms first), so that a national load does not seed for hours.</summary>
    [Range(1, 10_000_000)]
    public int MaxTiles { get; set; } = 20_000;

    /// <summary>The collection ids, trimmed.</summary>
    public IReadOnlyList<string> CollectionIds =>
        Collections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
