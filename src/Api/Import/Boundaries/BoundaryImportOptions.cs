namespace DistrictMap.Api.Import.Boundaries;

public sealed record BoundaryImportOptions
{
    public required BoundaryKind Kind { get; init; }
    /// <summary>A .geojson/.json, .shp, .zip, .gpkg file or a folder holding a shapefile.</summary>
    public required string Path { get; init; }
    /// <summary>Keep only features of this district (LAD code).</summary>
    public string? District { get; init; }
    public string? CodeField { get; init; }
    public string? NameField { get; init; }
    public string? DistrictField { get; init; }
    /// <summary>The CRS of the coordinates, overriding what the file declares.</summary>
    public int? Srid { get; init; }
    /// <summary>The layer (GeoPackage table, shapefile name) when the file has several.</summary>
    public string? Layer { get; init; }
    /// <summary>The LSOA vintage (2011 or 2021), when the code field name does not tell.</summary>
    public int? LsoaVintage { get; init; }
    public ImportSource Source { get; init; } = new();
}
