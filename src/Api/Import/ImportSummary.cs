namespace DistrictMap.Api.Import;

/// <summary>What an import did. Rejected is always zero for a completed import: any rejected record fails the whole import.</summary>
public sealed record ImportSummary(
    string Dataset,
    int Read,
    int Skipped,
    int Written,
    int Unchanged,
    int Repaired,
    int Rejected,
    TimeSpan Elapsed)
{
    /// <summary>How a summary names the datasets an import recorded (one per district): up to three keys, else the first and a count.</summary>
    public static string Keys(IReadOnlyList<string> keys) =>
        keys.Count <= 3 ? string.Join(", ", keys) : $"{keys[0]} and {keys.Count - 1} more districts";

    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Dataset}: read {Read}, skipped {Skipped} (outside the district), written {Written}, unchanged {Unchanged}, repaired {Repaired}, rejected {Rejected} in {Elapsed.TotalSeconds:0.0} s");
}
