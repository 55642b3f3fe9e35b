using System.Text.Json;

namespace DistrictMap.Api.Import.Collect;

/// <summary>
/// Where a local data folder (DISTRICTMAP_DATA_DIR) keeps copies of the manifest's datasets
/// (data/geo/local-data.json): national files under <c>default</c>, district files per LAD code.
/// Paths are relative to the data folder.
/// </summary>
public sealed record LocalDataLayout
{
    public IReadOnlyDictionary<string, string> Default { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Districts { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static LocalDataLayout Load(string path)
    {
        if (!File.Exists(path))
        {
            return new LocalDataLayout();
        }

        try
        {
            return JsonSerializer.Deserialize<LocalDataLayout>(File.ReadAllText(path), Options) ?? new LocalDataLayout();
        }
        catch (JsonException e)
        {
            throw new ImportException(Path.GetFileName(path), e.Path, $"not a valid layout file ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The local file for a dataset of a district, or null when the layout has none or it is missing.</summary>
    public string? FileFor(string dataDirectory, string district, string datasetId)
    {
        string? relative = null;
        if (Districts.TryGetValue(district, out var files))
        {
            files.TryGetValue(datasetId, out relative);
        }

        if (relative is null)
        {
            Default.TryGetValue(datasetId, out relative);
        }

        if (relative is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(dataDirectory, relative));
        return File.Exists(full) || Directory.Exists(full) ? full : null;
    }
}
