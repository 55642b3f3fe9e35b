using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Collect;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Places.Import;

/// <summary>
/// Loads the sample places written for a district (<c>data/geo/sample/{district}-sample-{layer}.geojson</c>): hand-written
/// content that shows what each layer looks like, marked as sample, under the sample licence and attribution.
/// </summary>
public sealed class PlaceSamples(PlaceFileImporter importer, NpgsqlDataSource dataSource, IOptions<DataOptions> options)
{
    /// <summary>The sample files of a district that exist, by layer.</summary>
    public IReadOnlyList<(PlaceLayer Layer, string Path)> Files(string district) =>
        [.. PlaceLayers.All
            .Select(layer => (layer, Path: Path.Combine(options.Value.SampleDirectory, $"{district.ToUpperInvariant()}-sample-{layer.Id()}.geojson")))
            .Where(f => File.Exists(f.Path))];

    public async Task<bool> AnyPlacesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PlaceImportSql.AnyPlaces);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Imports every sample file of the district, each as its own all-or-nothing import.</summary>
    public async Task<IReadOnlyList<ImportSummary>> LoadAsync(string district, Func<string, IImportProgress> progress, CancellationToken cancellationToken)
    {
        var summaries = new List<ImportSummary>();
        foreach (var (layer, path) in Files(district))
        {
            summaries.Add(await importer.ImportAsync(
                new PlaceImportOptions { Layer = layer, Path = path, Sample = true },
                progress(Path.GetFileName(path)),
                cancellationToken));
        }

        return summaries;
    }
}

public static class PlacesImportServiceCollectionExtensions
{
    public static IServiceCollection AddPlacesImport(this IServiceCollection services) =>
        services.AddSingleton<PlaceFileImporter>().AddSingleton<Osm.OsmImporter>().AddSingleton<PlaceSamples>()
            .AddSingleton<Search.Import.PostcodeImporter>().AddSingleton<Search.Import.PlaceNameImporter>();
}
