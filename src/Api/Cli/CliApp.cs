using DistrictMap.Api.Accounts;
using DistrictMap.Api.Cli.Commands;
using DistrictMap.Api.Hosting;
using DistrictMap.Api.Import;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using Npgsql;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli;

/// <summary>
/// The <c>districtmap</c> command line: imports, collect and load, database chores, and run.
/// Without a command the program serves the web application.
/// </summary>
public static class CliApp
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "run", "import", "load", "load-samples", "collect", "db", "status", "plan", "keys", "accounts", "help", "--help", "-h", "-?", "--version",
    };

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The data protection keys are stored in the database unencrypted at rest, as the web application stores them;
        // its warning saying so would break the one-line output of account commands.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddDistrictMapDatabase(builder.Configuration);
        builder.Services.AddDistrictMapImport(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<Plan.PlanWriter>();
        builder.Services.AddScoped<Plan.PlanCsv>();
        builder.Services.AddScoped<Access.ApiKeys>();
        builder.Services.AddDistrictMapAccountStore(builder.Configuration);
        builder.Services.AddSingleton<Operations.DatabaseBackups>();
        builder.Services.AddDistrictMapCollections();
        builder.Services.AddSingleton<Features.CollectionViews>();

        var app = new CommandApp(new TypeRegistrar(builder.Services));
        app.Configure(config =>
        {
            config.SetApplicationName("districtmap");
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) => Fail(exception));

            config.AddCommand<RunCommand>("run")
                .WithExample("run", "--district", "E07000111");
            config.AddBranch("import", import =>
            {
                import.SetDescription("Import one file. Each import is one transaction: on any error nothing is written.");
                import.AddCommand<ImportDistrictsCommand>("districts")
                    .WithExample("import", "districts", "lad.geojson", "--district", "E07000111");
                import.AddCommand<ImportWardsCommand>("wards")
                    .WithExample("import", "wards", "wards.gpkg", "--district", "E07000111")
                    .WithExample("import", "wards", "wards_bng.zip", "--srid", "27700");
                import.AddCommand<ImportLsoasCommand>("lsoas")
                    .WithExample("import", "lsoas", "lsoa2011.geojson", "--district", "E07000111");
                import.AddCommand<ImportLookupCommand>("lookup")
                    .WithExample("import", "lookup", "LSOA11_WD19_LU.csv", "--district", "E07000111");
                import.AddCommand<ImportIodCommand>("iod")
                    .WithExample("import", "iod", "File_7_IoD2019.csv", "--district", "E07000111");
                import.AddCommand<ImportRoutesCommand>("routes")
                    .WithExample("import", "routes", "cycle-routes.gpkg", "--district", "E07000111", "--kind", "cycling", "--network-field", "NCN_REF");
                import.AddCommand<ImportGreenSpacesCommand>("green-spaces")
                    .WithExample("import", "green-spaces", "parks.shp", "--type-field", "SITE_TYPE", "--access", "public");
                import.AddCommand<ImportProjectsCommand>("town-centre-projects")
                    .WithExample("import", "town-centre-projects", "projects.geojson", "--title-field", "PROJECT", "--lead-partner-field", "LEAD");
                import.AddCommand<ImportRecyclingSitesCommand>("recycling-sites")
                    .WithExample("import", "recycling-sites", "bring-sites.geojson", "--materials-field", "ACCEPTS");
                import.AddCommand<ImportActivitiesCommand>("activities")
                    .WithExample("import", "activities", "volunteering.geojson", "--type", "volunteering", "--hours-field", "HOURS");
                import.AddCommand<ImportOsmCommand>("osm")
                    .WithExample("import", "osm", "sevenoaks-overpass.json", "--district", "E07000111")
                    .WithExample("import", "osm", "kent-extract.osm", "--district", "E07000111");
            });
            config.AddCommand<LoadCommand>("load")
                .WithExample("load", "--district", "E07000111", "--data-dir", "../shared/data");
            config.AddBranch("load-samples", samples =>
            {
                samples.SetDescription("Load sample content written for a district: marked as sample, never real data.");
                samples.AddCommand<LoadSamplePlacesCommand>("places")
                    .WithExample("load-samples", "places", "--district", "E07000111");
            });
            config.AddCommand<CollectCommand>("collect")
                .WithExample("collect", "--district", "E07000111");
            config.AddCommand<StatusCommand>("status");
            config.AddBranch("plan", plan =>
            {
                plan.SetDescription("The community plan as CSV files (template in README.md).");
                plan.AddCommand<PlanImportCommand>("import")
                    .WithExample("plan", "import", "my-plan/", "--district", "E07000111");
                plan.AddCommand<PlanExportCommand>("export")
                    .WithExample("plan", "export", "plan-backup/", "--district", "E07000111");
            });
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("API keys for writing to the plan: stored only as hashes.");
                keys.AddCommand<KeyIssueCommand>("issue")
                    .WithExample("keys", "issue", "--name", "Jo Bloggs", "--role", "partner", "--partner", "Sample Volunteer Centre");
                keys.AddCommand<KeyListCommand>("list");
                keys.AddCommand<KeyRevokeCommand>("revoke");
            });
            config.AddBranch("accounts", accounts =>
            {
                accounts.SetDescription("Accounts people sign in with: each is invited by a mailed link to choose a password.");
                accounts.AddCommand<AccountAddAdminCommand>("add-admin")
                    .WithExample("accounts", "add-admin", "--email", "jo@example.org", "--name", "Jo Bloggs");
            });
            config.AddBranch("db", db =>
            {
                db.SetDescription("The database: migrations, backups and the private cluster.");
                db.AddCommand<DbMigrateCommand>("migrate");
                db.AddCommand<DbStartCommand>("start");
                db.AddCommand<DbStopCommand>("stop");
                db.AddCommand<DbBackupCommand>("backup").WithExample("db", "backup", "districtmap.dump");
                db.AddCommand<DbRestoreCommand>("restore").WithExample("db", "restore", "districtmap.dump", "--yes");
                db.AddCommand<DbViewsCommand>("views").WithExample("db", "views", "--schema", "gis");
            });
        });
        return await app.RunAsync(args);
    }

    /// <summary>Every failure ends as one line on standard error and a non-zero exit code.</summary>
    private static int Fail(Exception exception)
    {
        // EF Core wraps database failures; report the database's own message.
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is NpgsqlException)
            {
                exception = inner;
                break;
            }
        }

        var (message, code) = exception switch
        {
            CommandParseException or CommandRuntimeException => ($"{exception.Message} (see --help)", 2),
            ImportException or ProvisioningException or CliException => (exception.Message, 1),
            PostgresException postgres => ($"database: {postgres.MessageText}", 1),
            NpgsqlException npgsql => ($"cannot connect to PostgreSQL: {npgsql.Message}", 1),
            OperationCanceledException => ("cancelled", 130),
            _ => ($"{exception.GetType().Name}: {exception.Message}", 1),
        };
        Console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return code;
    }
}
