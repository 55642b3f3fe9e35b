using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Map;

/// <summary>
/// What the map page costs on the wire: the page and every file it names come compressed at build time
/// (Brotli, else gzip), the files under fingerprinted URLs that may be kept for a year.
/// </summary>
public sealed partial class StaticAssetsTests(EmptyApiFixture api) : IClassFixture<EmptyApiFixture>
{
    [Fact]
    public async Task Every_script_and_stylesheet_of_the_page_has_a_fingerprinted_url_kept_for_a_year()
    {
        var assets = AssetsOf(await PageAsync());

        Assert.Contains(assets, a => LeafletScript().IsMatch(a));
        Assert.Contains(assets, a => AppModule().IsMatch(a));
        foreach (var asset in assets)
        {
            using var response = await GetAsync(asset, "br");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Scripts_and_stylesheets_are_sent_compressed_and_decompress_to_the_file(string encoding)
    {
        foreach (var asset in AssetsOf(await PageAsync()))
        {
            using var identity = await GetAsync(asset, null);
            using var compressed = await GetAsync(asset, encoding);
            var file = await identity.Content.ReadAsByteArrayAsync();
            var wire = await compressed.Content.ReadAsByteArrayAsync();

            Assert.Empty(identity.Content.Headers.ContentEncoding);
            Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
            Assert.Equal(wire.Length, compressed.Content.Headers.ContentLength);
            Assert.Equal(file, Decompress(wire, encoding));
            // Text this size compresses to well under half; an encoding label on the full file would not.
            if (file.Length > 2_000)
            {
                Assert.True(wire.Length < file.Length / 2, $"{asset}: {wire.Length:N0} bytes on the wire for {file.Length:N0}");
            }
        }
    }

    [Fact]
    public async Task Leaflet_comes_to_under_40_KB_on_the_wire_with_Brotli()
    {
        var leaflet = AssetsOf(await PageAsync()).Single(a => LeafletScript().IsMatch(a));
        using var response = await GetAsync(leaflet, "br, gzip");

        var wire = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.InRange(wire.Length, 1, 40_000);
    }

    [Fact]
    public async Task The_page_is_compressed_revalidated_and_its_import_map_allowed_by_its_own_hash()
    {
        using var response = await GetAsync("/", "br");
        var html = Encoding.UTF8.GetString(Decompress(await response.Content.ReadAsByteArrayAsync(), "br"));
        var importMap = ImportMap().Match(html).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains($"script-src 'self' 'sha256-{hash}'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Matches("\"/js/panels/near-me.js\":\"/js/panels/near-me\\.[a-z0-9]+\\.js\"", importMap);
        Assert.Contains("rel=\"modulepreload\"", html, StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await api.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    private async Task<string> PageAsync()
    {
        using var response = await GetAsync("/", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> AssetsOf(string html) =>
        [.. AssetReference().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }
        else
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        }

        return await api.Client.SendAsync(request);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("(?:href|src)=\"(/[^\"]+\\.(?:js|css|svg))\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("^/lib/leaflet/leaflet\\.[a-z0-9]+\\.js$")]
    private static partial Regex LeafletScript();

    [GeneratedRegex("^/js/app\\.[a-z0-9]+\\.js$")]
    private static partial Regex AppModule();

    [GeneratedRegex("<script type=\"importmap\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ImportMap();
}
