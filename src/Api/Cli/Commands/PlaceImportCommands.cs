using System.ComponentModel;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Places;
using DistrictMap.Api.Places.Import;
using DistrictMap.Api.Places.Import.Osm;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

/// <summary>The options of every place layer import; each layer adds the options naming its fields.</summary>
internal abstract class PlaceImportSettings : ImportSettings
{
    [CommandOption("--id-field <FIELD>")]
    [Description("Field holding each feature's id in its source, so that re-imports update the same rows (default: id, fid or osm_id; else the feature's number).")]
    public string? IdField { get; init; }

    [CommandOption("--srid <EPSG>")]
    [Description("CRS of the coordinates, such as 27700; overrides what the file declares (default 4326).")]
    public int? Srid { get; init; }

    [CommandOption("--layer <NAME>")]
    [Description("GeoPackage table or shapefile name, when the file holds several.")]
    public string? Layer { get; init; }

    [CommandOption("--sample")]
    [Description("The file is sample content, not real data: every feature is marked sample, with the sample licence and attribution.")]
    public bool Sample { get; init; }

    /// <summary>The field each column is read from, by column (see PlaceFields), where an option names one.</summary>
    protected abstract IEnumerable<(string Column, string? Field)> FieldOptions { get; }

    /// <summary>One value per column for features whose file gives none.</summary>
    protected virtual IEnumerable<(string Column, string? Value)> ValueOptions => [];

    public PlaceImportOptions Options(PlaceLayer layer) => new()
    {
        Layer = layer,
        Path = File,
        District = District,
        FileLayer = Layer,
        Srid = Srid,
        Sample = Sample,
        Fields = FieldOptions.Append((Column: "id", Field: IdField)).Where(f => f.Field is not null).ToDictionary(f => f.Column, f => f.Field!),
        Values = ValueOptions.Where(v => v.Value is not null).ToDictionary(v => v.Column, v => v.Value!),
        Source = Source,
    };
}

internal sealed class RouteImportSettings : PlaceImportSettings
{
    [CommandOption("--name-field <FIELD>")]
    [Description("Field holding the route's name (default: name or title).")]
    public string? NameField { get; init; }

    [CommandOption("--kind-field <FIELD>")]
    [Description("Field holding walking, cycling or shared (default: kind, type or mode).")]
    public string? KindField { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("walking, cycling or shared, for routes whose file gives no kind.")]
    public string? Kind { get; init; }

    [CommandOption("--network-field <FIELD>")]
    [Description("Field holding a national cycle route number or a long-distance path's name (default: network, ref or route_ref).")]
    public string? NetworkField { get; init; }

    [CommandOption("--surface-field <FIELD>")]
    [Description("Field holding the surface (default: surface).")]
    public string? SurfaceField { get; init; }

    [CommandOption("--accessibility-field <FIELD>")]
    [Description("Field holding accessibility notes: step-free, stiles, gradient (default: accessibility or access_notes).")]
    public string? AccessibilityField { get; init; }

    protected override IEnumerable<(string, string?)> FieldOptions =>
        [("name", NameField), ("kind", KindField), ("network", NetworkField), ("surface", SurfaceField), ("accessibility", AccessibilityField)];

    protected override IEnumerable<(string, string?)> ValueOptions => [("kind", Kind)];
}

internal sealed class GreenSpaceImportSettings : PlaceImportSettings
{
    [CommandOption("--name-field <FIELD>")]
    [Description("Field holding the green space's name (default: name or site_name).")]
    public string? NameField { get; init; }

    [CommandOption("--type-field <FIELD>")]
    [Description("Field holding park, nature reserve, country park, common, woodland, playing field, allotments or play area (default: type, kind or category).")]
    public string? TypeField { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("The type of green spaces whose file gives none.")]
    public string? Type { get; init; }

    [CommandOption("--access-field <FIELD>")]
    [Description("Field holding public or restricted (default: access).")]
    public string? AccessField { get; init; }

    [CommandOption("--access <ACCESS>")]
    [Description("public or restricted, for green spaces whose file gives none (default public).")]
    public string? Access { get; init; }

