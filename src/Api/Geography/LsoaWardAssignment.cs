namespace DistrictMap.Api.Geography;

/// <summary>
/// The single ward an LSOA is counted in. Derived after every import: the ONS best-fit
/// lookup when it names a loaded ward, else the ward with the largest area overlap.
/// </summary>
public sealed class LsoaWardAssignment
{
    public required string LsoaCode { get; set; }
    public int LsoaVintage { get; set; }
    public required string WardCode { get; set; }
    public Ward? Ward { get; set; }
    /// <summary><see cref="AssignmentMethods.BestFit"/> or <see cref="AssignmentMethods.AreaOverlap"/>.</summary>
    public required string Method { get; set; }
    /// <summary>Share of the LSOA's area inside the ward, when the LSOA boundary is loaded.</summary>
    public double? OverlapShare { get; set; }
}

public static class AssignmentMethods
{
    public const string BestFit = "best-fit";
    public const string AreaOverlap = "area-overlap";
}
