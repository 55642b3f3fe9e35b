using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Tiles;

/// <summary>The tile store every instance shares: built tiles kept in PostgreSQL (the table tile_store) under their data version.</summary>
public sealed class SharedTileStoreOptions
{
    public const string Section = "DistrictMap:Tiles:Store";

    /// <summary>Keep built tiles in the database, for every instance and across restarts (false: each instance builds its own).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tiles waiting to be written; when the queue is full a tile is not stored (and is built again when next asked for).</summary>
    [Range(1, 100_000)]
    public int WriteQueue { get; set; } = 1000;
}
