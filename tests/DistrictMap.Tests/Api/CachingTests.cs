using System.Net;
using System.Net.Http.Headers;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>ETags, 304, Cache-Control, compression and CORS.</summary>
/// <remarks>Each test gets its own database: some import into it.</remarks>
public sealed class CachingTests : IAsyncLifetime
{
    private readonly ApiFixture api = new();

    public Task InitializeAsync() => api.InitializeAsync();

    public Task DisposeAsync() => api.DisposeAsync();

    private async Task<HttpResponseMessage> GetAsync(string url, EntityTagHeaderValue? ifNoneMatch = null, string? acceptEncoding = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await api.Client.SendAsync(request);
    }

    [Fact]
    public async Task Reads_carry_a_strong_ETag_and_Cache_Control_and_answer_304_while_nothing_changed()
    {
        using var first = await GetAsync("/ogc/collections/wards/items");
        var etag = first.Headers.ETag!;
        using var again = await GetAsync("/ogc/collections/wards/items");
        using var notModified = await GetAsync("/ogc/collections/wards/items", etag);

        Assert.False(etag.IsWeak);
        Assert.Equal(etag, again.Headers.ETag);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Headers.CacheControl.MaxAge);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Different_requests_and_content_codings_have_different_ETags()
    {
        using var json = await GetAsync("/api/wards?district=E07999999");
        using var csv = await GetAsync("/api/wards?district=E07999999&f=csv");
        using var gzip = await GetAsync("/api/wards?district=E07999999", acceptEncoding: "gzip");

        Assert.NotEqual(json.Headers.ETag, csv.Headers.ETag);
        Assert.NotEqual(json.Headers.ETag, gzip.Headers.ETag);
    }

    [Fact]
    public async Task An_import_that_changes_data_invalidates_the_ETag()
    {
        using var before = await GetAsync("/ogc/collections/wards/items");
        var etag = before.Headers.ETag!;

        await api.Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = Fixtures.File("self-intersecting.geojson") }, TestDatabase.NoProgress);
        using var after = await WaitForChangeAsync("/ogc/collections/wards/items", etag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
    }

    [Fact]
    public async Task An_import_that_changes_nothing_keeps_the_ETag()
    {
        using var before = await GetAsync("/ogc/collections/wards/items");

        await api.Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = Fixtures.File("synthetic-wards.geojson") }, TestDatabase.NoProgress);
        using var after = await GetAsync("/ogc/collections/wards/items", before.Headers.ETag);

        Assert.Equal(HttpStatusCode.NotModified, after.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_are_compressed_when_the_client_accepts_it(string encoding)
    {
        using var response = await GetAsync("/ogc/collections/lsoas/items?limit=100", acceptEncoding: encoding);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Reads_are_open_to_any_origin()
    {
        using var response = await GetAsync("/api/wards", origin: "https://example.org");

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    /// <summary>The data version arrives by notification; give it a moment, as a client revalidating would.</summary>
    private async Task<HttpResponseMessage> WaitForChangeAsync(string url, EntityTagHeaderValue etag)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await GetAsync(url, etag);
            if (response.StatusCode != HttpStatusCode.NotModified || attempt == 50)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }
}
