using System.Net;
using System.Net.Http.Headers;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>The OpenAPI document's media type and caching, and 404 for any feature id that names no feature.</summary>
public sealed class ProtocolDetailsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_OpenAPI_document_has_its_registered_media_type_an_ETag_and_answers_304_to_it()
    {
        using var first = await api.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/vnd.oai.openapi+json", first.Content.Headers.ContentType!.MediaType);
        Assert.Contains(first.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "3.0");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.StartsWith("{", (await first.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        using var full = await api.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Theory]
    [InlineData("/ogc/collections/wards/items/not-a-code")]
    [InlineData("/ogc/collections/lsoas/items/12")]
    [InlineData("/ogc/collections/routes/items/abc")]
    [InlineData("/ogc/collections/actions/items/-1")]
    public async Task A_wrongly_formed_feature_id_is_404_as_for_any_id_that_names_no_feature(string url)
    {
        var detail = await api.ProblemAsync(url, 404);

        Assert.StartsWith("There is no feature ", detail, StringComparison.Ordinal);
        Assert.Contains("its ids are", detail, StringComparison.Ordinal);
    }
}
