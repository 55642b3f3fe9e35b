namespace DistrictMap.Api.Deprivation;

/// <summary>
/// A ward's deprivation on one index of one IoD release, aggregated from its LSOAs
/// (the materialized view <c>ward_deprivation</c>; method in docs/ward-deprivation.md).
/// </summary>
public sealed class WardDeprivation
{
    public required string WardCode { get; init; }
    public required string DistrictCode { get; init; }
    public required string Release { get; init; }
    public required string Domain { get; init; }
    public int LsoaCount { get; init; }
    public long? Population { get; init; }
    /// <summary>True when every LSOA had a population, so that means are population-weighted.</summary>
    public bool PopulationWeighted { get; init; }
    public double? Score { get; init; }
    public double? TransformedScore { get; init; }
    public int? WorstDecile { get; init; }
    public int? WorstRank { get; init; }
    public int LsoasInMostDeprived10 { get; init; }
    public int LsoasInMostDeprived20 { get; init; }
    public int LsoasInMostDeprived30 { get; init; }
    public double? PopulationShareInMostDeprived10 { get; init; }
    public double? PopulationShareInMostDeprived20 { get; init; }
    public double? PopulationShareInMostDeprived30 { get; init; }
    /// <summary>1 is the most deprived ward of its district on this index.</summary>
    public int? DistrictRank { get; init; }
    public int DistrictWardCount { get; init; }
    /// <summary><c>score</c> or <c>transformed-score</c>: what <see cref="DistrictRank"/> orders by.</summary>
    public string? RankBasis { get; init; }
}
