namespace DistrictMap.Api.Datasets;

/// <summary>A single row whose version increases whenever an import changes data; caches key on it.</summary>
public sealed class DataState
{
    public int Id { get; set; }
    public long Version { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
