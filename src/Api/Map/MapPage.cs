using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace DistrictMap.Api.Map;

/// <summary>
/// The map page (wwwroot/index.html) as served: every stylesheet and script it names points at its
/// fingerprinted URL, and an import map sends each ES module the page imports to its fingerprinted URL
/// too, so that the browser may keep every asset for a year (<c>immutable</c>) and a new build is
/// fetched at once. Every module is also preloaded, so the browser fetches them in parallel rather
/// than one import level at a time. The page itself is revalidated on each visit (ETag).
/// </summary>
internal sealed partial class MapPage(EndpointDataSource endpoints, IWebHostEnvironment environment)
{
    private const string Template = "index.html";
    private readonly Lazy<Rendered> rendered = new(() => Render(endpoints, environment));

    /// <summary>The page's HTML, its ETag, and the CSP source that allows its inline import map.</summary>
    internal sealed record Rendered(string Html, EntityTagHeaderValue ETag, string ImportMapSource);

    public Rendered Page => rendered.Value;

    /// <summary>Original asset path (such as <c>js/app.js</c>) to fingerprinted route (<c>js/app.abc123.js</c>).</summary>
    internal static IReadOnlyDictionary<string, string> Fingerprinted(EndpointDataSource endpoints)
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var descriptor in endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<StaticAssetDescriptor>()).OfType<StaticAssetDescriptor>())
        {
            var label = descriptor.Properties.FirstOrDefault(p => p.Name == "label")?.Value;
            var fingerprinted = descriptor.Properties.Any(p => p.Name == "fingerprint");
            if (label is not null && fingerprinted && !label.EndsWith(".gz", StringComparison.Ordinal) && !label.EndsWith(".br", StringComparison.Ordinal))
            {
                routes.TryAdd(label, descriptor.Route);
            }
        }

        return routes;
    }

    private static Rendered Render(EndpointDataSource endpoints, IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Template);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The map page {Template} is missing from the web root: build src/Web.");
        }

        string template;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8))
        {
            template = reader.ReadToEnd();
        }

        var routes = Fingerprinted(endpoints);
        template = template.Replace("<!-- attribution -->", Import.Attribution.FooterHtml, StringComparison.Ordinal);
        var html = AssetReference().Replace(template, m =>
            routes.TryGetValue(m.Groups["path"].Value, out var route) ? $"{m.Groups["attr"].Value}=\"/{route}\"" : m.Value);

        var modules = routes.Where(r => r.Key.StartsWith("js/", StringComparison.Ordinal) && r.Key.EndsWith(".js", StringComparison.Ordinal))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var importMap = JsonSerializer.Serialize(new { imports = modules.ToDictionary(m => $"/{m.Key}", m => $"/{m.Value}") });
        var head = new StringBuilder();
        head.Append("<script type=\"importmap\">").Append(importMap).Append("</script>\n");
        foreach (var (_, route) in modules)
        {
            head.Append("  <link rel=\"modulepreload\" href=\"/").Append(route).Append("\">\n");
        }

        var firstModule = html.IndexOf("<script type=\"module\"", StringComparison.Ordinal);
        html = firstModule < 0 ? html : html.Insert(firstModule, head.Append("  ").ToString());
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..22]}\"");
        return new Rendered(html, etag, $"'sha256-{hash}'");
    }

    [GeneratedRegex("(?<attr>href|src)=\"/(?<path>[^\"?#]+)\"")]
    private static partial Regex AssetReference();
}
