using DistrictMap.Api.Datasets;

namespace DistrictMap.Api.Places;

/// <summary>
/// Another source of a green space already stored from an earlier dataset: the same park from OpenStreetMap and OS Open
/// Greenspace, say, matched by overlap, is one green space that keeps every source it came from.
/// </summary>
public sealed class GreenSpaceSource
{
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    /// <summary>The feature's identity in that dataset.</summary>
    public required string SourceId { get; set; }
    public int GreenSpaceId { get; set; }
    public GreenSpace? GreenSpace { get; set; }
}
