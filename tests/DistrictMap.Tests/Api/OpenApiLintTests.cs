using System.Diagnostics;
using System.Text.Json;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>
/// The OpenAPI document passes Spectral (spectral:oas, no errors or warnings) and Redocly (recommended, no errors),
/// run from tools/openapi-lint, whose pinned packages test.sh installs with npm ci.
/// </summary>
public sealed class OpenApiLintTests(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private static readonly string Tools = Path.Combine(Fixtures.RepositoryRoot, "tools", "openapi-lint");

    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-openapi-lint-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<string> DocumentAsync()
    {
        var path = Path.Combine(folder, "openapi.json");
        await File.WriteAllTextAsync(path, await api.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        return path;
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string tool, params string[] args)
    {
        var program = Path.Combine(Tools, "node_modules", ".bin", tool);
        Assert.True(File.Exists(program), $"{program} is missing: run 'npm ci' in tools/openapi-lint (test.sh does)");
        var start = new ProcessStartInfo(program) { WorkingDirectory = Tools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Spectral_finds_no_error_and_no_warning()
    {
        var document = await DocumentAsync();

        var (_, output, error) = await RunAsync("spectral", "lint", document, "--ruleset", Path.Combine(Tools, ".spectral.yaml"), "--format", "json", "--quiet");

        var results = JsonDocument.Parse(output.Length > 0 ? output : "[]").RootElement.EnumerateArray()
            .Where(r => r.GetProperty("severity").GetInt32() <= 1)
            .Select(r => $"{r.GetProperty("code").GetString()} at {string.Join('.', r.GetProperty("path").EnumerateArray())}: {r.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(output.TrimStart().StartsWith('['), $"Spectral did not report: {output} {error}");
        Assert.Empty(results);
    }

    [Fact]
    public async Task Redocly_recommended_finds_no_error()
    {
        var document = await DocumentAsync();

        var (exitCode, output, error) = await RunAsync("redocly", "lint", document, "--config", Path.Combine(Tools, "redocly.yaml"), "--format", "json");

        var report = JsonDocument.Parse(output).RootElement;
        var errors = report.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.Empty(errors);
        Assert.True(exitCode == 0, $"redocly exited {exitCode}: {error}");
    }
}
