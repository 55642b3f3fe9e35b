using System.ComponentModel;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Api.Infrastructure.Database;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

internal class DistrictSettings : CommandSettings
{
    [CommandOption("--district <CODE>")]
    [Description("The district to load (LAD code, such as E07000111); default DistrictMap:Data:District.")]
    public string? District { get; init; }

    [CommandOption("--manifest <FILE>")]
    [Description("The manifest of official sources (default data/geo/sources.json).")]
    public string? Manifest { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Where downloads are kept (default data/cache).")]
    public string? Cache { get; init; }
}

internal sealed class LoadSettings : DistrictSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("A folder of local copies of the official files (default: DISTRICTMAP_DATA_DIR).")]
    public string? DataDirectory { get; init; }

    [CommandOption("--offline")]
    [Description("Never download: use only the data folder and the cache.")]
    public bool Offline { get; init; }
}

internal sealed class CollectSettings : DistrictSettings
{
    [CommandOption("--force")]
    [Description("Download again even what the cache holds.")]
    public bool Force { get; init; }
}

/// <summary>Runs a district load and prints what happened to each dataset.</summary>
internal static class LoadReport
{
    /// <param name="held">What the database held before, when the caller knows: a load that finds no files then says so instead of "no data".</param>
    public static async Task<int> RunAsync(DistrictLoader loader, IOptions<DataOptions> options, LoadRequest request, CancellationToken cancellationToken, DistrictHoldings? held = null)
    {
        var results = await loader.LoadAsync(
            request,
            dataset => new ConsoleProgress(dataset.Id),
            result => Console.WriteLine(
                result.Error is not null ? $"{result.DatasetId}: not loaded: {result.Error}"
                : result.Skipped is not null ? $"{result.DatasetId}: skipped (optional): {result.Skipped}"
                : $"{result.DatasetId} ({result.Origin}): {result.Summary}"),
            cancellationToken);
        var summaries = results.Count(r => r.Summary is not null);
        var failed = results.Where(r => r.Error is not null).ToList();
        if (failed.Count > 0 && summaries == 0 && held is { Any: true })
        {
            AnsiConsole.MarkupLine($"No new files were found for {Markup.Escape(request.District)}; the database already holds {Markup.Escape(held.ToString())}.");
        }
        else if (failed.Count > 0 && summaries == 0)
        {
            AnsiConsole.MarkupLine(
                $"[yellow]No data was loaded for {Markup.Escape(request.District)}.[/] Set {Import.ImportServiceCollectionExtensions.DataDirectoryVariable} to a folder of the official files "
                + $"(layout in {Markup.Escape(options.Value.LocalLayout)}), or run [bold]./districtmap collect --district {Markup.Escape(request.District)}[/] where the publishers' sites can be reached.");
        }

        return failed.Count == 0 ? 0 : 1;
    }

    public static string District(string? given, IOptions<DataOptions> options) =>
        given ?? options.Value.District
        ?? throw new CliException("no district given: pass --district CODE (a LAD code such as E07000111) or set DistrictMap:Data:District");
}

[Description("Load a district's datasets: from the local data folder, else the collect cache, else by downloading.")]
internal sealed class LoadCommand(DistrictLoader loader, DatabaseMigrator migrator, IOptions<DataOptions> options) : AsyncCommand<LoadSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LoadSettings settings, CancellationToken cancellationToken)
    {
        var district = LoadReport.District(settings.District, options);
        await migrator.MigrateAsync(cancellationToken);
        return await LoadReport.RunAsync(
            loader,
            options,
            new LoadRequest(district)
            {
                Download = settings.Offline ? DownloadPolicy.Never : DownloadPolicy.IfMissing,
                Manifest = settings.Manifest,
                CacheDirectory = settings.Cache,
                DataDirectory = settings.DataDirectory,
            },
            cancellationToken);
    }
}

[Description("Download the manifest's official files for a district into the cache, check them, and import them.")]
internal sealed class CollectCommand(DistrictLoader loader, DatabaseMigrator migrator, IOptions<DataOptions> options) : AsyncCommand<CollectSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CollectSettings settings, CancellationToken cancellationToken)
    {
        var district = LoadReport.District(settings.District, options);
        await migrator.MigrateAsync(cancellationToken);
        return await LoadReport.RunAsync(
            loader,
            options,
            new LoadRequest(district)
            {
                UseDataDirectory = false,
                SkipOptional = false,
                Download = settings.Force ? DownloadPolicy.Always : DownloadPolicy.IfMissing,
                Manifest = settings.Manifest,
                CacheDirectory = settings.Cache,
            },
            cancellationToken);
    }
}
