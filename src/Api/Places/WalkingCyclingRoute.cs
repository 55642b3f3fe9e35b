using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places;

/// <summary>A walking, cycling or shared-use route.</summary>
public sealed class WalkingCyclingRoute : PlaceFeature
{
    /// <summary>One of <see cref="PlaceVocabulary.RouteKinds"/>.</summary>
    public required string Kind { get; set; }
    public string? Name { get; set; }
    /// <summary>A national cycle route number or a named long-distance path.</summary>
    public string? Network { get; set; }
    public string? Surface { get; set; }
    /// <summary>Step-free, stiles, gradient: what is known, as short notes.</summary>
    public string? Accessibility { get; set; }
    /// <summary>Length on the ellipsoid, in metres.</summary>
    public double LengthM { get; set; }
    public required MultiLineString Geometry { get; set; }
}
