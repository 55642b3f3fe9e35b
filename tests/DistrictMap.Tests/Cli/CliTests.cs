using System.Diagnostics;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Cli;

/// <summary>The districtmap command line, run as a separate process the way a person runs it.</summary>
public sealed class CliTests : DatabaseTest
{
    private Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(Db.ConnectionString, AppContext.BaseDirectory, args);

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "run", "import", "load", "collect", "status", "db" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_help_lists_the_importers_and_their_options()
    {
        var (exitCode, output, _) = await RunAsync("import", "wards", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--srid", output, StringComparison.Ordinal);
        Assert.Contains("--district", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_prints_its_summary()
    {
        var (exitCode, output, _) = await RunAsync("import", "wards", Fixtures.File("synthetic-wards.geojson"));

        Assert.Equal(0, exitCode);
        Assert.Contains("wards:E07999999: read 3, skipped 0 (outside the district), written 3, unchanged 0, repaired 0, rejected 0", output, StringComparison.Ordinal);
        Assert.Equal(3, await Db.CountAsync("wards"));
    }

    [Fact]
    public async Task A_failed_import_is_one_line_and_a_non_zero_exit_and_writes_nothing()
    {
        var (exitCode, _, error) = await RunAsync("import", "wards", Fixtures.File("broken-unclosed-ring.geojson"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: broken-unclosed-ring.geojson: feature 2 (E05999902): a polygon ring is not closed", line, StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("wards"));
    }

    [Fact]
    public async Task A_mistyped_option_is_one_line_and_exit_code_2()
    {
        var (exitCode, _, error) = await RunAsync("import", "wards", Fixtures.File("synthetic-wards.geojson"), "--distrct", "E07999999");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("distrct", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_without_any_data_source_says_how_to_load_data()
    {
        var (exitCode, output, _) = await RunAsync("load", "--district", "E07999999", "--offline", "--manifest", Path.Combine(Fixtures.RepositoryRoot, "data/geo/sources.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("DISTRICTMAP_DATA_DIR", output, StringComparison.Ordinal);
        Assert.Contains("collect", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_clear_line()
    {
        var start = CliProcess.StartInfo("Host=127.0.0.1;Port=1;Database=x;Username=x;Timeout=2", AppContext.BaseDirectory, "status");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot connect to PostgreSQL: Failed to connect to 127.0.0.1:1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_the_loaded_datasets()
    {
        await RunAsync("import", "wards", Fixtures.File("synthetic-wards.geojson"));

        var (exitCode, output, _) = await RunAsync("status");

        Assert.Equal(0, exitCode);
        Assert.Contains("wards:E07999999", output, StringComparison.Ordinal);
        Assert.Contains("OGL-UK-3.0", output, StringComparison.Ordinal);
    }
}
