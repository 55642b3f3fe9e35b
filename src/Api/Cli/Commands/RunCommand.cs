using System.ComponentModel;
using DistrictMap.Api.Hosting;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Map;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Places.Import;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

internal sealed class RunSettings : CommandSettings
{
    [CommandOption("--district <CODE>")]
    [Description("The district to load before serving (default DistrictMap:Data:District).")]
    public string? District { get; init; }

    [CommandOption("--urls <URLS>")]
    [Description($"Where to listen (default {DistrictMapWebApp.DefaultUrl}).")]
    public string? Urls { get; init; }

    [CommandOption("--offline")]
    [Description("Never download: load only from the data folder and the cache.")]
    public bool Offline { get; init; }
}

[Description("Provision the database, migrate it, load the district, and serve the map and the API.")]
internal sealed class RunCommand(
    DatabaseConnection database,
    DatabaseMigrator migrator,
    DistrictLoader loader,
    NpgsqlDataSource dataSource,
    PlanCsv plan,
    PlaceSamples samples,
    IOptions<DataOptions> options) : AsyncCommand<RunSettings>
{
    /// <summary>Loads the sample plan written for the district, when there is one and the district has no plan yet.</summary>
    private async Task LoadSamplePlanAsync(string district, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetDirectoryName(options.Value.Manifest) ?? "data/geo", "sample", "plan", district);
        await using var count = dataSource.CreateCommand("SELECT (SELECT count(*) FROM actions WHERE district_code = $1), (SELECT count(*) FROM districts WHERE code = $1)");
        count.Parameters.AddWithValue(district);
        long actions, districts;
        await using (var reader = await count.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (actions, districts) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        if (actions > 0 || districts == 0 || !Directory.Exists(folder))
        {
            return;
        }

        try
        {
            var summary = await plan.ImportAsync(folder, district, sample: true, replace: false, cancellationToken);
            AnsiConsole.MarkupLine($"Loaded the [bold]sample[/] plan ({Markup.Escape(summary.ToString())}); it is marked as sample everywhere it appears.");
        }
        catch (PlanImportException e)
        {
            Console.Error.WriteLine($"error: the sample plan in {folder} did not load: {e.Message}");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        AnsiConsole.MarkupLine(database.IsConfigured
            ? $"Database: the configured connection ({Markup.Escape($"{connection.Host}:{connection.Port}/{connection.Database}")})"
            : $"Database: private cluster on 127.0.0.1:{connection.Port}, database {Markup.Escape(connection.Database ?? "")}");
        var applied = await migrator.MigrateAsync(cancellationToken);
        AnsiConsole.MarkupLine(applied.Count == 0 ? "Schema: up to date" : $"Schema: applied {applied.Count} migration(s)");

        var district = settings.District ?? options.Value.District;
        if (district is null)
        {
            AnsiConsole.MarkupLine("[yellow]No district chosen:[/] give --district CODE (such as E07000111) to load one.");
        }
        else
        {
            var code = district.Trim().ToUpperInvariant();
            try
            {
                await LoadReport.RunAsync(
                    loader,
                    options,
                    new LoadRequest(district) { Download = settings.Offline ? DownloadPolicy.Never : DownloadPolicy.IfMissing },
                    cancellationToken,
                    await DistrictHoldings.ReadAsync(dataSource, code, cancellationToken));
            }
            catch (ImportException e)
            {
                // The service starts without data rather than not at all.
                Console.Error.WriteLine($"error: {e.Message}");
            }

            await LoadSamplePlanAsync(code, cancellationToken);
            await LoadSamplePlacesAsync(code, cancellationToken);
            var holdings = await DistrictHoldings.ReadAsync(dataSource, code, cancellationToken);
            AnsiConsole.MarkupLine(holdings.Any
                ? $"The database holds {Markup.Escape(holdings.ToString())}."
                : $"[yellow]The database holds nothing for {Markup.Escape(code)}.[/]");
        }

        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM wards"))
        {
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                AnsiConsole.MarkupLine("[yellow]The database holds no wards yet.[/] The service starts anyway; load data with "
                    + "[bold]./districtmap load --district CODE[/] (set DISTRICTMAP_DATA_DIR for local files) and see README.md, section Data.");
            }
        }

        var urls = settings.Urls ?? DistrictMapWebApp.DefaultUrl;
        // The map opens on the district just loaded.
        string[] mapDistrict = district is null ? [] : [$"--{MapOptions.Section}:{nameof(MapOptions.District)}={district.Trim().ToUpperInvariant()}"];
        await using var app = DistrictMapWebApp.Build(["--urls", urls, "--contentRoot", AppContext.BaseDirectory, .. mapDistrict]);
        await app.StartAsync(cancellationToken);
        foreach (var url in app.Urls)
        {
            var root = url.TrimEnd('/');
            AnsiConsole.MarkupLine($"""
                DistrictMap is serving:
                  map              {root}/
                  API docs         {root}/docs
                  OpenAPI          {root}/openapi/v1.json
                  health           {root}/health/ready
                Press Ctrl+C to stop.
                """);
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// Shows what the places layers look like until real ones are imported: the district's sample places, marked as sample,
    /// for each layer with no real places in the district; a real import removes them.
    /// </summary>
    private async Task LoadSamplePlacesAsync(string district, CancellationToken cancellationToken)
    {
        try
        {
            var loaded = await samples.LoadAsync(district, file => new ConsoleProgress(file), cancellationToken, again: false);
            if (loaded.Count == 0)
            {
                return;
            }

            SummaryTable.Write(loaded);
            AnsiConsole.MarkupLine($"[yellow]Places: sample content, not real data,[/] in {Markup.Escape(string.Join(", ", loaded.Select(s => s.Dataset.Split(':')[0])))} "
                + "until real ones are collected ([bold]./districtmap collect[/] where OpenStreetMap and the publishers can be reached, or [bold]./districtmap import osm FILE[/]; see README.md, section Places).");
        }
        catch (ImportException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
        }
    }
}
