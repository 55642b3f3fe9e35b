namespace DistrictMap.Api.Import.Deprivation;

public sealed record IodImportOptions
{
    /// <summary>An IoD CSV in the official layout (File 7 and the like) or the reduced one.</summary>
    public required string Path { get; init; }
    /// <summary>Keep only LSOAs of this district (by the file's LAD code column).</summary>
    public string? District { get; init; }
    /// <summary>IoD2019 or IoD2025; by default, from the LSOA vintage of the code column.</summary>
    public string? Release { get; init; }
    /// <summary>The CSV's encoding by name, such as windows-1252; by default UTF-8 or what its byte order mark says.</summary>
    public string? Encoding { get; init; }
    public ImportSource Source { get; init; } = new();
}
