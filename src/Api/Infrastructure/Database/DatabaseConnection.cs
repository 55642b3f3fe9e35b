using DistrictMap.Api.Infrastructure.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>
/// Resolves the connection string once: the configured one, or else a private local cluster,
/// started on demand. Makes sure PostGIS is installed before any spatial type is used.
/// </summary>
public sealed class DatabaseConnection(IConfiguration configuration, IOptions<DatabaseOptions> options)
{
    private readonly Lazy<string> connectionString = new(() => Resolve(configuration, options.Value));

    public string ConnectionString => connectionString.Value;

    /// <summary>
    /// The read replica's connection string (<c>ConnectionStrings:DistrictMapReadOnly</c>), or null when reads go to the primary.
    /// PostGIS is not installed there: a replica has what the primary has.
    /// </summary>
    public string? ReadOnlyConnectionString =>
        configuration.GetConnectionString(ReadOnlyDatabase.ConnectionStringName) is { Length: > 0 } readOnly && !string.IsNullOrWhiteSpace(readOnly) ? readOnly : null;

    /// <summary>True when the connection string came from configuration rather than the local cluster.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));

    private static string Resolve(IConfiguration configuration, DatabaseOptions options)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                EnsurePostgis(configured);
            }
            catch (ProvisioningException e) when (e.InnerException is NpgsqlException and not PostgresException)
            {
                // The server is down or unreachable: the service still starts, reports it at /health/ready
                // and answers 503 until the server is back.
            }

            return configured;
        }

        var cluster = new LocalCluster(options.LocalClusterDirectory, PostgresInstallation.Find(options.PostgresBinDirectory), durable: true);
        cluster.EnsureRunning();
        EnsureDatabase(cluster.ConnectionString("postgres"), options.LocalDatabaseName);
        var connection = cluster.ConnectionString(options.LocalDatabaseName);
        EnsurePostgis(connection);
        return connection;
    }

    /// <summary>Creates the database on the server of <paramref name="adminConnectionString"/> unless it exists.</summary>
    public static void EnsureDatabase(string adminConnectionString, string database)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Creates the PostGIS extension if it is missing, before a NetTopologySuite-aware data source
    /// loads the server's types (a data source built earlier would not know the geometry type).
    /// </summary>
    public static void EnsurePostgis(string connectionString)
    {
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            command.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedFile)
        {
            throw new ProvisioningException(
                $"PostGIS is not available in the configured database ({e.MessageText}): install {PostgresInstallation.DebianPackage} on the server and run CREATE EXTENSION postgis as a superuser", e);
        }
        catch (NpgsqlException e)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new ProvisioningException($"cannot connect to PostgreSQL at {builder.Host}:{builder.Port}, database {builder.Database}: {e.Message}", e);
        }
    }
}
