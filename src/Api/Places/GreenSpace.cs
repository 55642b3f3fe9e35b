using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places;

/// <summary>A park, nature reserve, common, woodland or other green space.</summary>
public sealed class GreenSpace : PlaceFeature
{
    public string? Name { get; set; }
    /// <summary>One of <see cref="PlaceVocabulary.GreenSpaceTypes"/>.</summary>
    public required string Type { get; set; }
    /// <summary><c>public</c> or <c>restricted</c>.</summary>
    public required string Access { get; set; }
    /// <summary>Area on the ellipsoid, in square metres.</summary>
    public double AreaM2 { get; set; }
    public required MultiPolygon Geometry { get; set; }
}
