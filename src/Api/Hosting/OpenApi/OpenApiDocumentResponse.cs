using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// Serves the OpenAPI document as <c>application/vnd.oai.openapi+json;version=3.0</c> (the media type the OpenAPI
/// Initiative registered), with a strong ETag of its bytes and 304 Not Modified when If-None-Match holds it.
/// </summary>
internal static class OpenApiDocumentResponse
{
    public const string MediaType = "application/vnd.oai.openapi+json;version=3.0";

    public static WebApplication UseOpenApiDocumentResponse(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || !request.Path.StartsWithSegments("/openapi", StringComparison.Ordinal)
                || request.Path.Value?.EndsWith(".json", StringComparison.Ordinal) != true)
            {
                await next(context);
                return;
            }

            var body = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            if (context.Response.StatusCode != StatusCodes.Status200OK)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(body, context.RequestAborted);
                return;
            }

            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"");
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
            context.Response.ContentType = MediaType;
            if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
                && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.Remove(HeaderNames.ContentType);
                return;
            }

            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        });
        return app;
    }
}
