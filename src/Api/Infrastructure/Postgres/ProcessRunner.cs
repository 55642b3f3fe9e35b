using System.Diagnostics;

namespace DistrictMap.Api.Infrastructure.Postgres;

/// <summary>Runs a program to completion and captures its output.</summary>
internal static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new ProvisioningException($"could not start {fileName}");
        // pg_ctl start leaves the server holding inherited pipes open, so read both
        // streams asynchronously and stop waiting once the process itself has exited.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(2));
        var output = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
        return (process.ExitCode, output);
    }

    /// <summary>Runs the program and throws with its last line of output when it fails.</summary>
    public static string RunChecked(string fileName, IEnumerable<string> arguments, string what, IDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = Run(fileName, arguments, environment);
        if (exitCode != 0)
        {
            var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {exitCode}";
            throw new ProvisioningException($"{what} failed: {lastLine}");
        }

        return output;
    }
}
