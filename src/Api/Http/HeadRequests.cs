using Microsoft.AspNetCore.Http.Features;

namespace DistrictMap.Api.Http;

/// <summary>
/// Answers HEAD like GET without the body, for every read endpoint, so that the OpenAPI document
/// lists each operation once.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            var original = context.Features.Get<IHttpResponseBodyFeature>()!;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, original));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(original);
                context.Request.Method = HttpMethods.Head;
            }
        });
}
