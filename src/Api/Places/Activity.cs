using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places;

/// <summary>A community activity or volunteering opportunity, with the time it asks of people.</summary>
public sealed class Activity : PlaceFeature
{
    /// <summary><c>activity</c> or <c>volunteering</c>.</summary>
    public required string Type { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>When it happens, as given (such as "Saturdays 10:00-12:00"); served as <c>when</c>.</summary>
    public string? Schedule { get; set; }
    /// <summary>Time needed, in hours (residents said time is the barrier to getting involved).</summary>
    public double? HoursNeeded { get; set; }
    /// <summary>A link, e-mail address or telephone number.</summary>
    public string? Contact { get; set; }
    public required Point Geometry { get; set; }
}
