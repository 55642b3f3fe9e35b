namespace DistrictMap.Api.Datasets;

/// <summary>Provenance of an imported dataset: where it came from, under which licence, and what was read.</summary>
public sealed class Dataset
{
    public int Id { get; set; }
    /// <summary>Stable identity of the import, such as <c>wards:E07000111</c>; re-imports update the same row.</summary>
    public required string Key { get; set; }
    /// <summary>What the dataset holds: districts, wards, lsoas, lsoa-ward-lookup or iod.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The URL it was collected from, or the file name it was imported from.</summary>
    public required string Source { get; set; }
    public required string Licence { get; set; }
    public string? LicenceUrl { get; set; }
    public required string Attribution { get; set; }
    public string? Vintage { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    /// <summary>Records kept from the source after the district filter.</summary>
    public int Rows { get; set; }
    /// <summary>SHA-256 of the source file, lower-case hex.</summary>
    public required string Sha256 { get; set; }
}
