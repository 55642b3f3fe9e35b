using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DistrictMap.Api.Access;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DistrictMap.Tests.Provisioning;

/// <summary>
/// A primary and a streaming replica made with pg_basebackup, each a private cluster of the test's own, and the
/// application with ConnectionStrings:DistrictMapReadOnly pointing at the replica.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private const string Database = "districtmap";
    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-test-replica-").FullName;
    private readonly PostgresInstallation installation = PostgresInstallation.Find();
    private LocalCluster primary = null!;
    private LocalCluster replica = null!;
    private string partnerKey = "";

    private string PrimaryConnection => Pooled(primary.ConnectionString(Database));

    private string ReplicaConnection => Pooled(replica.ConnectionString(Database));

    private static string Pooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    public async Task InitializeAsync()
    {
        // The clusters' folders inside belong to the postgres user, who must be able to reach them.
        ProcessRunner.RunChecked("chmod", ["755", folder], "opening the test folder to the postgres user");
        primary = new LocalCluster(Path.Combine(folder, "primary"), installation, durable: false);
        primary.EnsureRunning();
        DatabaseConnection.EnsureDatabase(primary.ConnectionString("postgres"), Database);
        DatabaseConnection.EnsurePostgis(PrimaryConnection);
        await using (var db = TestDatabase.On(PrimaryConnection))
        {
            await db.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await SyntheticDistrict.LoadAllAsync(db);
            await PlanFixture.ImportPlanAsync(db, "plan-synthetic");
            await using var scope = db.Services.CreateAsyncScope();
            var partners = await scope.ServiceProvider.GetRequiredService<DistrictMapDbContext>().Partners.ToDictionaryAsync(p => p.Name, p => p.Id);
            partnerKey = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().IssueAsync("Tester A", Roles.Partner, partners["Synthetic Partner A"], CancellationToken.None)).Key;
        }

        // A base backup of the running primary, with standby.signal and primary_conninfo written (-R): a streaming replica.
        var replicaFolder = Path.Combine(folder, "replica");
        Directory.CreateDirectory(replicaFolder);
        var port = primary.RunningPort()!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] backup = [installation.Program("pg_basebackup"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-D", Path.Combine(replicaFolder, "data"), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"];
        if (Environment.UserName == "root")
        {
            ProcessRunner.RunChecked("chown", ["postgres:postgres", replicaFolder], "giving the replica folder to postgres");
            ProcessRunner.RunChecked("runuser", ["-u", "postgres", "--", .. backup], "pg_basebackup");
        }
        else
        {
            ProcessRunner.RunChecked(backup[0], backup[1..], "pg_basebackup");
        }

        replica = new LocalCluster(replicaFolder, installation, durable: false);
        replica.EnsureRunning();
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        replica?.Stop();
        primary?.Stop();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until the replica has replayed everything the primary has written so far: up to its insert position, since
    /// with synchronous_commit off (test clusters) a commit can still be in the WAL buffers, past the write position.
    /// </summary>
    private async Task CatchUpAsync()
    {
        await using var onPrimary = new NpgsqlConnection(PrimaryConnection);
        await onPrimary.OpenAsync();
        var lsn = (string)(await new NpgsqlCommand("SELECT pg_current_wal_insert_lsn()::text", onPrimary).ExecuteScalarAsync())!;
        await using var onReplica = new NpgsqlConnection(ReplicaConnection);
        await onReplica.OpenAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", onReplica) { Parameters = { new() { Value = lsn } } };
            if (await command.ExecuteScalarAsync() is true)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"the replica did not replay up to {lsn}");
    }

    private static async Task<HttpResponseMessage> CreateActionAsync(HttpClient client, string key, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions")
        {
            Content = JsonContent.Create(new { title, priority = "people", wards = new[] { "E05999902" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Reads_are_served_by_the_replica_while_writes_go_to_the_primary_and_are_refused_by_the_replica()
    {
        var readOnly = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DistrictMapReadOnly"] = ReplicaConnection,
            ["DistrictMap:Database:MigrateOnStartup"] = "false",
        };
        await using var withReplica = new ApiFactory(PrimaryConnection, readOnly);
        await using var primaryOnly = new ApiFactory(PrimaryConnection, new Dictionary<string, string?> { ["DistrictMap:Database:MigrateOnStartup"] = "false" });
        using var client = withReplica.CreateClient();
        using var control = primaryOnly.CreateClient();

        // A write through the API lands on the primary and reaches the replica by streaming replication.
        using var created = await CreateActionAsync(client, partnerKey, "Written on the primary");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await CatchUpAsync();
        var items = await client.GetStringAsync("/ogc/collections/actions/items?limit=100");
        Assert.Contains("Written on the primary", items, StringComparison.Ordinal);

        // The replica refuses writes of its own.
        await using (var onReplica = new NpgsqlConnection(ReplicaConnection))
        {
            await onReplica.OpenAsync();
            var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("UPDATE data_state SET version = version + 1", onReplica).ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
        }

        // Tiles are built from the replica and kept in the primary's tile store (a replica can neither write it nor read it).
        // The instance may still name the version before the write above for up to a second: a tile built under it is
        // not stored, since the primary has moved on, so ask until one is.
        var kept = Tiles.TileTests.TileOf(0.15, 51.05, 9);
        await using (var onPrimary = new NpgsqlConnection(PrimaryConnection))
        {
            await onPrimary.OpenAsync();
            var stored = 0L;
            for (var attempt = 0; attempt < 100 && stored == 0; attempt++)
            {
                using (var built = await client.GetAsync($"/tiles/wards/{kept.Z}/{kept.X}/{kept.Y}.mvt"))
                {
                    Assert.Equal(HttpStatusCode.OK, built.StatusCode);
                }

                await Task.Delay(100);
                await using var count = new NpgsqlCommand(
                    $"SELECT count(*) FROM tile_store WHERE collection = 'wards' AND z = {kept.Z} AND x = {kept.X} AND y = {kept.Y} AND version = (SELECT version FROM data_state)",
                    onPrimary);
                stored = (long)(await count.ExecuteScalarAsync())!;
            }

            Assert.Equal(1, stored);
        }

        // With the primary stopped, the replica still serves every kind of read; writes and primary-only reads cannot be served.
        primary.Stop();
        NpgsqlConnection.ClearAllPools();
        var tile = Tiles.TileTests.TileOf(0.15, 51.05, 10);
        foreach (var url in new[] { "/ogc/collections/wards/items", "/api/wards?district=E07999999", "/api/lsoas/E01999901", $"/tiles/wards/{tile.Z}/{tile.X}/{tile.Y}.mvt", "/ogc/collections" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} with the primary stopped: {await response.Content.ReadAsStringAsync()}");
        }

        var wards = await client.GetStringAsync("/ogc/collections/wards/items");
        Assert.Contains("E05999903", wards, StringComparison.Ordinal);
        using var write = await CreateActionAsync(client, partnerKey, "Never written");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        using var withoutReplica = await control.GetAsync("/ogc/collections/wards/items");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, withoutReplica.StatusCode);
    }
}
