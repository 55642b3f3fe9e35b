namespace DistrictMap.Api.Http;

/// <summary>
/// The query parameters an endpoint accepts, besides f where it offers formats; anything else gets a 400
/// (as OGC API - Features requires).
/// </summary>
public sealed record AllowedQueryParameters(IReadOnlySet<string> Names);

public static class QueryParameterExtensions
{
    /// <summary>Declares the query parameters of an endpoint; others are refused with a problem details 400.</summary>
    public static TBuilder AllowQuery<TBuilder>(this TBuilder builder, params string[] names)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AllowedQueryParameters(new HashSet<string>(names, StringComparer.Ordinal)));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var metadata = context.HttpContext.GetEndpoint()?.Metadata;
            var allowed = metadata?.GetMetadata<AllowedQueryParameters>()?.Names ?? new HashSet<string>();
            if (metadata?.GetMetadata<OfferedFormats>() is not null)
            {
                allowed = new HashSet<string>(allowed.Append("f"), StringComparer.Ordinal);
            }

            if (UnknownParameter(context.HttpContext.Request, allowed) is { } unknown)
            {
                var names = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Order(StringComparer.Ordinal));
                return Problems.BadRequest($"Unknown query parameter '{Text.Shorten(unknown)}'. Allowed: {names}.");
            }

            return await next(context);
        });
        return builder;
    }

    public static string? UnknownParameter(HttpRequest request, IEnumerable<string> allowed)
    {
        var set = allowed as IReadOnlySet<string> ?? new HashSet<string>(allowed, StringComparer.Ordinal);
        return request.Query.Keys.FirstOrDefault(k => !set.Contains(k));
    }
}
