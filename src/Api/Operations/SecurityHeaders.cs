using DistrictMap.Api.Map;

namespace DistrictMap.Api.Operations;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows the map's own assets and its
/// basemap's tile server (and nothing framing the site), no MIME sniffing, a strict referrer policy, and geolocation
/// for this origin only. Swagger UI at /docs also needs inline styles.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app, IConfiguration configuration)
    {
        var map = configuration.GetSection(MapOptions.Section).Get<MapOptions>() ?? new MapOptions();
        var tiles = map.TileOrigins ?? map.Basemap.Origin ?? "";
        var policy = $"default-src 'self'; img-src 'self' data: blob: {tiles}; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        var docsPolicy = policy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? docsPolicy : policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            await next(context);
        });
        return app;
    }
}
