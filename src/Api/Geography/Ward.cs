using DistrictMap.Api.Datasets;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Geography;

/// <summary>An electoral ward (GSS code E05...).</summary>
public sealed class Ward
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DistrictCode { get; set; }
    public District? District { get; set; }
    public required MultiPolygon Geometry { get; set; }
    /// <summary>Area on the ellipsoid, in square metres.</summary>
    public double AreaM2 { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
