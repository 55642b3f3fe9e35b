using System.Text.RegularExpressions;

namespace DistrictMap.Api.Import;

/// <summary>ONS Government Statistical Service codes: a letter and eight digits, such as E05005031. The one definition, for imports, requests and feature ids.</summary>
public static partial class GssCode
{
    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    /// <summary>The one pattern of a GSS code: a country letter (E, W, S, N, K, L or M) and eight digits.</summary>
    public static Regex Regex => Pattern();

    /// <summary>Two-digit year suffixes in ONS field names (WD23CD, LSOA11CD) as a four-digit year.</summary>
    public static int YearFromSuffix(string twoDigits) => 2000 + int.Parse(twoDigits, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[EWSNKLM][0-9]{8}$")]
    private static partial Regex Pattern();
}
