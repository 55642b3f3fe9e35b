using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL/PostGIS server the tests use: the one named by ConnectionStrings__DistrictMap
/// (the test databases are created on its server), or else a throwaway private cluster in a temporary
/// folder, started once per test run and removed when the run ends.
/// </summary>
public static class PostgresServer
{
    private const string TemplateName = "districtmap_test_template";
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool templateReady;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public static string AdminConnectionString => Admin.Value;

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = false }.ConnectionString;

    /// <summary>Creates an empty, migrated database and returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = $"districtmap_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return name;
    }

    public static Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>An empty database without the schema, for tests of migration itself.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"districtmap_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    private static async Task EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)");
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"");
            var connectionString = ConnectionString(TemplateName);
            DatabaseConnection.EnsurePostgis(connectionString);
            var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:DistrictMap"] = connectionString })
                    .Build());
            services.AddDistrictMapDatabase(services.BuildServiceProvider().GetRequiredService<IConfiguration>());
            await using (var provider = services.BuildServiceProvider())
            {
                await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            }

            NpgsqlConnection.ClearAllPools();
            templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private const string ClusterPrefix = "districtmap-test-pg-";

    /// <summary>
    /// Removes the folders of earlier runs' clusters that are no longer running (a run can be killed before it cleans up).
    /// Young folders are left alone: another test assembly running in parallel may be initialising its cluster there.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                && Directory.GetCreationTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-30))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                }
            }
        }
    }

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__DistrictMap");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
        }

        RemoveStoppedClusters();
        var folder = Directory.CreateTempSubdirectory(ClusterPrefix).FullName;
        var cluster = new LocalCluster(folder, PostgresInstallation.Find(), durable: false);
        cluster.EnsureRunning();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                cluster.Stop();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is ProvisioningException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not remove the test cluster in {folder}: {e.Message}");
            }
        };
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString("postgres")) { Pooling = false }.ConnectionString;
    }
}
