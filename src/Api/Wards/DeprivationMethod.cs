using DistrictMap.Api.Http;
using Markdig;

namespace DistrictMap.Api.Wards;

/// <summary>
/// The ward deprivation method (docs/ward-deprivation.md, embedded): Markdown by default, or a page of
/// HTML for a browser (<c>f=html</c>, or <c>text/html</c> first in Accept).
/// </summary>
internal static class DeprivationMethod
{
    private static readonly Lazy<string> Markdown = new(() =>
    {
        using var stream = typeof(DeprivationMethod).Assembly.GetManifestResourceStream("ward-deprivation.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<(string Title, string Body)> Html = new(() =>
    {
        var lines = Markdown.Value.Split('\n');
        var title = lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[0][2..].Trim() : "Ward deprivation";
        var body = string.Join('\n', lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[1..] : lines);
        return (title, Markdig.Markdown.ToHtml(body, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()));
    });

    public static IResult Serve(HttpRequest request)
    {
        var f = request.Query.TryGetValue("f", out var value) ? value.ToString().Trim().ToLowerInvariant() : null;
        var html = f switch
        {
            null => request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault()?.MediaType.Value == ResponseFormats.HtmlMediaType,
            "html" => true,
            "markdown" or "md" => false,
            _ => throw new BadRequestException($"f={Text.Shorten(f)} is not offered here; use one of: markdown, html."),
        };
        return html
            ? new HtmlPage(Html.Value.Title).Markup(Html.Value.Body).ToResult([])
            : TypedResults.Text(Markdown.Value, "text/markdown; charset=utf-8");
    }
}
