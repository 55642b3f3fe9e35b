using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Map;

/// <summary>The map page at the site root, and how the host serves the map's static files.</summary>
public static class MapPageEndpoints
{
    /// <summary>
    /// The build's static-asset manifest would otherwise switch on ASP.NET Core's development handling
    /// of static files: <c>no-cache</c> on fingerprinted files and gzip at level 0 in place of the files
    /// compressed at build time. The map is served from the build in every environment, so that
    /// handling is off unless configured.
    /// </summary>
    public static void ServeBuiltAssets(this ConfigurationManager configuration) =>
        configuration["ReloadStaticAssetsAtRuntime"] ??= "false";

    public static IEndpointRouteBuilder MapMapPage(this IEndpointRouteBuilder app)
    {
        // Before the static file of the same name (the page's template).
        app.MapGet("/", Serve).WithOrder(-1).ExcludeFromDescription();
        app.MapGet("/index.html", Serve).WithOrder(-1).ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, MapPage page)
    {
        var rendered = page.Page;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString()
            .Replace("script-src 'self'", $"script-src 'self' {rendered.ImportMapSource}", StringComparison.Ordinal);
        var typed = context.Response.GetTypedHeaders();
        typed.ETag = rendered.ETag;
        typed.CacheControl = new CacheControlHeaderValue { NoCache = true };
        headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags && tags.Any(t => t.Compare(rendered.ETag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Content(rendered.Html, "text/html; charset=utf-8");
    }
}
