using DistrictMap.Api.Datasets;

namespace DistrictMap.Api.Geography;

/// <summary>One row of an ONS best-fit LSOA-to-ward lookup, as published.</summary>
public sealed class LsoaWardLookupEntry
{
    public required string LsoaCode { get; set; }
    public int LsoaVintage { get; set; }
    public required string WardCode { get; set; }
    public string? WardName { get; set; }
    public string? DistrictCode { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
