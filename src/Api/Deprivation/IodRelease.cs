namespace DistrictMap.Api.Deprivation;

/// <summary>A release of the English Indices of Deprivation and the LSOA geography it uses.</summary>
public sealed class IodRelease
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int LsoaVintage { get; set; }
    /// <summary>Number of LSOAs ranked nationally: ranks run from 1 (most deprived) to this.</summary>
    public int LsoaCount { get; set; }
    public DateOnly Published { get; set; }
}