    protected override IEnumerable<(string, string?)> FieldOptions => [("name", NameField), ("type", TypeField), ("access", AccessField)];

    protected override IEnumerable<(string, string?)> ValueOptions => [("type", Type), ("access", Access)];
}

internal sealed class ProjectImportSettings : PlaceImportSettings
{
    [CommandOption("--town-field <FIELD>")]
    [Description("Field holding the town (default: town).")]
    public string? TownField { get; init; }

    [CommandOption("--town <TOWN>")]
    [Description("The town of projects whose file gives none.")]
    public string? Town { get; init; }

    [CommandOption("--title-field <FIELD>")]
    [Description("Field holding the title (default: title or name).")]
    public string? TitleField { get; init; }

    [CommandOption("--description-field <FIELD>")]
    [Description("Field holding the description (default: description or summary).")]
    public string? DescriptionField { get; init; }

    [CommandOption("--status-field <FIELD>")]
    [Description("Field holding the status (default: status).")]
    public string? StatusField { get; init; }

    [CommandOption("--lead-partner-field <FIELD>")]
    [Description("Field holding the lead partner (default: lead_partner, lead or partner).")]
    public string? LeadPartnerField { get; init; }

    [CommandOption("--start-field <FIELD>")]
    [Description("Field holding the start date, yyyy-mm-dd (default: start or start_date).")]
    public string? StartField { get; init; }

    [CommandOption("--end-field <FIELD>")]
    [Description("Field holding the end date, yyyy-mm-dd (default: end or end_date).")]
    public string? EndField { get; init; }

    [CommandOption("--link-field <FIELD>")]
    [Description("Field holding a web address (default: link, url or website).")]
    public string? LinkField { get; init; }

    protected override IEnumerable<(string, string?)> FieldOptions =>
    [
        ("town", TownField), ("title", TitleField), ("description", DescriptionField), ("status", StatusField),
        ("lead_partner", LeadPartnerField), ("start_date", StartField), ("end_date", EndField), ("link", LinkField),
    ];

    protected override IEnumerable<(string, string?)> ValueOptions => [("town", Town)];
}

internal sealed class RecyclingSiteImportSettings : PlaceImportSettings
{
    [CommandOption("--name-field <FIELD>")]
    [Description("Field holding the site's name (default: name or site_name).")]
    public string? NameField { get; init; }

    [CommandOption("--materials-field <FIELD>")]
    [Description("Field holding the materials accepted: a list, or text separated by ; , or | (default: materials or accepts).")]
    public string? MaterialsField { get; init; }

    [CommandOption("--opening-field <FIELD>")]
    [Description("Field holding opening hours or notes (default: opening, opening_hours or hours).")]
    public string? OpeningField { get; init; }

    protected override IEnumerable<(string, string?)> FieldOptions => [("name", NameField), ("materials", MaterialsField), ("opening", OpeningField)];
}

internal sealed class ActivityImportSettings : PlaceImportSettings
{
    [CommandOption("--type-field <FIELD>")]
    [Description("Field holding activity or volunteering (default: type or kind).")]
    public string? TypeField { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("activity or volunteering, for features whose file gives none (default activity).")]
    public string? Type { get; init; }

    [CommandOption("--title-field <FIELD>")]
    [Description("Field holding the title (default: title or name).")]
    public string? TitleField { get; init; }

    [CommandOption("--description-field <FIELD>")]
    [Description("Field holding the description (default: description or summary).")]
    public string? DescriptionField { get; init; }

    [CommandOption("--when-field <FIELD>")]
    [Description("Field saying when it happens (default: when or schedule).")]
    public string? WhenField { get; init; }

    [CommandOption("--hours-field <FIELD>")]
    [Description("Field holding the time needed in hours (default: hours_needed, hours or time_needed).")]
    public string? HoursField { get; init; }

    [CommandOption("--contact-field <FIELD>")]
    [Description("Field holding a contact link, e-mail or telephone (default: contact, link, url or email).")]
    public string? ContactField { get; init; }

    protected override IEnumerable<(string, string?)> FieldOptions =>
    [
        ("type", TypeField), ("title", TitleField), ("description", DescriptionField), ("schedule", WhenField),
        ("hours_needed", HoursField), ("contact", ContactField),
    ];

