using DistrictMap.Api.Datasets;

namespace DistrictMap.Api.Deprivation;

/// <summary>The population denominators an IoD release publishes for an LSOA.</summary>
public sealed class LsoaPopulation
{
    public required string Release { get; set; }
    public required string LsoaCode { get; set; }
    public int? Total { get; set; }
    public int? Children0To15 { get; set; }
    public int? Aged16To59 { get; set; }
    public int? Aged60AndOver { get; set; }
    public int? WorkingAge { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
