using DistrictMap.Api.Import;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Map;

/// <summary>The map's own settings document: the district it opens on and its basemap, read by the page at start.</summary>
public static class MapSettingsEndpoints
{
    public const string Path = "/map/settings";

    /// <summary>The settings the page reads, with the statements its attribution line carries for the data.</summary>
    public sealed record MapSettings(string? District, BasemapSettings? Basemap, IReadOnlyList<string> Attributions);

    public sealed record BasemapSettings(string UrlTemplate, string Attribution, string? AttributionUrl, int MaxZoom, string Subdomains);

    public static IEndpointRouteBuilder MapMapSettings(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Settings).ExcludeFromDescription();
        return app;
    }

    internal static MapSettings Of(MapOptions map)
    {
        var district = map.District?.Trim().ToUpperInvariant();
        var basemap = map.Basemap;
        return new MapSettings(
            string.IsNullOrEmpty(district) ? null : district,
            string.IsNullOrWhiteSpace(basemap.UrlTemplate) ? null
                : new BasemapSettings(basemap.UrlTemplate, basemap.Attribution, basemap.AttributionUrl, basemap.MaxZoom, basemap.Subdomains),
            Attribution.Boundaries);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<MapSettings> Settings(HttpContext context, IOptions<MapOptions> map)
    {
        // Settings change only with the configuration, at a restart: revalidate rather than keep.
        context.Response.GetTypedHeaders().CacheControl = new CacheControlHeaderValue { NoCache = true };
        return TypedResults.Json(Of(map.Value));
    }
}
