using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features;

/// <summary>Writes features as GeoJSON (RFC 7946, with OGC API paging members), CSV or an HTML table.</summary>
public static class FeatureWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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

    public static IResult Csv(FeaturePage page) =>
        new WriterResult(ResponseFormats.CsvMediaType + "; charset=utf-8", async stream =>
        {
            await using var csv = CsvWriter.Create(stream, leaveOpen: true);
            csv.WriteHeader(["id", .. page.Properties.Select(p => p.Name)]);
            foreach (var feature in page.Features)
            {
                csv.WriteField(feature.Id);
                foreach (var value in feature.Values)
                {
                    csv.WriteField(Cell(value));
                }

                await csv.EndRecordAsync();
            }

            await csv.FlushAsync();
        });

    /// <summary>A property value as the text of a CSV or HTML cell.</summary>
    public static string? Cell(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void WriteFeature(Utf8JsonWriter json, IReadOnlyList<FeatureProperty> properties, FeatureRow feature, IReadOnlyList<Link>? links)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", feature.Id);
        json.WritePropertyName("geometry");
        if (feature.Geometry is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(feature.Geometry, skipInputValidation: true);
        }

        json.WritePropertyName("properties");
        json.WriteStartObject();
        for (var i = 0; i < properties.Count; i++)
        {
            json.WritePropertyName(properties[i].Name);
            WriteValue(json, feature.Values[i]);
        }

        json.WriteEndObject();
        if (links is not null)
        {
            WriteLinks(json, links);
        }

        json.WriteEndObject();
    }

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
                json.WriteStringValue(Cell(value));
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
