using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Extensions;

namespace DistrictMap.Api.Http;

/// <summary>A web link (RFC 8288) as OGC API and the catalogue write them.</summary>
public sealed record Link(
    string Href,
    string Rel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null);

public static class Links
{
    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public static string Absolute(HttpRequest request, string path, QueryString query = default) =>
        UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, path, query);

    /// <summary>This request's URL with some query parameters replaced (a null value removes one).</summary>
    public static string WithQuery(HttpRequest request, params (string Name, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            query[name] = value;
        }

        var builder = new QueryBuilder(query.Where(q => q.Value is not null).Select(q => new KeyValuePair<string, string>(q.Key, q.Value!)));
        return Absolute(request, request.Path, builder.ToQueryString());
    }

    /// <summary>self and alternate links for each format the resource is offered in.</summary>
    public static IEnumerable<Link> SelfAndAlternates(HttpRequest request, ResponseFormat current, IEnumerable<ResponseFormat> formats) =>
        formats.Select(format => new Link(
            WithQuery(request, ("f", format.Name())),
            format == current ? "self" : "alternate",
            format.MediaType(),
            format == current ? "This document" : $"This document as {format.Name().ToUpperInvariant()}"));
}
