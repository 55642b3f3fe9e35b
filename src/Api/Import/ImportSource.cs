namespace DistrictMap.Api.Import;

/// <summary>
/// Provenance given with an import. Anything left null takes the default for the dataset kind
/// (ONS or MHCLG titles, the Open Government Licence and its attribution statement).
/// </summary>
public sealed record ImportSource
{
    public string? Title { get; init; }
    /// <summary>The URL the file was collected from; the file name is recorded when absent.</summary>
    public string? SourceUrl { get; init; }
    public string? Licence { get; init; }
    public string? LicenceUrl { get; init; }
    public string? Attribution { get; init; }
    public string? Vintage { get; init; }
}
