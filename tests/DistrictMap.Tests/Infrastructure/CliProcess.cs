using System.Diagnostics;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>Starts the built districtmap program as a separate process, on a given database.</summary>
public static class CliProcess
{
    public static ProcessStartInfo StartInfo(string connectionString, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DistrictMap.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__DistrictMap"] = connectionString;
        start.Environment.Remove("DISTRICTMAP_DATA_DIR");
        return start;
    }

    /// <summary>Runs the program to its end (at most two minutes) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string connectionString, string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(connectionString, workingDirectory, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
