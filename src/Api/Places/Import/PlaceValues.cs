using System.Globalization;
using System.Text.Json;

namespace DistrictMap.Api.Places.Import;

/// <summary>Turns the text of a field into a column value; a value that cannot be right throws with a reason a person can act on.</summary>
internal static class PlaceValues
{
    public const int TextLength = 200;
    public const int LongTextLength = 2000;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fffZ",
        "yyyy/MM/dd", "dd/MM/yyyy",
        // A shapefile's or GeoPackage's date as .NET writes it with the invariant culture.
        "MM/dd/yyyy HH:mm:ss",
    ];

    /// <exception cref="FormatException">The reason the text is not a value of the field.</exception>
    public static object Parse(PlaceField field, string text) => field.Kind switch
    {
        PlaceFieldKind.Text => Shorten(text, TextLength),
        PlaceFieldKind.LongText => Shorten(text, LongTextLength),
        PlaceFieldKind.WebAddress => WebAddress(text),
        PlaceFieldKind.Date => Date(text),
        PlaceFieldKind.Hours => Hours(text),
        PlaceFieldKind.Materials => Materials(text),
        PlaceFieldKind.RouteKind => PlaceVocabulary.RouteKind(text) ?? throw NotOneOf(field, text, PlaceVocabulary.RouteKinds),
        PlaceFieldKind.GreenSpaceType => PlaceVocabulary.GreenSpaceType(text) ?? throw NotOneOf(field, text, PlaceVocabulary.GreenSpaceTypes),
        PlaceFieldKind.Access => PlaceVocabulary.AccessValue(text) ?? throw NotOneOf(field, text, PlaceVocabulary.Access),
        _ => PlaceVocabulary.ActivityType(text) ?? throw NotOneOf(field, text, PlaceVocabulary.ActivityTypes),
    };

    public static bool IsTrue(string? text) => text?.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "y";

    public static string Shorten(string value, int length = TextLength)
    {
        var text = value.Trim();
        return text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
    }

    /// <summary>A list of materials: a JSON array, or text separated by semicolons, commas or bars; lower case, each once.</summary>
    public static string[] Materials(string text)
    {
        IEnumerable<string> items;
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                items = JsonSerializer.Deserialize<string[]>(text) ?? [];
            }
            catch (JsonException)
            {
                throw new FormatException($"materials {Quote(text)} is not a list of strings");
            }
        }
        else
        {
            items = text.Split([';', ',', '|'], StringSplitOptions.TrimEntries);
        }

        return [.. items.Select(Material).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A material as stored: lower case, words separated by spaces (OpenStreetMap's <c>glass_bottles</c> is "glass bottles").</summary>
    public static string Material(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));

    private static string WebAddress(string text)
    {
        var value = text.Trim();
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value
            : throw new FormatException($"{Quote(text)} is not a web address (http:// or https://)");
    }

    private static string Date(string text) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new FormatException($"{Quote(text)} is not a date (give yyyy-mm-dd)");

    private static double Hours(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && double.IsFinite(hours) && hours is >= 0 and <= 1000
            ? hours
            : throw new FormatException($"{Quote(text)} is not a number of hours from 0 to 1000");

    private static FormatException NotOneOf(PlaceField field, string text, IReadOnlyList<string> allowed) =>
        new($"{field.Column.Replace('_', ' ')} {Quote(text)} is not one of {string.Join(", ", allowed)}");

    private static string Quote(string text) => $"\"{Shorten(text, 40)}\"";
}
