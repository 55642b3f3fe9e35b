using DistrictMap.Api.Http;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace DistrictMap.Api.Import.Features;

/// <summary>
/// Reads a GeoJSON FeatureCollection (RFC 7946, or the 2008 format with a <c>crs</c> member)
/// one feature at a time, so that a broken feature is reported by its number and code.
/// </summary>
internal static class GeoJsonReader
{
    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        MaxDepth = 64,
    };

    public static FeatureSet Read(string path, string fileName)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ImportException(fileName, PlainReasons.Where(e), PlainReasons.Json(e));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw new ImportException(fileName, null, "not a GeoJSON object: a FeatureCollection was expected");
            }

            var declaredSrid = ReadCrs(root, fileName);
            var featureElements = type.GetString() switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
                    => features.EnumerateArray().ToList(),
                "FeatureCollection" => throw new ImportException(fileName, null, "the FeatureCollection has no \"features\" array"),
                "Feature" => [root],
                var other => throw new ImportException(fileName, null, $"GeoJSON type \"{other}\" found where a FeatureCollection was expected"),
            };

            var fieldNames = new List<string>();
            var seenFields = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<SourceFeature>(featureElements.Count);
            for (var i = 0; i < featureElements.Count; i++)
            {
                var feature = ReadFeature(featureElements[i], i + 1, fileName);
                foreach (var name in feature.Properties.Keys.Where(seenFields.Add))
                {
                    fieldNames.Add(name);
                }

                result.Add(feature);
            }

            return new FeatureSet(fileName, fieldNames, declaredSrid, result);
        }
    }

    private static SourceFeature ReadFeature(JsonElement element, int number, string fileName)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String
            || type.GetString() != "Feature")
        {
            throw new ImportException(fileName, $"feature {number}", "not a GeoJSON Feature object");
        }

        var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            try
            {
                foreach (var property in props.EnumerateObject())
                {
                    var value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null or JsonValueKind.Undefined => null,
                        _ => property.Value.GetRawText(),
                    };
                    if (Text.ForbiddenControl(value) is { } control)
                    {
                        throw new ImportException(fileName, $"feature {number}", $"property {property.Name} holds the control character {Text.Describe(control)}, which text may not contain");
                    }

                    properties[property.Name] = value;
                }
            }
            catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
            {
                throw new ImportException(fileName, $"feature {number}", "a property is not valid UTF-8 text");
            }
        }

        if (!element.TryGetProperty("geometry", out var geometryElement) || geometryElement.ValueKind == JsonValueKind.Null)
        {
            return new SourceFeature(number, properties, null, "the feature has no geometry");
        }

        try
        {
            var geometry = geometryElement.Deserialize<Geometry>(GeometryOptions);
            return geometry is null
                ? new SourceFeature(number, properties, null, "the feature has no geometry")
                : new SourceFeature(number, properties, geometry, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException or OverflowException or NotSupportedException)
        {
            return new SourceFeature(number, properties, null, DescribeGeometryError(e));
        }
    }

    private static int? ReadCrs(JsonElement root, string fileName)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (crs.ValueKind == JsonValueKind.Object
            && crs.TryGetProperty("properties", out var properties)
            && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty("name", out var name)
            && name.ValueKind == JsonValueKind.String)
        {
            return CrsNames.FromName(name.GetString()!)
                ?? throw new ImportException(fileName, null, $"unknown CRS \"{name.GetString()}\" in the crs member; give the EPSG code with --srid");
        }

        throw new ImportException(fileName, null, "the crs member is not a named CRS; give the EPSG code with --srid");
    }

    /// <summary>Turns reader exceptions into a short reason a person can act on.</summary>
    private static string DescribeGeometryError(Exception e)
    {
        var message = FirstSentence(e.Message);
        if (message.Contains("closed linestring", StringComparison.OrdinalIgnoreCase))
        {
            return "a polygon ring is not closed (its first and last positions differ)";
        }

        if (message.Contains("Invalid number of points in LinearRing", StringComparison.OrdinalIgnoreCase))
        {
            return "a polygon ring has fewer than four positions";
        }

        // The reader's own words name its tokens and internals; say what a geometry must be instead.
        return e is JsonException or FormatException or InvalidOperationException
            ? "the geometry is not valid GeoJSON: it needs a type (Point, LineString, Polygon or a Multi- of them) and coordinates as arrays of numbers nested to match"
            : "the geometry cannot be built: check that its rings and lines have enough positions";
    }

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? string.Concat(line.AsSpan(0, 200), "…") : line;
    }
}
