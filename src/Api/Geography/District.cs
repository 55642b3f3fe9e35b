using DistrictMap.Api.Datasets;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Geography;

/// <summary>A local authority district (GSS code E06/E07/E08/E09...).</summary>
public sealed class District
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The outline, when a district boundary file has been imported.</summary>
    public MultiPolygon? Geometry { get; set; }
    /// <summary>Area on the ellipsoid, in square metres.</summary>
    public double? AreaM2 { get; set; }
    public int? DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
