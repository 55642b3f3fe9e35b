namespace DistrictMap.Api.Http;

/// <summary>The query parameters an endpoint accepts; anything else gets a 400 (as OGC API - Features requires).</summary>
public sealed record AllowedQueryParameters(IReadOnlySet<string> Names);

public static class QueryParameterExtensions
{
    /// <summary>Declares the query parameters of an endpoint; others are refused with a problem details 400.</summary>
    public static TBuilder AllowQuery<TBuilder>(this TBuilder builder, params string[] names)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AllowedQueryParameters(new HashSet<string>(names.Append("f"), StringComparer.Ordinal)));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var allowed = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<AllowedQueryParameters>();
            if (allowed is not null && UnknownParameter(context.HttpContext.Request, allowed.Names) is { } unknown)
            {
                return Problems.BadRequest(
                    $"Unknown query parameter '{Text.Shorten(unknown)}'. Allowed: {string.Join(", ", allowed.Names.Order(StringComparer.Ordinal))}.");
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
