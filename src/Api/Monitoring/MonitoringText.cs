using System.Globalization;

namespace DistrictMap.Api.Monitoring;

/// <summary>How the monitoring pages write numbers, RAG ratings and dates.</summary>
public static class MonitoringText
{
    // The server runs in invariant globalization mode: its number and month formats are British English's.
    private static readonly CultureInfo Display = CultureInfo.InvariantCulture;

    /// <summary>A number as shown: up to two decimals, a dash for none.</summary>
    public static string Number(double? value) => value?.ToString("#,0.##", Display) ?? "–";

    /// <summary>A number for a chart to read from its table's data-value: invariant, empty for none.</summary>
    public static string Data(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Rag(string? rag) => rag switch
    {
        "green" => "Green",
        "amber" => "Amber",
        "red" => "Red",
        _ => "No RAG",
    };

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", Display) ?? "–";

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", Display);

    public static string Title(string word) => word.Length == 0 ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word[1..].Replace('-', ' '));
}
