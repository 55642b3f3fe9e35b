using System.Text.Encodings.Web;
using System.Text.Json;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features;

/// <summary>Writes features as GeoJSON (RFC 7946, with OGC API paging members), CSV or an HTML table.</summary>
public static class FeatureWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions ResourceOptions = new(JsonSerializerDefaults.Web);

    public static IResult FeatureCollection(FeaturePage page, IReadOnlyList<Link> links, DateTimeOffset timeStamp) =>
        new WriterResult(ResponseFormats.GeoJsonMediaType, async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteNumber("numberMatched", page.NumberMatched);
            json.WriteNumber("numberReturned", page.Features.Count);
            json.WriteString("timeStamp", timeStamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            WriteLinks(json, links);
            json.WritePropertyName("features");
            json.WriteStartArray();
            foreach (var feature in page.Features)
            {
                if (feature.Feature is not null)
                {
                    json.WriteRawValue(feature.Feature, skipInputValidation: true);
                }
                else
                {
                    WriteFeature(json, page.Properties, feature, null);
                }

                if (json.BytesPending > 32_768)
                {
                    await json.FlushAsync();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    public static IResult Feature(IReadOnlyList<FeatureProperty> properties, FeatureRow feature, IReadOnlyList<Link> links) =>
        new WriterResult(ResponseFormats.GeoJsonMediaType, async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            WriteFeature(json, properties, feature, links);
        });

    /// <summary>
    /// GeoJSON of REST resources (wards, LSOAs, actions, places near a point): each feature's properties are the
    /// resource itself as the JSON API shows it, its geometry the GeoJSON PostGIS wrote through <see cref="GeometrySql"/>.
    /// </summary>
    public static IResult ResourceCollection(IEnumerable<(string Id, JsonElement? Geometry, object Properties)> features) =>
        new WriterResult(ResponseFormats.GeoJsonMediaType, async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WritePropertyName("features");
            json.WriteStartArray();
            foreach (var (id, geometry, properties) in features)
            {
                WriteResource(json, id, geometry, properties);
                if (json.BytesPending > 32_768)
                {
                    await json.FlushAsync();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>One REST resource as a GeoJSON Feature; see <see cref="ResourceCollection"/>.</summary>
    public static IResult Resource(string id, JsonElement? geometry, object properties) =>
        new WriterResult(ResponseFormats.GeoJsonMediaType, async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            WriteResource(json, id, geometry, properties);
        });

    public static IResult Csv(FeaturePage page) =>
        new WriterResult(ResponseFormats.CsvMediaType + "; charset=utf-8", async stream =>
        {
            await CsvText.WriteAsync(stream, ["id", .. page.Properties.Select(p => p.Name)], page.Features.Select(f => f.Values.Prepend(f.Id)), CancellationToken.None);
        });

    private static void WriteFeature(Utf8JsonWriter json, IReadOnlyList<FeatureProperty> properties, FeatureRow feature, IReadOnlyList<Link>? links) =>
        WriteFeature(json, feature.Id, feature.Geometry is null ? null : g => g.WriteRawValue(feature.Geometry, skipInputValidation: true), p =>
        {
            p.WriteStartObject();
            for (var i = 0; i < properties.Count; i++)
            {
                p.WritePropertyName(properties[i].Name);
                WriteValue(p, feature.Values[i]);
            }

            p.WriteEndObject();
        }, links);

    /// <summary>One Feature: its id, its geometry (or null) and its properties, then its links when it has any.</summary>
    private static void WriteFeature(Utf8JsonWriter json, string id, Action<Utf8JsonWriter>? geometry, Action<Utf8JsonWriter> properties, IReadOnlyList<Link>? links)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", id);
        json.WritePropertyName("geometry");
        if (geometry is null)
        {
            json.WriteNullValue();
        }
        else
        {
            geometry(json);
        }

        json.WritePropertyName("properties");
        properties(json);
        if (links is not null)
        {
            WriteLinks(json, links);
        }

        json.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter json, string id, JsonElement? geometry, object properties) =>
        WriteFeature(json, id, geometry is { } g ? g.WriteTo : null, p => p.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(properties, properties.GetType(), ResourceOptions), skipInputValidation: true), null);

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            default:
                json.WriteStringValue(CsvText.Cell(value));
                break;
        }
    }

    private static void WriteLinks(Utf8JsonWriter json, IReadOnlyList<Link> links)
    {
        json.WritePropertyName("links");
        json.WriteStartArray();
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("href", link.Href);
            json.WriteString("rel", link.Rel);
            if (link.Type is not null)
            {
                json.WriteString("type", link.Type);
            }

            if (link.Title is not null)
            {
                json.WriteString("title", link.Title);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>An IResult that writes its body with a callback, so large responses stream.</summary>
    private sealed class WriterResult(string contentType, Func<Stream, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            await write(httpContext.Response.Body);
        }
    }
}
