using System.Diagnostics;
using DistrictMap.Api.Import;

namespace DistrictMap.Api.Cli;

/// <summary>
/// Shows a long import's progress on standard error: nothing for the first second
/// (short imports stay quiet), then at most one line a second.
/// </summary>
internal sealed class ConsoleProgress(string what) : IImportProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    private TimeSpan lastReport = TimeSpan.Zero;

    public void Report(string stage, long done, long? total)
    {
        var now = sinceStart.Elapsed;
        if (now < Interval || now - lastReport < Interval)
        {
            return;
        }

        lastReport = now;
        var amount = total is { } t ? $"{done:N0} of {t:N0}" : $"{done:N0}";
        Console.Error.WriteLine($"  {what}: {stage} {amount}");
    }
}

internal static class SummaryTable
{
    /// <summary>One line per import, readable in a terminal and in a log.</summary>
    public static void Write(IEnumerable<ImportSummary> summaries)
    {
        foreach (var summary in summaries)
        {
            Console.WriteLine(summary);
        }
    }
}
