using System.ComponentModel;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using DistrictMap.Api.Operations;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DistrictMap.Api.Cli.Commands;

[Description("Apply the database migrations (also done at start-up).")]
internal sealed class DbMigrateCommand(DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
        return 0;
    }
}

[Description("Start the private PostgreSQL cluster if needed and print its connection string.")]
internal sealed class DbStartCommand(DatabaseConnection database) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine(database.ConnectionString);
        return 0;
    }
}

[Description("Stop the private PostgreSQL cluster.")]
internal sealed class DbStopCommand(DatabaseConnection database, IOptions<DatabaseOptions> options) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        if (database.IsConfigured)
        {
            throw new CliException("a connection string is configured: there is no private cluster to stop");
        }

        var cluster = new LocalCluster(options.Value.LocalClusterDirectory, PostgresInstallation.Find(options.Value.PostgresBinDirectory), durable: true);
        cluster.Stop();
        Console.WriteLine($"Stopped the cluster in {cluster.Directory}.");
        return 0;
    }
}

[Description("Show the datasets loaded, their provenance, and row counts.")]
internal sealed class StatusCommand(NpgsqlDataSource dataSource, DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await using (var command = dataSource.CreateCommand(
            "SELECT key, title, coalesce(vintage, '-'), rows, licence, source, imported_at FROM datasets ORDER BY key"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                Console.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{reader.GetString(0)}: {reader.GetInt32(3):N0} rows, vintage {reader.GetString(2)}, {reader.GetString(4)}, imported {reader.GetFieldValue<DateTimeOffset>(6):u}"));
                Console.WriteLine($"  {reader.GetString(1)}");
                Console.WriteLine($"  from {reader.GetString(5)}");
            }
        }

        var counts = new Table().Border(TableBorder.Rounded).AddColumns("table", "rows");
        foreach (var table in new[] { "districts", "wards", "lsoas", "lsoa_ward_lookup", "lsoa_ward_assignments", "deprivation_scores", "lsoa_populations", "ward_deprivation" })
        {
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
            counts.AddRow(table, ((long)(await count.ExecuteScalarAsync(cancellationToken))!).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(counts);
        return 0;
    }
}

internal class BackupSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The backup file to write (PostgreSQL custom format).")]
    public string File { get; init; } = "";
}

internal sealed class RestoreSettings : BackupSettings
{
    [CommandOption("--yes")]
    [Description("Confirm that the database is to be replaced by the backup.")]
    public bool Yes { get; init; }
}

[Description("Back the whole database up to a file with pg_dump (custom format).")]
internal sealed class DbBackupCommand(DatabaseBackups backups) : AsyncCommand<BackupSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BackupSettings settings, CancellationToken cancellationToken)
    {
        var snapshot = await backups.BackupAsync(settings.File, cancellationToken);
        Console.WriteLine($"Backed up to {Path.GetFullPath(settings.File)}: {snapshot}.");
        return 0;
    }
}

[Description("Replace the whole database by a backup, in one transaction: on any error nothing changes.")]
internal sealed class DbRestoreCommand(DatabaseBackups backups) : AsyncCommand<RestoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RestoreSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Yes)
        {
            throw new CliException("restoring replaces everything in the database: add --yes to go ahead");
        }

        var snapshot = await backups.RestoreAsync(settings.File, cancellationToken);
        Console.WriteLine($"Restored {Path.GetFullPath(settings.File)}: {snapshot}.");
        return 0;
    }
}

internal sealed class DbViewsSettings : CommandSettings
{
    [CommandOption("--schema <NAME>")]
    [Description("Schema to hold the views (default: collections).")]
    public string Schema { get; init; } = Features.CollectionViews.DefaultSchema;
}

[Description("Publish each collection as a view (its properties and geometry, as the API serves them), for tools that read PostGIS directly.")]
internal sealed class DbViewsCommand(Features.CollectionViews views, DatabaseMigrator migrator) : AsyncCommand<DbViewsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbViewsSettings settings, CancellationToken cancellationToken)
    {
        if (!Features.CollectionViews.SchemaName().IsMatch(settings.Schema))
        {
            throw new CliException($"--schema {settings.Schema} is not a schema name: use lower-case letters, digits and _, starting with a letter or _");
        }

        await migrator.MigrateAsync(cancellationToken);
        var written = await views.PublishAsync(settings.Schema, cancellationToken);
        Console.WriteLine($"Views: {string.Join(", ", written)}");
        return 0;
    }
}
