using System.Net;
using System.Text;

namespace DistrictMap.Api.Http;

/// <summary>
/// A small HTML page for the API's HTML representations: every piece of text is encoded, so data
/// cannot inject markup. Styled by the map's stylesheet.
/// </summary>
public sealed class HtmlPage(string title)
{
    private readonly StringBuilder body = new();

    public HtmlPage Paragraph(string text)
    {
        body.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>HTML the application itself produced (such as its own documentation rendered from Markdown), never data.</summary>
    public HtmlPage Markup(string trustedHtml)
    {
        body.Append(trustedHtml).Append('\n');
        return this;
    }

    public HtmlPage Heading(string text)
    {
        body.Append("<h2>").Append(WebUtility.HtmlEncode(text)).Append("</h2>\n");
        return this;
    }

    public HtmlPage LinkList(IEnumerable<(string Href, string Text)> links)
    {
        body.Append("<ul>\n");
        foreach (var (href, text) in links)
        {
            body.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</a></li>\n");
        }

        body.Append("</ul>\n");
        return this;
    }

    /// <summary>A table; a cell given as (text, href) becomes a link.</summary>
    public HtmlPage Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<(string? Text, string? Href)>> rows)
    {
        body.Append("<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            body.Append("<th scope=\"col\">").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            foreach (var (text, href) in row)
            {
                body.Append("<td>");
                if (href is null)
                {
                    body.Append(WebUtility.HtmlEncode(text ?? ""));
                }
                else
                {
                    body.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(WebUtility.HtmlEncode(text ?? href)).Append("</a>");
                }

                body.Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody>\n</table>\n</div>\n");
        return this;
    }

    public IResult ToResult(IEnumerable<string> attribution) =>
        TypedResults.Content(Render(attribution), "text/html; charset=utf-8");

    private string Render(IEnumerable<string> attribution)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" · DistrictMap</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\">\n</head>\n<body>\n<header><p><a href=\"/\">DistrictMap</a> · <a href=\"/ogc\">Data API</a></p>\n<h1>")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1></header>\n<main>\n")
            .Append(body)
            .Append("</main>\n<footer>\n");
        foreach (var line in attribution)
        {
            page.Append("<p class=\"attribution\">").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
        }

        page.Append("</footer>\n</body>\n</html>\n");
        return page.ToString();
    }
}
