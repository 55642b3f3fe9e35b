using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>The program started with run, until it says it is serving; its output is kept. Disposing it stops it.</summary>
public sealed partial class ServingProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource serving = new();

    private ServingProcess(ProcessStartInfo start)
    {
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("DistrictMap is serving", StringComparison.Ordinal) == true)
            {
                serving.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts the program and waits (at most a minute) until it serves.</summary>
    public static async Task<ServingProcess> StartAsync(ProcessStartInfo start)
    {
        var started = new ServingProcess(start);
        try
        {
            await started.serving.Task.WaitAsync(TimeSpan.FromMinutes(1));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the program printed so far, with each run of white space as one space (the console wraps long lines).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return Spaces().Replace(output.ToString(), " ");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
