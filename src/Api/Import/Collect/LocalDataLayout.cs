using System.Text.Json;

namespace DistrictMap.Api.Import.Collect;

/// <summary>
/// Where a local data folder (DISTRICTMAP_DATA_DIR) keeps copies of the manifest's datasets
/// (data/geo/local-data.json): national files under <c>default</c>, district files per LAD code.
/// Paths are relative to the data folder.
/// </summary>
public sealed record LocalDataLayout
{
    public IReadOnlyDictionary<string, LocalFile> Default { get; init; } = new Dictionary<string, LocalFile>();
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, LocalFile>> Districts { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, LocalFile>>();

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

    /// <summary>The local copy of a dataset of a district, with its full path, or null when the layout has none or it is missing.</summary>
    public LocalFile? FileFor(string dataDirectory, string district, string datasetId)
    {
        LocalFile? file = null;
        if (Districts.TryGetValue(district, out var files))
        {
            files.TryGetValue(datasetId, out file);
        }

        if (file is null)
        {
            Default.TryGetValue(datasetId, out file);
        }

        if (file is null)
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, file.Path));
        return File.Exists(full) || Directory.Exists(full) ? file with { Path = full } : null;
    }
}

/// <summary>A local copy of a dataset; title and vintage when they differ from the manifest's dataset.</summary>
public sealed record LocalFile(string Path, string? Title = null, string? Vintage = null);
