using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Http;

/// <summary>The representations the API serves.</summary>
public enum ResponseFormat
{
    Json,
    GeoJson,
    Csv,
    Html,
}

public static class ResponseFormats
{
    public const string GeoJsonMediaType = "application/geo+json";
    public const string CsvMediaType = "text/csv";
    public const string HtmlMediaType = "text/html";
    public const string JsonMediaType = "application/json";

    public static string Name(this ResponseFormat format) => format switch
    {
        ResponseFormat.GeoJson => "geojson",
        ResponseFormat.Csv => "csv",
        ResponseFormat.Html => "html",
        _ => "json",
    };

    public static string MediaType(this ResponseFormat format) => format switch
    {
        ResponseFormat.GeoJson => GeoJsonMediaType,
        ResponseFormat.Csv => CsvMediaType,
        ResponseFormat.Html => HtmlMediaType,
        _ => JsonMediaType,
    };

    /// <summary>
    /// The format a request asks for: the <c>f</c> parameter when given, else the Accept header, else the default.
    /// An f that is not offered throws <see cref="BadRequestException"/> (400).
    /// </summary>
    /// <returns>The format, or, when no media type of the Accept header is offered, a message for a 406.</returns>
    public static (ResponseFormat? Format, string? Error) Negotiate(HttpRequest request, IReadOnlyList<ResponseFormat> allowed, ResponseFormat preferred)
    {
        var names = string.Join(", ", allowed.Select(a => a.Name()));
        if (request.Query.TryGetValue("f", out var f))
        {
            var asked = f.ToString().Trim().ToLowerInvariant();
            // f=json on a feature resource means its JSON, which is GeoJSON.
            var geoJsonOnly = allowed.Contains(ResponseFormat.GeoJson) && !allowed.Contains(ResponseFormat.Json);
            var match = allowed.Where(a => a.Name() == asked
                || (a == ResponseFormat.GeoJson && (asked == GeoJsonMediaType || (asked == "json" && geoJsonOnly)))).ToList();
            return match.Count == 1 ? (match[0], null) : throw new BadRequestException($"f={Text.Shorten(f.ToString())} is not offered here; use one of: {names}.");
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return (preferred, null);
        }

        foreach (var range in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (range.Quality == 0)
            {
                continue;
            }

            var type = range.MediaType.Value ?? "";
            if (type is "*/*" || (type == "application/*" && preferred is ResponseFormat.Json or ResponseFormat.GeoJson))
            {
                return (preferred, null);
            }

            if (type == JsonMediaType && preferred == ResponseFormat.GeoJson)
            {
                return (ResponseFormat.GeoJson, null);
            }

            foreach (var format in allowed)
            {
                if (new MediaTypeHeaderValue(format.MediaType()).IsSubsetOf(range))
                {
                    return (format, null);
                }
            }
        }

        return (null, $"none of the media types in the Accept header is offered here; use f= with one of: {names}");
    }
}

/// <summary>The formats an endpoint offers, for the f parameter and the OpenAPI document.</summary>
public sealed record OfferedFormats(IReadOnlyList<ResponseFormat> Formats);

public static class OfferedFormatsExtensions
{
    public static TBuilder Offers<TBuilder>(this TBuilder builder, params ResponseFormat[] formats)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OfferedFormats(formats));
}
