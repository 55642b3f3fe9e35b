namespace DistrictMap.Api.Http;

internal static class Text
{
    /// <summary>A value quoted back in an error message, cut short so that hostile input stays small.</summary>
    public static string Shorten(string value, int length = 60) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");

    /// <summary>
    /// The first control character of <paramref name="value"/> that text may not hold (anything but tab and line
    /// breaks; NUL above all, which PostgreSQL cannot store), or null when there is none.
    /// </summary>
    public static char? ForbiddenControl(string? value)
    {
        foreach (var c in value ?? "")
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>How a control character is named in messages, such as U+0000.</summary>
    public static string Describe(char c) => $"U+{(int)c:X4}";
}
