using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places;

/// <summary>A recycling point or centre and the materials it accepts.</summary>
public sealed class RecyclingSite : PlaceFeature
{
    public string? Name { get; set; }
    /// <summary>Materials accepted, lower case, such as <c>glass</c> or <c>paper</c>.</summary>
    public string[] Materials { get; set; } = [];
    /// <summary>Opening hours or notes, as given.</summary>
    public string? Opening { get; set; }
    public required Point Geometry { get; set; }
}
