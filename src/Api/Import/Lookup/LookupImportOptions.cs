namespace DistrictMap.Api.Import.Lookup;

public sealed record LookupImportOptions
{
    /// <summary>An ONS LSOA-to-ward best-fit lookup CSV (<c>LSOA11CD,...,WD19CD,...</c>, any vintage).</summary>
    public required string Path { get; init; }
    /// <summary>Keep only rows of this district: by the file's LADnnCD column, else by the loaded wards of the district.</summary>
    public string? District { get; init; }
    public string? LsoaField { get; init; }
    public string? WardField { get; init; }
    /// <summary>The CSV's encoding by name, such as windows-1252; by default UTF-8 or what its byte order mark says.</summary>
    public string? Encoding { get; init; }
    public ImportSource Source { get; init; } = new();
}
