using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DistrictMap.Api.Features.Filtering;

/// <summary>
/// Reads CQL2 JSON (OGC 21-065 cql2-json) into a <see cref="Cql2Node"/>. Errors name the JSON path of the member at
/// fault ($.args[1]) or, for JSON that does not parse, its line and byte; geometries are GeoJSON, read by NetTopologySuite.
/// </summary>
public static class Cql2JsonParser
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static readonly HashSet<string> Comparisons = ["=", "<>", "<", ">", "<=", ">="];

    public static Cql2Node Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 2 * Cql2TextParser.MaxNesting });
        }
        catch (JsonException e)
        {
            throw new Cql2Exception($"at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: the filter is not valid JSON.");
        }

        using (document)
        {
            return Condition(document.RootElement, "$");
        }
    }

    private static Cql2Node Condition(JsonElement element, string at)
    {
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return new Cql2Boolean(element.GetBoolean(), $"at {at}");
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("op", out var opElement) || opElement.ValueKind != JsonValueKind.String)
        {
            throw new Cql2Exception($"at {at}: expected a condition, an object with \"op\" and \"args\", or true or false.");
        }

        var op = opElement.GetString()!;
        var args = Args(element, at);
        var where = $"at {at}";
        var lower = op.ToLowerInvariant();
        switch (lower)
        {
            case "and" or "or":
                Arity(op, args, at, 2, int.MaxValue);
                return new Cql2Logical(lower == "and", [.. args.Select((a, i) => Condition(a, $"{at}.args[{i}]"))], where);
            case "not":
                Arity(op, args, at, 1, 1);
                return new Cql2Not(Condition(args[0], $"{at}.args[0]"), where);
            case "like":
                Arity(op, args, at, 2, 2);
                return new Cql2Like(Value(args[0], $"{at}.args[0]"), Value(args[1], $"{at}.args[1]"), where);
            case "between":
                Arity(op, args, at, 3, 3);
                return new Cql2Between(Value(args[0], $"{at}.args[0]"), Value(args[1], $"{at}.args[1]"), Value(args[2], $"{at}.args[2]"), where);
            case "in":
                Arity(op, args, at, 2, 2);
                if (args[1].ValueKind != JsonValueKind.Array || args[1].GetArrayLength() == 0)
                {
                    throw new Cql2Exception($"at {at}.args[1]: in needs a list of values, such as [\"a\", \"b\"].");
                }

                return new Cql2In(Value(args[0], $"{at}.args[0]"), [.. args[1].EnumerateArray().Select((v, i) => Value(v, $"{at}.args[1][{i}]"))], where);
            case "isnull":
                Arity(op, args, at, 1, 1);
                return new Cql2IsNull(Value(args[0], $"{at}.args[0]"), where);
        }

        if (Comparisons.Contains(op))
        {
            Arity(op, args, at, 2, 2);
            return new Cql2Comparison(op, Value(args[0], $"{at}.args[0]"), Value(args[1], $"{at}.args[1]"), where);
        }

        if (Cql2Functions.Spatial.ContainsKey(op) || Cql2Functions.Temporal.Contains(op))
        {
            Arity(op, args, at, 2, 2);
            var left = Value(args[0], $"{at}.args[0]");
            var right = Value(args[1], $"{at}.args[1]");
            return Cql2Functions.Spatial.ContainsKey(op)
                ? new Cql2Spatial(op.ToUpperInvariant(), left, right, where)
                : new Cql2Temporal(op.ToUpperInvariant(), left, right, where);
        }

        throw new Cql2Exception($"at {at}: \"{Http.Text.Shorten(op)}\" is not an operator served here. Operators: and, or, not, =, <>, <, >, <=, >=, like, between, in, isNull, casei, "
            + $"{string.Join(", ", Cql2Functions.Spatial.Keys.Select(k => k.ToLowerInvariant()))}, {string.Join(", ", Cql2Functions.Temporal.Select(k => k.ToLowerInvariant()))}.");
    }

    private static Cql2Node Value(JsonElement element, string at)
    {
        var where = $"at {at}";
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return new Cql2String(element.GetString()!, where);
            case JsonValueKind.Number:
                return new Cql2Number(element.GetDouble(), where);
            case JsonValueKind.True or JsonValueKind.False:
                return new Cql2Boolean(element.GetBoolean(), where);
            case JsonValueKind.Object:
                break;
            default:
                throw new Cql2Exception($"{where}: expected a value: a string, a number, a boolean, or an object such as {{\"property\": \"name\"}}.");
        }

        if (element.TryGetProperty("property", out var property) && property.ValueKind == JsonValueKind.String)
        {
            return new Cql2Property(property.GetString()!, where);
        }

        if (element.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String)
        {
            return Cql2Functions.Instant(date.GetString()!, isDate: true, where);
        }

        if (element.TryGetProperty("timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String)
        {
            return Cql2Functions.Instant(timestamp.GetString()!, isDate: false, where);
        }

        if (element.TryGetProperty("interval", out var interval))
        {
            if (interval.ValueKind != JsonValueKind.Array || interval.GetArrayLength() != 2)
            {
                throw new Cql2Exception($"{where}: an interval is a list of a start and an end, such as [\"2025-01-01\", \"..\"].");
            }

            return new Cql2Interval(Bound(interval[0], $"{at}.interval[0]"), Bound(interval[1], $"{at}.interval[1]"), where);
        }

        if (element.TryGetProperty("bbox", out var bbox))
        {
            return Bbox(bbox, where);
        }

        if (element.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.String && op.GetString()!.Equals("casei", StringComparison.OrdinalIgnoreCase))
        {
            var args = Args(element, at);
            Arity("casei", args, at, 1, 1);
            return new Cql2CaseI(Value(args[0], $"{at}.args[0]"), where);
        }

        if (element.TryGetProperty("type", out _))
        {
            try
            {
                return new Cql2Geometry(element.Deserialize<Geometry>(GeoJson) ?? throw new JsonException("no geometry"), where);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
            {
                throw new Cql2Exception($"{where}: not a valid GeoJSON geometry: {e.Message}");
            }
        }

        throw new Cql2Exception($"{where}: expected a property, date, timestamp, interval, bbox, casei or GeoJSON geometry object.");
    }

    private static Cql2Node? Bound(JsonElement element, string at)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            return text == ".." ? null : Cql2Functions.Instant(text, isDate: text.Length == 10, $"at {at}");
        }

        return Value(element, at);
    }

    private static Cql2Geometry Bbox(JsonElement bbox, string where)
    {
        if (bbox.ValueKind != JsonValueKind.Array || bbox.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number) || bbox.GetArrayLength() is not (4 or 6))
        {
            throw new Cql2Exception($"{where}: a bbox is a list of 4 numbers (minx, miny, maxx, maxy) or 6 (with heights).");
        }

        var n = bbox.EnumerateArray().Select(v => v.GetDouble()).ToList();
        var (minX, minY, maxX, maxY) = n.Count == 4 ? (n[0], n[1], n[2], n[3]) : (n[0], n[1], n[3], n[4]);
        if (minX > maxX || minY > maxY)
        {
            throw new Cql2Exception($"{where}: bbox minimums must not exceed maximums.");
        }

        return new Cql2Geometry(new GeometryFactory().ToGeometry(new Envelope(minX, maxX, minY, maxY)), where);
    }

    private static List<JsonElement> Args(JsonElement element, string at) =>
        element.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array
            ? [.. args.EnumerateArray()]
            : throw new Cql2Exception($"at {at}: \"args\" must be a list.");

    private static void Arity(string op, List<JsonElement> args, string at, int min, int max)
    {
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"at least {min}";
            throw new Cql2Exception($"at {at}: {op} takes {expected} argument{(min == 1 && max == 1 ? "" : "s")}, not {args.Count}.");
        }
    }
}
