using DistrictMap.Api.Datasets;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Geography;

/// <summary>
/// A Lower layer Super Output Area. Codes are unique within a vintage (2011 or 2021);
/// unchanged areas keep their code across vintages, so the key is the pair.
/// </summary>
public sealed class Lsoa
{
    public required string Code { get; set; }
    public int Vintage { get; set; }
    public required string Name { get; set; }
    public string? DistrictCode { get; set; }
    public required MultiPolygon Geometry { get; set; }
    /// <summary>Area on the ellipsoid, in square metres.</summary>
    public double AreaM2 { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
