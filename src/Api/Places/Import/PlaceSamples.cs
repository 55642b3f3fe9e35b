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

    /// <summary>
    /// Imports the district's sample files, each as its own all-or-nothing import, for the layers with no real places in the
    /// district: real and sample are never mixed (a real import removes a layer's samples). With <paramref name="again"/> false,
    /// layers whose samples are already loaded are left as they are.
    /// </summary>
    public async Task<IReadOnlyList<ImportSummary>> LoadAsync(string district, Func<string, IImportProgress> progress, CancellationToken cancellationToken, bool again = true)
    {
        var summaries = new List<ImportSummary>();
        foreach (var (layer, path) in Files(district))
        {
            var (real, sample) = await HeldAsync(layer, district, cancellationToken);
            if (real > 0 || (sample > 0 && !again))
            {
                continue;
            }

            summaries.Add(await importer.ImportAsync(
                new PlaceImportOptions { Layer = layer, Path = path, Sample = true },
                progress(Path.GetFileName(path)),
                cancellationToken));
        }

        return summaries;
    }

    private async Task<(long Real, long Sample)> HeldAsync(PlaceLayer layer, string district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*) FILTER (WHERE NOT sample), count(*) FILTER (WHERE sample) FROM {layer.Table()} WHERE district_code = $1");
        command.Parameters.AddWithValue(district.ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

public static class PlacesImportServiceCollectionExtensions
{
    public static IServiceCollection AddPlacesImport(this IServiceCollection services) =>
        services.AddSingleton<PlaceFileImporter>().AddSingleton<Osm.OsmImporter>().AddSingleton<PlaceSamples>()
            .AddSingleton<Search.Import.PostcodeImporter>().AddSingleton<Search.Import.PlaceNameImporter>();
}
