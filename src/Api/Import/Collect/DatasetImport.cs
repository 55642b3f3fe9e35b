using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Places;
using DistrictMap.Api.Places.Import;
using DistrictMap.Api.Places.Import.Osm;
using DistrictMap.Api.Search.Import;

namespace DistrictMap.Api.Import.Collect;

/// <summary>Imports a file as the manifest dataset it stands for, with the manifest's provenance and field mapping.</summary>
public sealed class DatasetImport(BoundaryImporter boundaries, LookupImporter lookup, IodImporter iod, PostcodeImporter postcodes, PlaceNameImporter names, PlaceFileImporter places, OsmImporter osm)
{
    public async Task<ImportSummary> ImportAsync(ManifestDataset dataset, string file, string? district, string source, IImportProgress progress, CancellationToken cancellationToken)
    {
        var provenance = new ImportSource
        {
            Title = dataset.Title,
            SourceUrl = source,
            Licence = dataset.Licence,
            LicenceUrl = dataset.LicenceUrl,
            Attribution = dataset.Attribution,
            Vintage = dataset.Vintage,
        };
        return dataset.Kind switch
        {
            DatasetKind.Postcodes => await postcodes.ImportAsync(
                new GazetteerImportOptions { Path = file, District = district, Source = provenance }, progress, cancellationToken),
            DatasetKind.PlaceNames => await names.ImportAsync(
                new GazetteerImportOptions { Path = file, District = district, LocalTypes = dataset.Fields.LocalTypes, Source = provenance }, progress, cancellationToken),
            DatasetKind.Osm => Combine(dataset.Id, await osm.ImportAsync(new OsmImportOptions { Path = file, District = district, Source = provenance }, progress, cancellationToken)),
            DatasetKind.GreenSpaces or DatasetKind.Routes => await places.ImportAsync(
                new PlaceImportOptions
                {
                    Layer = dataset.Kind == DatasetKind.Routes ? PlaceLayer.Routes : PlaceLayer.GreenSpaces,
                    Path = file,
                    District = district,
                    FileLayer = dataset.Fields.Layer,
                    Fields = dataset.Fields.Places,
                    Values = dataset.Fields.Values,
                    Keep = dataset.Fields.Keep,
                    Source = provenance,
                },
                progress,
                cancellationToken),
            DatasetKind.LsoaWardLookup => await lookup.ImportAsync(
                new LookupImportOptions { Path = file, District = district, LsoaField = dataset.Fields.Lsoa, WardField = dataset.Fields.Ward, Source = provenance },
                progress,
                cancellationToken),
            DatasetKind.Iod => await iod.ImportAsync(
                new IodImportOptions { Path = file, District = district, Release = dataset.Fields.Release, Source = provenance },
                progress,
                cancellationToken),
            _ => await boundaries.ImportAsync(
                new BoundaryImportOptions
                {
                    Kind = dataset.Kind switch
                    {
                        DatasetKind.Districts => BoundaryKind.Districts,
                        DatasetKind.Wards => BoundaryKind.Wards,
                        _ => BoundaryKind.Lsoas,
                    },
                    Path = file,
                    District = district,
                    CodeField = dataset.Fields.Code,
                    NameField = dataset.Fields.Name,
                    DistrictField = dataset.Fields.District,
                    LsoaVintage = dataset.Fields.LsoaVintage,
                    Source = provenance,
                },
                progress,
                cancellationToken),
        };
    }

    /// <summary>One summary for an import that wrote several layers.</summary>
    private static ImportSummary Combine(string id, IReadOnlyList<ImportSummary> layers) =>
        new(id, layers.Max(l => l.Read), layers.Sum(l => l.Skipped), layers.Sum(l => l.Written), layers.Sum(l => l.Unchanged), layers.Sum(l => l.Repaired), 0, layers.Max(l => l.Elapsed));
}
