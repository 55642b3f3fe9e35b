using DistrictMap.Api.Import;

namespace DistrictMap.Api.Places.Import;

/// <summary>An import of one layer of places from a GeoJSON, Shapefile or GeoPackage file.</summary>
public sealed record PlaceImportOptions
{
    public required PlaceLayer Layer { get; init; }
    /// <summary>A .geojson/.json, .shp, .zip, .gpkg file or a folder holding a shapefile.</summary>
    public required string Path { get; init; }
    /// <summary>Keep only features touching this district's (loaded) boundary.</summary>
    public string? District { get; init; }
    /// <summary>The layer (GeoPackage table, shapefile name) when the file has several.</summary>
    public string? FileLayer { get; init; }
    /// <summary>The CRS of the coordinates, overriding what the file declares.</summary>
    public int? Srid { get; init; }
    /// <summary>Field names by column (see <see cref="PlaceFields"/>), for files whose fields have other names.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    /// <summary>One value by column for every feature whose file gives none, such as a route kind.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    /// <summary>Features are kept only when this field's value is one of the map's keys, and take the value it maps to (such as OS Open Greenspace's <c>function</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Keep { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
    /// <summary>Every feature is sample content, recorded with the sample licence and attribution.</summary>
    public bool Sample { get; init; }
    public ImportSource Source { get; init; } = new();
}

/// <summary>The provenance statements of places: sample content, and data under the Open Government Licence.</summary>
public static class PlaceProvenance
{
    public const string SampleLicence = "sample content, not real data";
    public const string SampleAttribution = "Sample content written for DistrictMap; not real data";
    public const string OglAttribution = "Contains public sector information licensed under the Open Government Licence v3.0.";

    /// <summary>The dataset key of a layer imported from a file: the layer, the file name and the district (or all).</summary>
    public static string DatasetKey(PlaceLayer layer, string fileName, string? district) => $"{layer.Id()}:{fileName}:{district ?? "all"}";

    /// <summary>The provenance of a place file's dataset, defaulting to the Open Government Licence, or to the sample statements.</summary>
    public static DatasetRecord ForFile(PlaceLayer layer, string path, string fileName, string? district, bool sample, ImportSource source, int rows) =>
        new(
            Key: DatasetKey(layer, fileName, district),
            Kind: layer.Id(),
            Title: source.Title ?? (sample ? $"{layer.Title()}: sample content" : $"{layer.Title()} ({fileName})"),
            Source: source.SourceUrl ?? fileName,
            Licence: source.Licence ?? (sample ? SampleLicence : Attribution.OglLicence),
            LicenceUrl: source.LicenceUrl ?? (source.Licence is null && !sample ? Attribution.OglLicenceUrl : null),
            Attribution: source.Attribution ?? (sample ? SampleAttribution : OglAttribution),
            Vintage: source.Vintage,
            Rows: rows,
            Sha256: FileDigest.Sha256(path));
}
