using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Import.Collect;

/// <summary>What happened to one dataset of a load: imported (a summary), failed (an error), or skipped (an optional dataset that could not be had, and how to collect it).</summary>
public sealed record LoadResult(string DatasetId, string Origin, ImportSummary? Summary, string? Error, string? Skipped = null);

/// <summary>What to load and from where. Null paths take the configured ones.</summary>
public sealed record LoadRequest(string District)
{
    /// <summary>Look in the local data folder first.</summary>
    public bool UseDataDirectory { get; init; } = true;
    public DownloadPolicy Download { get; init; } = DownloadPolicy.IfMissing;
    public string? Manifest { get; init; }
    public string? CacheDirectory { get; init; }
    public string? DataDirectory { get; init; }
    /// <summary>Skip an optional dataset that cannot be had instead of failing it (the collect command, asked to download, fails it).</summary>
    public bool SkipOptional { get; init; } = true;
}

public enum DownloadPolicy
{
    /// <summary>Only what the data folder or the cache holds.</summary>
    Never,
    /// <summary>Download what neither the data folder nor the cache holds.</summary>
    IfMissing,
    /// <summary>Download again even what the cache holds.</summary>
    Always,
}

/// <summary>
/// Loads one district's datasets in manifest order, each from the first place that has it:
/// the local data folder, the collect cache, or a fresh download (which is then cached).
/// Each dataset imports in its own transaction; one that fails leaves the others in place.
/// </summary>
public sealed class DistrictLoader(IOptions<DataOptions> options, DatasetImport import, Collector collector, NpgsqlDataSource dataSource)
{
    /// <param name="request">What to load.</param>
    /// <param name="progress">Progress reporting for a dataset.</param>
    /// <param name="onResult">Called as each dataset completes, for reporting.</param>
    /// <param name="cancellationToken">Stops the load between steps.</param>
    public async Task<IReadOnlyList<LoadResult>> LoadAsync(LoadRequest request, Func<ManifestDataset, IImportProgress> progress, Action<LoadResult>? onResult, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var manifest = SourceManifest.Load(request.Manifest ?? settings.Manifest);
        var layout = LocalDataLayout.Load(settings.LocalLayout);
        var dataDirectory = request.DataDirectory ?? settings.Directory;
        if (!request.UseDataDirectory || string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = null;
        }

        var cacheDirectory = request.CacheDirectory ?? settings.CacheDirectory;
        var district = request.District.Trim().ToUpperInvariant();
        var results = new List<LoadResult>();
        foreach (var dataset in manifest.Datasets)
        {
            var result = await LoadOneAsync(dataset, district, dataDirectory, layout, cacheDirectory, request.Download, progress(dataset), cancellationToken);
            if (result.Error is not null && result.Origin is "none" or "download" && dataset.Optional && request.SkipOptional)
            {
                result = result with { Error = null, Skipped = $"{result.Error}; collect it with ./districtmap collect --district {district} where {new Uri(dataset.Url).Host} can be reached" };
            }

            results.Add(result);
            onResult?.Invoke(result);
        }

        return results;
    }

    private async Task<LoadResult> LoadOneAsync(ManifestDataset dataset, string district, string? dataDirectory, LocalDataLayout layout, string cacheDirectory, DownloadPolicy download, IImportProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            var local = dataDirectory is null ? null : layout.FileFor(dataDirectory, district, dataset.Id);
            if (local is not null)
            {
                var relative = Path.GetRelativePath(dataDirectory!, local.Path);
                var copy = dataset with { Title = local.Title ?? dataset.Title, Vintage = local.Vintage ?? dataset.Vintage };
                var summary = await import.ImportAsync(copy, local.Path, district, $"{relative} (local copy)", progress, cancellationToken);
                return new LoadResult(dataset.Id, $"data folder: {relative}", summary, null);
            }

            var cached = CachePath(cacheDirectory, dataset, district);
            if (download == DownloadPolicy.Always || !File.Exists(cached))
            {
                if (download == DownloadPolicy.Never)
                {
                    return new LoadResult(dataset.Id, "none", null, "not in the data folder or the cache");
                }

                await collector.DownloadAsync(dataset, district, await BoundingBoxAsync(district, cancellationToken), cached, progress, cancellationToken);
            }

            var imported = await import.ImportAsync(dataset, cached, district, dataset.Url, progress, cancellationToken);
            return new LoadResult(dataset.Id, $"cache: {Path.GetRelativePath(Directory.GetCurrentDirectory(), cached)}", imported, null);
        }
        catch (ImportException e)
        {
            return new LoadResult(dataset.Id, "-", null, e.Message);
        }
        catch (HttpRequestException e)
        {
            return new LoadResult(dataset.Id, "download", null, $"could not download {dataset.Url}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new LoadResult(dataset.Id, "download", null, $"timed out downloading {dataset.Url}");
        }
    }

    /// <summary>Where the collect command keeps a dataset of a district.</summary>
    public static string CachePath(string cacheDirectory, ManifestDataset dataset, string district)
    {
        var extension = dataset.Format switch
        {
            SourceFormat.Csv or SourceFormat.ArcgisCsv => "csv",
            SourceFormat.Zip => "zip",
            SourceFormat.Overpass => "overpass.json",
            _ => "geojson",
        };
        return Path.GetFullPath(Path.Combine(cacheDirectory, district, $"{dataset.Id}.{extension}"));
    }

    private async Task<(double, double, double, double)?> BoundingBoxAsync(string district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM districts WHERE code = $1 AND geom IS NOT NULL");
        command.Parameters.AddWithValue(district);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }
}
