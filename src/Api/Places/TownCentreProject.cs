using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places;

/// <summary>A project in a town centre: a point, or the area it covers.</summary>
public sealed class TownCentreProject : PlaceFeature
{
    public string? Town { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    /// <summary>The partner organisation leading it (free text until partners are loaded).</summary>
    public string? LeadPartner { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Link { get; set; }
    /// <summary>A Point or a MultiPolygon.</summary>
    public required Geometry Geometry { get; set; }
}
