using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;

namespace DistrictMap.Api.Import.Collect;

/// <summary>Imports a file as the manifest dataset it stands for, with the manifest's provenance and field mapping.</summary>
public sealed class DatasetImport(BoundaryImporter boundaries, LookupImporter lookup, IodImporter iod)
{
    public Task<ImportSummary> ImportAsync(ManifestDataset dataset, string file, string? district, string source, IImportProgress progress, CancellationToken cancellationToken)
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
            DatasetKind.LsoaWardLookup => lookup.ImportAsync(
                new LookupImportOptions { Path = file, District = district, LsoaField = dataset.Fields.Lsoa, WardField = dataset.Fields.Ward, Source = provenance },
                progress,
                cancellationToken),
            DatasetKind.Iod => iod.ImportAsync(
                new IodImportOptions { Path = file, District = district, Release = dataset.Fields.Release, Source = provenance },
                progress,
                cancellationToken),
            _ => boundaries.ImportAsync(
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
}
