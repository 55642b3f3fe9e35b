using DistrictMap.Api.Datasets;
using DistrictMap.Api.Geography;

namespace DistrictMap.Api.Places;

/// <summary>
/// What every place (route, green space, town-centre project, recycling site, activity) has: its identity within the
/// dataset it was imported from, that dataset's provenance, the district it was found in, and whether it is sample content.
/// </summary>
public abstract class PlaceFeature
{
    public int Id { get; set; }
    /// <summary>The feature's identity in its source, such as <c>way/123</c> or a file's id field; re-imports update the same row.</summary>
    public required string SourceId { get; set; }
    /// <summary>Sample content written for demonstration: never presented as surveyed fact.</summary>
    public bool Sample { get; set; }
    /// <summary>The district whose boundary holds the feature, when that boundary is loaded.</summary>
    public string? DistrictCode { get; set; }
    public District? District { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