    protected override IEnumerable<(string, string?)> ValueOptions => [("type", Type)];
}

internal abstract class PlaceImportCommand<TSettings>(PlaceFileImporter importer, DatabaseMigrator migrator, PlaceLayer layer) : AsyncCommand<TSettings>
    where TSettings : PlaceImportSettings
{
    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summary = await importer.ImportAsync(settings.Options(layer), new ConsoleProgress(Path.GetFileName(settings.File)), cancellationToken);
        SummaryTable.Write([summary]);
        return 0;
    }
}

[Description("Import walking, cycling and shared-use routes (lines) from GeoJSON, a Shapefile or a GeoPackage.")]
internal sealed class ImportRoutesCommand(PlaceFileImporter importer, DatabaseMigrator migrator)
    : PlaceImportCommand<RouteImportSettings>(importer, migrator, PlaceLayer.Routes);

[Description("Import green spaces (polygons) from GeoJSON, a Shapefile or a GeoPackage.")]
internal sealed class ImportGreenSpacesCommand(PlaceFileImporter importer, DatabaseMigrator migrator)
    : PlaceImportCommand<GreenSpaceImportSettings>(importer, migrator, PlaceLayer.GreenSpaces);

[Description("Import town-centre projects (points or polygons) from GeoJSON, a Shapefile or a GeoPackage.")]
internal sealed class ImportProjectsCommand(PlaceFileImporter importer, DatabaseMigrator migrator)
    : PlaceImportCommand<ProjectImportSettings>(importer, migrator, PlaceLayer.TownCentreProjects);

[Description("Import recycling sites (points) and the materials they accept from GeoJSON, a Shapefile or a GeoPackage.")]
internal sealed class ImportRecyclingSitesCommand(PlaceFileImporter importer, DatabaseMigrator migrator)
    : PlaceImportCommand<RecyclingSiteImportSettings>(importer, migrator, PlaceLayer.RecyclingSites);

[Description("Import community activities and volunteering opportunities (points) from GeoJSON, a Shapefile or a GeoPackage.")]
internal sealed class ImportActivitiesCommand(PlaceFileImporter importer, DatabaseMigrator migrator)
    : PlaceImportCommand<ActivityImportSettings>(importer, migrator, PlaceLayer.Activities);

[Description("Import routes, green spaces and recycling sites from OpenStreetMap: an Overpass JSON result (out geom) or OSM XML. "
    + "Recorded under the Open Database Licence (ODbL-1.0) with the OpenStreetMap attribution.")]
internal sealed class ImportOsmCommand(OsmImporter importer, DatabaseMigrator migrator) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summaries = await importer.ImportAsync(
            new OsmImportOptions { Path = settings.File, District = settings.District, Source = settings.Source },
            new ConsoleProgress(Path.GetFileName(settings.File)),
            cancellationToken);
        SummaryTable.Write(summaries);
        return 0;
    }
}

internal sealed class LoadSamplesSettings : CommandSettings
{
    [CommandOption("--district <CODE>")]
    [Description("The district whose sample files to load (default DistrictMap:Data:District).")]
    public string? District { get; init; }
}

[Description("Load the sample places written for a district (data/geo/sample/{district}-sample-{layer}.geojson): "
    + "sample content, not real data, marked as sample wherever it is shown.")]
internal sealed class LoadSamplePlacesCommand(PlaceSamples samples, DatabaseMigrator migrator, IOptions<DataOptions> options) : AsyncCommand<LoadSamplesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LoadSamplesSettings settings, CancellationToken cancellationToken)
    {
        var district = LoadReport.District(settings.District, options);
        if (samples.Files(district).Count == 0)
        {
            throw new CliException($"there are no sample places for district {district} in {options.Value.SampleDirectory}");
        }

        await migrator.MigrateAsync(cancellationToken);
        SummaryTable.Write(await samples.LoadAsync(district, file => new ConsoleProgress(file), cancellationToken));
        AnsiConsole.MarkupLine("[yellow]Sample content, not real data:[/] every feature loaded is marked sample.");
        return 0;
    }
}
