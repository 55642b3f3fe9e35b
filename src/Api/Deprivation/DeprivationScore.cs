using DistrictMap.Api.Datasets;

namespace DistrictMap.Api.Deprivation;

/// <summary>One LSOA's score, rank and decile on one index or domain of one IoD release.</summary>
public sealed class DeprivationScore
{
    public required string Release { get; set; }
    public required string LsoaCode { get; set; }
    /// <summary>One of <see cref="DeprivationDomains.All"/>.</summary>
    public required string Domain { get; set; }
    public double? Score { get; set; }
    /// <summary>1 is the most deprived LSOA in England.</summary>
    public int? Rank { get; set; }
    /// <summary>1 is the most deprived 10% of LSOAs in England.</summary>
    public int? Decile { get; set; }
    /// <summary>The exponentially transformed domain score used to combine domains into the IMD.</summary>
    public double? TransformedScore { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
