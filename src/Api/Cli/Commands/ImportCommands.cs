using System.ComponentModel;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Infrastructure.Database;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

internal class ImportSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The file to import.")]
    public string File { get; init; } = "";

    [CommandOption("--district <CODE>")]
    [Description("Import only this district's records (LAD code, such as E07000111).")]
    public string? District { get; init; }

    [CommandOption("--title <TEXT>")]
    [Description("Dataset title recorded with the import.")]
    public string? Title { get; init; }

    [CommandOption("--source-url <URL>")]
    [Description("Where the file was published; the file name is recorded otherwise.")]
    public string? SourceUrl { get; init; }

    [CommandOption("--licence <ID>")]
    [Description("Licence of the data (default OGL-UK-3.0).")]
    public string? Licence { get; init; }

    [CommandOption("--licence-url <URL>")]
    public string? LicenceUrl { get; init; }

    [CommandOption("--attribution <TEXT>")]
    [Description("Attribution statement (default: the publisher's statement for the kind of data).")]
    public string? Attribution { get; init; }

    [CommandOption("--vintage <TEXT>")]
    [Description("Vintage of the dataset, such as \"May 2023\".")]
    public string? Vintage { get; init; }

    public ImportSource Source => new()
    {
        Title = Title,
        SourceUrl = SourceUrl,
        Licence = Licence,
        LicenceUrl = LicenceUrl,
        Attribution = Attribution,
        Vintage = Vintage,
    };
}

internal sealed class BoundarySettings : ImportSettings
{
    [CommandOption("--code-field <FIELD>")]
    [Description("Field holding the GSS code (default: found from ONS naming, such as WD23CD).")]
    public string? CodeField { get; init; }

    [CommandOption("--name-field <FIELD>")]
    [Description("Field holding the name (default: found from ONS naming, such as WD23NM).")]
    public string? NameField { get; init; }

    [CommandOption("--district-field <FIELD>")]
    [Description("Field holding the district's LAD code (default: LADnnCD when present).")]
    public string? DistrictField { get; init; }

    [CommandOption("--srid <EPSG>")]
    [Description("CRS of the coordinates, such as 27700; overrides what the file declares (default 4326).")]
    public int? Srid { get; init; }

    [CommandOption("--layer <NAME>")]
    [Description("GeoPackage table or shapefile name, when the file holds several.")]
    public string? Layer { get; init; }

    [CommandOption("--lsoa-vintage <YEAR>")]
    [Description("LSOA vintage, 2011 or 2021, when the code field name does not tell.")]
    public int? LsoaVintage { get; init; }
}

internal class CsvImportSettings : ImportSettings
{
    [CommandOption("--encoding <NAME>")]
    [Description("The CSV's encoding, such as windows-1252 (default: UTF-8, or UTF-16 by its byte order mark).")]
    public string? Encoding { get; init; }
}

internal sealed class LookupSettings : CsvImportSettings
{
    [CommandOption("--lsoa-field <COLUMN>")]
    [Description("Column holding the LSOA code (default: LSOAnnCD).")]
    public string? LsoaField { get; init; }

    [CommandOption("--ward-field <COLUMN>")]
    [Description("Column holding the ward code (default: WDnnCD).")]
    public string? WardField { get; init; }
}

internal sealed class IodSettings : CsvImportSettings
{
    [CommandOption("--release <CODE>")]
    [Description("IoD2019 or IoD2025 (default: from the LSOA vintage of the code column).")]
    public string? Release { get; init; }
}

internal abstract class BoundaryImportCommand(BoundaryImporter importer, DatabaseMigrator migrator, BoundaryKind kind) : AsyncCommand<BoundarySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BoundarySettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summary = await importer.ImportAsync(
            new BoundaryImportOptions
            {
                Kind = kind,
                Path = settings.File,
                District = settings.District,
                CodeField = settings.CodeField,
                NameField = settings.NameField,
                DistrictField = settings.DistrictField,
                Srid = settings.Srid,
                Layer = settings.Layer,
                LsoaVintage = settings.LsoaVintage,
                Source = settings.Source,
            },
            new ConsoleProgress(Path.GetFileName(settings.File)),
            cancellationToken);
        SummaryTable.Write([summary]);
        return 0;
    }
}

[Description("Import local authority district boundaries.")]
internal sealed class ImportDistrictsCommand(BoundaryImporter importer, DatabaseMigrator migrator)
    : BoundaryImportCommand(importer, migrator, BoundaryKind.Districts);

[Description("Import electoral ward boundaries.")]
internal sealed class ImportWardsCommand(BoundaryImporter importer, DatabaseMigrator migrator)
    : BoundaryImportCommand(importer, migrator, BoundaryKind.Wards);

[Description("Import LSOA boundaries.")]
internal sealed class ImportLsoasCommand(BoundaryImporter importer, DatabaseMigrator migrator)
    : BoundaryImportCommand(importer, migrator, BoundaryKind.Lsoas);

[Description("Import an ONS best-fit LSOA-to-ward lookup CSV.")]
internal sealed class ImportLookupCommand(LookupImporter importer, DatabaseMigrator migrator) : AsyncCommand<LookupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LookupSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summary = await importer.ImportAsync(
            new LookupImportOptions
            {
                Path = settings.File,
                District = settings.District,
                LsoaField = settings.LsoaField,
                WardField = settings.WardField,
                Encoding = settings.Encoding,
                Source = settings.Source,
            },
            new ConsoleProgress(Path.GetFileName(settings.File)),
            cancellationToken);
        SummaryTable.Write([summary]);
        return 0;
    }
}

[Description("Import an English Indices of Deprivation CSV (File 7 layout, IoD 2025, or the reduced layout).")]
internal sealed class ImportIodCommand(IodImporter importer, DatabaseMigrator migrator) : AsyncCommand<IodSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IodSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summary = await importer.ImportAsync(
            new IodImportOptions { Path = settings.File, District = settings.District, Release = settings.Release, Encoding = settings.Encoding, Source = settings.Source },
            new ConsoleProgress(Path.GetFileName(settings.File)),
            cancellationToken);
        SummaryTable.Write([summary]);
        return 0;
    }
}
