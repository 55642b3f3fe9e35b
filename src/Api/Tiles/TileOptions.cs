using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Tiles;

public sealed class TileOptions
{
    public const string Section = "DistrictMap:Tiles";

    /// <summary>
    /// Memory for tiles already built, in megabytes (0: none). A tile is kept under its data version, so a
    /// re-import makes every kept tile unreachable at once; the least used go first when the memory is full.
    /// </summary>
    [Range(0, 4096)]
    public int CacheMegabytes { get; set; } = 64;
}
