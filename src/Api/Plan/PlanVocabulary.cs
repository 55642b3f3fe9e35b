using System.Globalization;
using System.Text.RegularExpressions;

namespace DistrictMap.Api.Plan;

/// <summary>The fixed words of the plan's model, as stored and as the API speaks them.</summary>
public static partial class PlanVocabulary
{
    public static readonly IReadOnlyList<string> Priorities = ["place", "economy", "people", "environment"];
    public static readonly IReadOnlyList<string> Sectors = ["public", "private", "voluntary", "community", "social-enterprise"];
    public static readonly IReadOnlyList<string> Statuses = ["planned", "in-progress", "complete", "paused"];
    public static readonly IReadOnlyList<string> Rags = ["green", "amber", "red"];
    public static readonly IReadOnlyList<string> Polarities = ["higher-is-better", "lower-is-better"];
    public static readonly IReadOnlyList<string> Geographies = ["ward", "district"];

    /// <summary>SQL for a check constraint that a column holds one of the words.</summary>
    public static string Check(string column, IEnumerable<string> words) =>
        $"{column} IN ({string.Join(", ", words.Select(w => $"'{w}'"))})";

    /// <summary>A quarter such as 2025-Q2.</summary>
    public static bool IsQuarter(string? value) => value is not null && QuarterPattern().IsMatch(value);

    /// <summary>A period: a quarter such as 2025-Q2, or a year such as 2025.</summary>
    public static bool IsPeriod(string? value) => value is not null && (QuarterPattern().IsMatch(value) || YearPattern().IsMatch(value));

    /// <summary>The quarter a date falls in.</summary>
    public static string QuarterOf(DateOnly date) => $"{date.Year}-Q{((date.Month - 1) / 3) + 1}";

    /// <summary>The last day of a quarter such as 2025-Q2.</summary>
    public static DateOnly EndOf(string quarter)
    {
        var year = int.Parse(quarter[..4], CultureInfo.InvariantCulture);
        var q = quarter[^1] - '0';
        return new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
    }

    /// <summary>The quarter before a quarter.</summary>
    public static string Previous(string quarter)
    {
        var year = int.Parse(quarter[..4], CultureInfo.InvariantCulture);
        var q = quarter[^1] - '0';
        return q == 1 ? $"{year - 1}-Q4" : $"{year}-Q{q - 1}";
    }

    [GeneratedRegex("^[0-9]{4}-Q[1-4]$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex YearPattern();
}
