using System.Diagnostics;
using System.Globalization;
using System.Text;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Operations;

/// <summary>Data survives a killed importer, and a backup restores the database exactly.</summary>
public sealed class NoLostDataTests : DatabaseTest
{
    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(Db.ConnectionString, AppContext.BaseDirectory, args);

    [Fact]
    public async Task An_importer_killed_part_way_leaves_the_database_unchanged()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var before = await Db.DigestAsync();
        var file = Path.Combine(Path.GetTempPath(), $"districtmap-many-wards-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(file, ManyWards(20_000));
        try
        {
            using var process = Process.Start(CliProcess.StartInfo(Db.ConnectionString, AppContext.BaseDirectory, "import", "wards", file))!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();

            // Kill it once its transaction has written (it has a transaction id): part-way through writing.
            var clock = Stopwatch.StartNew();
            while (!await ImporterWritingAsync() && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "the import ended before it could be killed part-way");
            process.Kill();
            await process.WaitForExitAsync();
            Assert.Equal(137, process.ExitCode);

            while (await ImporterConnectedAsync() && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            Assert.Equal(before, await Db.DigestAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_backup_restores_every_row_and_the_data_version()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var before = await Db.DigestAsync();
        var version = await Db.ScalarAsync<long>("SELECT version FROM data_state WHERE id = 1");
        var file = Path.Combine(Path.GetTempPath(), $"districtmap-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await RunAsync("db", "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Contains($"data version {version}", backup.Out, StringComparison.Ordinal);

            await Db.ExecuteAsync("DELETE FROM lsoa_ward_assignments; DELETE FROM deprivation_scores; UPDATE data_state SET version = version + 7");
            Assert.NotEqual(before, await Db.DigestAsync());

            var refused = await RunAsync("db", "restore", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Equal("error: restoring replaces everything in the database: add --yes to go ahead", refused.Error.Trim());

            var restore = await RunAsync("db", "restore", file, "--yes");
            Assert.True(restore.ExitCode == 0, restore.Error);
            Assert.Equal(before, await Db.DigestAsync());
            Assert.Equal(version, await Db.ScalarAsync<long>("SELECT version FROM data_state WHERE id = 1"));
            Assert.Equal(backup.Out[backup.Out.IndexOf(':', StringComparison.Ordinal)..], restore.Out[restore.Out.IndexOf(':', StringComparison.Ordinal)..]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_and_changes_nothing()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var before = await Db.DigestAsync();
        var file = Path.Combine(Path.GetTempPath(), $"districtmap-{Guid.NewGuid():N}.dump");
        await File.WriteAllTextAsync(file, "PGDMP but not really a backup");
        try
        {
            var (exitCode, _, error) = await RunAsync("db", "restore", file, "--yes");

            Assert.Equal(1, exitCode);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"error: reading {Path.GetFileName(file)} (is it a backup made by 'db backup'?) failed:", line, StringComparison.Ordinal);
            Assert.Equal(before, await Db.DigestAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<bool> ImporterWritingAsync() => Db.ScalarAsync<bool>(
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND backend_type = 'client backend')");

    private Task<bool> ImporterConnectedAsync() => Db.ScalarAsync<bool>(
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend')");

    /// <summary>Synthetic square wards on a grid, each ring with 40 positions, so that the import takes a while.</summary>
    private static string ManyWards(int count)
    {
        var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (var i = 0; i < count; i++)
        {
            var (x, y) = (-2.0 + (i % 200) * 0.01, 52.0 + (i / 200) * 0.01);
            var ring = new List<string>();
            for (var k = 0; k < 40; k++)
            {
                var t = k / 10.0;
                var (px, py) = k switch
                {
                    < 10 => (x + 0.008 * t, y),
                    < 20 => (x + 0.008, y + 0.008 * (t - 1)),
                    < 30 => (x + 0.008 * (3 - t), y + 0.008),
                    _ => (x, y + 0.008 * (4 - t)),
                };
                ring.Add(string.Create(CultureInfo.InvariantCulture, $"[{px:0.######},{py:0.######}]"));
            }

            ring.Add(ring[0]);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $$$"""{"type":"Feature","properties":{"WD23CD":"E0{{{(5900000 + i).ToString(CultureInfo.InvariantCulture)}}}","WD23NM":"Synthetic ward {{{i}}}","LAD23CD":"E07999998"},"geometry":{"type":"Polygon","coordinates":[[{{{string.Join(',', ring)}}}]]}}""");
        }

        return json.Append("]}").ToString();
    }
}
