using System.Globalization;
using DistrictMap.Api.Datasets;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Operations;

/// <summary>What a backup or restore leaves: the data version and the rows of every table.</summary>
public sealed record DatabaseSnapshot(long DataVersion, IReadOnlyDictionary<string, long> Rows)
{
    public override string ToString() =>
        $"data version {DataVersion}; " + string.Join(", ", Rows.Where(r => r.Value > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}")));
}

/// <summary>
/// Backs the whole database up with pg_dump (custom format) and restores it with pg_restore in one
/// transaction: a restore that fails part-way leaves the database as it was.
/// </summary>
public sealed class DatabaseBackups(DatabaseConnection database, NpgsqlDataSource dataSource, IOptions<DatabaseOptions> options)
{
    public async Task<DatabaseSnapshot> BackupAsync(string file, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        if (Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            throw new ProvisioningException($"cannot write the backup: the folder {folder} does not exist");
        }

        // Written beside the target and moved into place only when complete, so a failed backup never
        // leaves a partial file under the name asked for.
        var partial = target + ".partial";
        try
        {
            // Stored tiles are rebuilt on demand: the backup leaves their rows out (a restore empties the store).
            Run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--exclude-table-data={Tiles.SharedTileStore.Table}", "--file", partial], "pg_dump");
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return await SnapshotAsync(cancellationToken);
    }

    public async Task<DatabaseSnapshot> RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new ProvisioningException($"there is no backup file {source}");
        }

        Run("pg_restore", ["--list", source], $"reading {Path.GetFileName(source)} (is it a backup made by 'db backup'?)");
        Run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", Database, source], "pg_restore");

        // Running services keep the data version in memory: tell them it changed.
        await using (var notify = dataSource.CreateCommand($"NOTIFY {DataVersionSource.Channel}"))
        {
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        dataSource.Clear();
        return await SnapshotAsync(cancellationToken);
    }

    /// <summary>The data version and the row count of every table of the public schema.</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = dataSource.CreateCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' ORDER BY tablename"))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM \"{table}\"");
            rows[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var version = dataSource.CreateCommand("SELECT coalesce((SELECT version FROM data_state WHERE id = 1), 0)");
        return new DatabaseSnapshot((long)(await version.ExecuteScalarAsync(cancellationToken))!, rows);
    }

    private string Database => new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? "postgres";

    private void Run(string program, IEnumerable<string> arguments, string what)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = connection.Host ?? "127.0.0.1",
            ["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = connection.Username ?? Environment.UserName,
            ["PGDATABASE"] = Database,
            ["PGCONNECT_TIMEOUT"] = "10",
        };
        if (!string.IsNullOrEmpty(connection.Password))
        {
            environment["PGPASSWORD"] = connection.Password;
        }

        var installation = PostgresInstallation.Find(options.Value.PostgresBinDirectory);
        ProcessRunner.RunChecked(installation.Program(program), arguments, what, environment);
    }
}
