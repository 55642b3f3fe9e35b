using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace DistrictMap.Api.Import;

/// <summary>
/// What is wrong with a file, in words a person who edits it can act on, from a parser's exception: never the
/// parser's own message, which names its internals (tokens, byte positions, paths like $.features[2]).
/// </summary>
internal static class PlainReasons
{
    /// <summary>The place of a JSON error, such as "line 3", or null when the parser did not say.</summary>
    public static string? Where(JsonException e) => e.LineNumber is { } line ? $"line {line + 1}" : null;

    public static string Json(JsonException e)
    {
        var message = e.Message;
        var what = message switch
        {
            _ when Has(message, "does not contain any JSON tokens") => "the file is empty",
            _ when Has(message, "Expected depth to be zero") || Has(message, "end of data") || Has(message, "incomplete") =>
                "the file ends before every object and array is closed (is it cut short?)",
            _ when Has(message, "trailing comma") => "a comma follows the last item of an object or array",
            _ when Has(message, "maximum configured depth") => "objects and arrays are nested deeper than a GeoJSON file needs",
            _ when Has(message, "invalid UTF-8") || Has(message, "transcode") => "the text is not UTF-8 (save the file as UTF-8)",
            _ when Has(message, "within a JSON string") => "a string holds a line break or control character; write it as an escape such as \\n",
            _ when Has(message, "start of a property name") || Has(message, "after a property name") => "a property name is not in double quotes, or its colon is missing",
            _ when Has(message, "after a value") || Has(message, "after a single JSON value") => "a comma, bracket or brace is missing or out of place after a value",
            _ when Has(message, "invalid start of a value") || Has(message, "is an invalid") => "a value is not JSON: text must be in double quotes, numbers plain, and true, false and null in lower case",
            _ => "the text is not valid JSON",
        };
        var column = e.BytePositionInLine is { } position ? string.Create(CultureInfo.InvariantCulture, $" (near character {position + 1})") : "";
        return $"not valid JSON: {what}{column}";
    }

    public static string Xml(XmlException e)
    {
        var message = e.Message;
        var what = message switch
        {
            _ when Has(message, "Unexpected end of file") => "the file ends before every element is closed (is it cut short?)",
            _ when Has(message, "does not match the end tag") => "an end tag does not match the element it closes",
            _ when Has(message, "Root element is missing") => "the file is empty or holds no element",
            _ when Has(message, "invalid character") || Has(message, "unexpected token") => "a character such as & or < in text must be written as &amp; or &lt;",
            _ => "the text is not well-formed XML",
        };
        return string.Create(CultureInfo.InvariantCulture, $"not well-formed XML: {what} (near character {e.LinePosition})");
    }

    private static bool Has(string message, string text) => message.Contains(text, StringComparison.OrdinalIgnoreCase);
}
