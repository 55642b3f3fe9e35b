using System.ComponentModel;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Access;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

internal sealed class PlanImportSettings : CommandSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("A folder of plan CSV files: partners.csv, indicators.csv, actions.csv, and optionally priorities.csv, action-updates.csv, indicator-values.csv.")]
    public string Folder { get; init; } = "";

    [CommandOption("--district <CODE>")]
    [Description("The district the plan is for (LAD code).")]
    public string District { get; init; } = "";

    [CommandOption("--sample")]
    [Description("Mark everything imported as sample content.")]
    public bool Sample { get; init; }

    [CommandOption("--replace")]
    [Description("Also remove the district's actions that are not in actions.csv.")]
    public bool Replace { get; init; }

    [CommandOption("--encoding <NAME>")]
    [Description("The CSV files' encoding, such as windows-1252 (default: UTF-8, or UTF-16 by its byte order mark).")]
    public string? Encoding { get; init; }
}

internal sealed class PlanExportSettings : CommandSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("The folder to write the plan's CSV files into.")]
    public string Folder { get; init; } = "";

    [CommandOption("--district <CODE>")]
    [Description("The district whose plan to export (LAD code).")]
    public string District { get; init; } = "";
}

[Description("Import a whole plan from CSV files: all or nothing, every bad row reported; re-importing changes nothing.")]
internal sealed class PlanImportCommand(PlanCsv plan, DatabaseMigrator migrator) : AsyncCommand<PlanImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanImportSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        try
        {
            var summary = await plan.ImportAsync(settings.Folder, PlanCommandArguments.District(settings.District), settings.Sample, settings.Replace, cancellationToken, settings.Encoding);
            Console.WriteLine(summary);
            return 0;
        }
        catch (PlanImportException e)
        {
            foreach (var error in e.Errors)
            {
                Console.Error.WriteLine($"  {error}");
            }

            throw new CliException($"the plan has {e.Errors.Count} problem(s), listed above; nothing was written");
        }
    }
}

[Description("Export a district's plan as the CSV files the import reads.")]
internal sealed class PlanExportCommand(PlanCsv plan, DatabaseMigrator migrator) : AsyncCommand<PlanExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanExportSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await plan.ExportAsync(settings.Folder, PlanCommandArguments.District(settings.District), cancellationToken);
        Console.WriteLine($"Wrote the plan to {Path.GetFullPath(settings.Folder)}.");
        return 0;
    }
}

internal static class PlanCommandArguments
{
    public static string District(string value) =>
        Import.GssCode.IsValid(value.Trim().ToUpperInvariant())
            ? value.Trim().ToUpperInvariant()
            : throw new CliException("give --district with a LAD code such as E07000111");
}

internal sealed class KeyIssueSettings : CommandSettings
{
    [CommandOption("--name <NAME>")]
    [Description("Who holds the key, as the audit log will name them.")]
    public string Name { get; init; } = "";

    [CommandOption("--role <ROLE>")]
    [Description("admin, or partner (default).")]
    public string Role { get; init; } = Roles.Partner;

    [CommandOption("--partner <NAME-OR-ID>")]
    [Description("For a partner key: the organisation it writes for (a name from /api/partners, or its id).")]
    public string? Partner { get; init; }
}

internal sealed class KeyRevokeSettings : CommandSettings
{
    [CommandArgument(0, "<PREFIX>")]
    [Description("The key's prefix, as 'keys list' shows it.")]
    public string Prefix { get; init; } = "";
}

[Description("Issue an API key. The key is printed once: only its hash is stored.")]
internal sealed class KeyIssueCommand(ApiKeys keys, DistrictMapDbContext db, DatabaseMigrator migrator) : AsyncCommand<KeyIssueSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeyIssueSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            throw new CliException("give --name: who holds the key");
        }

        if (settings.Role is not (Roles.Admin or Roles.Partner))
        {
            throw new CliException("--role must be admin or partner");
        }

        int? partnerId = null;
        if (settings.Role == Roles.Partner)
        {
            var wanted = settings.Partner ?? throw new CliException("a partner key needs --partner: the organisation it writes for");
            var partner = await db.Partners.FirstOrDefaultAsync(p => p.Name == wanted || p.Id.ToString() == wanted, cancellationToken)
                ?? throw new CliException($"there is no partner '{wanted}': see /api/partners");
            partnerId = partner.Id;
        }

        var (record, key) = await keys.IssueAsync(settings.Name.Trim(), settings.Role, partnerId, cancellationToken);
        Console.WriteLine(key);
        Console.Error.WriteLine($"Issued {record.Role} key {record.Prefix}… for {record.Name}. Keep it safe: it cannot be shown again.");
        return 0;
    }
}

[Description("List API keys (prefixes only).")]
internal sealed class KeyListCommand(DistrictMapDbContext db, DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        foreach (var key in await db.ApiKeys.AsNoTracking().Include(k => k.Partner).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken))
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{key.Prefix}…  {key.Role,-7}  {key.Name}{(key.Partner is null ? "" : $" for {key.Partner.Name}")}  issued {key.CreatedAt:u}{(key.RevokedAt is { } at ? $"  revoked {at:u}" : "")}"));
        }

        return 0;
    }
}

[Description("Revoke an API key by its prefix.")]
internal sealed class KeyRevokeCommand(ApiKeys keys, DatabaseMigrator migrator) : AsyncCommand<KeyRevokeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KeyRevokeSettings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var revoked = await keys.RevokeAsync(settings.Prefix.TrimEnd('…'), cancellationToken);
        if (revoked == 0)
        {
            throw new CliException($"no active key has the prefix {settings.Prefix}");
        }

        Console.WriteLine($"Revoked {revoked} key(s).");
        return 0;
    }
}
