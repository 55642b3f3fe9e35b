using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Tests.Provisioning;

public sealed class LocalClusterTests
{
    [Fact]
    public async Task A_private_cluster_starts_on_loopback_is_reused_while_running_and_stops()
    {
        var folder = Directory.CreateTempSubdirectory("districtmap-cluster-test-").FullName;
        var cluster = new LocalCluster(folder, PostgresInstallation.Find(), durable: false);
        try
        {
            var port = cluster.EnsureRunning();

            Assert.Equal(port, cluster.EnsureRunning());
            DatabaseConnection.EnsureDatabase(cluster.ConnectionString("postgres"), "probe");
            DatabaseConnection.EnsurePostgis(cluster.ConnectionString("probe"));
            await using var connection = new NpgsqlConnection(cluster.ConnectionString("probe"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses') || ' ' || postgis_lib_version()", connection);
            Assert.StartsWith("127.0.0.1 3.", (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
            await connection.CloseAsync();
            NpgsqlConnection.ClearAllPools();

            cluster.Stop();

            Assert.Null(cluster.RunningPort());
        }
        finally
        {
            cluster.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_configured_connection_string_wins_and_no_cluster_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"districtmap-never-{Guid.NewGuid():N}");
        var configured = Infrastructure.PostgresServer.ConnectionString("postgres");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:DistrictMap"] = configured })
            .Build();
        var database = new DatabaseConnection(configuration, Options.Create(new DatabaseOptions { LocalClusterDirectory = folder }));

        Assert.Equal(configured, database.ConnectionString);
        Assert.True(database.IsConfigured);
        Assert.False(Directory.Exists(folder));
    }
}
