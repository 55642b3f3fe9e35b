using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistrictMap.Api.Import.Collect;

/// <summary>
/// The official datasets a deployment collects (data/geo/sources.json): where each is published,
/// in which format, under which licence, and how its fields map. Service names change between
/// releases, so they live here and not in code. <c>{district}</c> in a URL or query stands for the LAD code.
/// </summary>
public sealed record SourceManifest
{
    public required IReadOnlyList<ManifestDataset> Datasets { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static SourceManifest Load(string path)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportException(file, null, $"manifest not found ({path})");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<SourceManifest>(File.ReadAllText(path), Options)
                ?? throw new ImportException(file, null, "the manifest is empty");
            foreach (var dataset in manifest.Datasets)
            {
                if (string.IsNullOrWhiteSpace(dataset.Id) || string.IsNullOrWhiteSpace(dataset.Url))
                {
                    throw new ImportException(file, dataset.Id, "every dataset needs an id and a url");
                }
            }

            return manifest;
        }
        catch (JsonException e)
        {
            throw new ImportException(file, e.Path, $"not a valid manifest ({e.Message.Split('\n')[0]})");
        }
    }
}

public enum DatasetKind
{
    Districts,
    Wards,
    Lsoas,
    LsoaWardLookup,
    Iod,
    /// <summary>Postcode centroids (ONS Postcode Directory).</summary>
    Postcodes,
    /// <summary>Place and street names (OS Open Names).</summary>
    PlaceNames,
    /// <summary>Routes, green spaces and recycling sites from OpenStreetMap (an Overpass API answer).</summary>
    Osm,
    /// <summary>A layer of green spaces, with the manifest's field mapping.</summary>
    GreenSpaces,
    /// <summary>A layer of walking and cycling routes, with the manifest's field mapping.</summary>
    Routes,
}

public enum SourceFormat
{
    /// <summary>A GeoJSON file at a fixed URL.</summary>
    Geojson,
    /// <summary>A CSV file at a fixed URL.</summary>
    Csv,
    /// <summary>An ArcGIS feature service layer, queried as GeoJSON page by page.</summary>
    ArcgisGeojson,
    /// <summary>An ArcGIS feature service table, queried as JSON page by page and saved as CSV.</summary>
    ArcgisCsv,
    /// <summary>A zip file at a fixed URL (such as a zipped GeoPackage, or CSV files with their header file), kept as downloaded.</summary>
    Zip,
    /// <summary>An Overpass API query (the manifest's <c>query</c>, <c>{bbox}</c> standing for the district's bounding box), answered as JSON.</summary>
    Overpass,
}

public sealed record ManifestDataset
{
    public required string Id { get; init; }
    public required DatasetKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Publisher { get; init; }
    public required string Url { get; init; }
    public required SourceFormat Format { get; init; }
    /// <summary>ArcGIS <c>where</c> clause; <c>{district}</c> is replaced by the LAD code.</summary>
    public string? Where { get; init; }
    /// <summary>Query an ArcGIS layer by the district's bounding box (for layers without a LAD field).</summary>
    public bool SpatialFilter { get; init; }
    public int PageSize { get; init; } = 1000;
    public required string Licence { get; init; }
    public string? LicenceUrl { get; init; }
    public required string Attribution { get; init; }
    public string? Vintage { get; init; }
    /// <summary>Expected SHA-256 of a fixed file, when the publisher's file is known not to change.</summary>
    public string? Sha256 { get; init; }
    public ManifestFields Fields { get; init; } = new();
    /// <summary>The Overpass QL query of an <c>overpass</c> dataset; <c>{bbox}</c> stands for south,west,north,east.</summary>
    public string? Query { get; init; }
    /// <summary>
    /// Whether a load may go on without the dataset: one that is in neither the data folder nor the cache, and cannot be
    /// downloaded (offline, or the publisher unreachable), is skipped with a note instead of failing the load.
    /// </summary>
    public bool Optional { get; init; }
    /// <summary>Whether the dataset holds places (routes, green spaces, recycling sites): a run that cannot collect them falls back to sample places.</summary>
    public bool IsPlaces => Kind is DatasetKind.Osm or DatasetKind.GreenSpaces or DatasetKind.Routes;
}

/// <summary>Field names, when they differ from ONS naming or are ambiguous.</summary>
public sealed record ManifestFields
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? District { get; init; }
    public string? Lsoa { get; init; }
    public string? Ward { get; init; }
    public int? LsoaVintage { get; init; }
    public string? Release { get; init; }
    /// <summary>OS Open Names local types to keep (such as Town, Village, Named Road); all when absent.</summary>
    public IReadOnlyList<string> LocalTypes { get; init; } = [];
    /// <summary>The layer to read from a GeoPackage with several.</summary>
    public string? Layer { get; init; }
    /// <summary>Place fields read from the file's fields, such as <c>{"name": "distinctive_name_1", "type": "function"}</c>.</summary>
    public IReadOnlyDictionary<string, string> Places { get; init; } = new Dictionary<string, string>();
    /// <summary>Place fields given one value for every feature, such as <c>{"type": "nature-reserve", "access": "public"}</c>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();
    /// <summary>The values a field's features are kept for, each with the value it stands for (such as <c>"Public Park Or Garden": "park"</c>); other features are left out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Keep { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
