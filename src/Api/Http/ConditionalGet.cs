using System.Security.Cryptography;
using System.Text;
using DistrictMap.Api.Datasets;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Http;

/// <summary>
/// HTTP caching for public reads: a strong ETag derived from the data version and the request
/// (path, query, Accept and Accept-Encoding), 304 Not Modified when If-None-Match has it, and Cache-Control.
/// An import changes the data version, so a re-import can never leave a stale response valid.
/// </summary>
public static class ConditionalGet
{
    public static TBuilder WithConditionalGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if ((!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
                || http.GetEndpoint()?.Metadata.GetMetadata<OwnEntityTag>() is not null)
            {
                return await next(context);
            }

            var version = await http.RequestServices.GetRequiredService<DataVersionSource>().GetAsync(http.RequestAborted);
            var maxAge = http.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value.MaxAgeSeconds;
            var path = http.GetEndpoint()?.Metadata.GetMetadata<EntityTagPath>()?.Path(http.Request) ?? http.Request.Path.ToString();
            var etag = ETagFor(http.Request, path, version);
            http.Items[typeof(DataVersion)] = version;
            if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
                && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                SetHeaders(http.Response, etag, maxAge);
                return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }

            http.Response.OnStarting(() =>
            {
                // 204 too: an empty vector tile is as cacheable as a full one.
                if (http.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status204NoContent)
                {
                    SetHeaders(http.Response, etag, maxAge);
                }

                return Task.CompletedTask;
            });
            return await next(context);
        });
        return builder;
    }

    /// <summary>Marks an endpoint that sets its own entity tag (such as a writable resource's version), which the data-version ETag must not replace.</summary>
    public static TBuilder WithOwnEntityTag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OwnEntityTag());

    /// <summary>
    /// Gives an endpoint's responses the ETag of another address of the same representation (such as a tile served under
    /// two paths), so that a tag from either is current at both.
    /// </summary>
    public static TBuilder WithEntityTagOf<TBuilder>(this TBuilder builder, Func<HttpRequest, string> path)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EntityTagPath(path));

    /// <summary>The data version the ETag of this request was computed from, for the response to use.</summary>
    public static DataVersion? DataVersion(this HttpContext context) => context.Items[typeof(DataVersion)] as DataVersion;

    private static EntityTagHeaderValue ETagFor(HttpRequest request, string path, DataVersion version)
    {
        // The Accept-Encoding is part of the key: a strong tag must change with the content coding.
        var key = $"{version.Version}\n{path}\n{request.QueryString}\n{request.Headers.Accept}\n{request.Headers.AcceptEncoding}";
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 15)
            .Replace('+', '-').Replace('/', '_');
        return new EntityTagHeaderValue($"\"{version.Version}-{hash}\"");
    }

    private static void SetHeaders(HttpResponse response, EntityTagHeaderValue etag, int maxAge)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(maxAge) };
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
    }
}

/// <summary>Endpoint metadata: the path whose ETag the endpoint's responses share.</summary>
public sealed record EntityTagPath(Func<HttpRequest, string> Path);

/// <summary>Endpoint metadata: the endpoint's responses carry their own ETag.</summary>
public sealed record OwnEntityTag;
