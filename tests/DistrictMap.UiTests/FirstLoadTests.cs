using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace DistrictMap.UiTests;

/// <summary>
/// What the first load of the map costs on the wire, counted from the browser's own network events: every
/// request the page makes until it is ready and the network is quiet, each response's headers and body as
/// sent (compressed), with an empty cache. A size, not a time: it does not depend on the machine.
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class FirstLoadTests(MapSite site)
{
    /// <summary>The compressed content of the first load: at most 160 KB (the basemap's tiles, which come from elsewhere, aside).</summary>
    private const long BodyBudget = 160_000;

    /// <summary>Everything on the wire, headers included (about 1 KB a response with the security headers).</summary>
    private const long WireBudget = 180_000;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1366, 768)]
    public async Task The_first_load_is_within_its_budget_on_the_wire(int width, int height)
    {
        var finished = new ConcurrentBag<IRequest>();
        await using var map = await site.OpenAsync("/", new() { ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 1000 },
            beforeLoad: page =>
            {
                page.RequestFinished += (_, request) => finished.Add(request);
                return Task.CompletedTask;
            });
        await map.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long bodies = 0, wire = 0;
        var lines = new List<string>();
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            bodies += sizes.ResponseBodySize;
            wire += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            lines.Add($"{sizes.ResponseBodySize,8:N0} + {sizes.ResponseHeadersSize,5:N0} {new Uri(request.Url).PathAndQuery}");
        }

        var report = $"{width}x{height}: {bodies:N0} bytes of content, {wire:N0} with headers, in {finished.Count} requests:\n{string.Join("\n", lines.Order())}";

        Assert.Contains(finished, r => r.Url.Contains("/js/app.", StringComparison.Ordinal));
        Assert.Contains(finished, r => r.Url.Contains("/ogc/collections/wards/items", StringComparison.Ordinal));
        Assert.True(bodies <= BodyBudget, $"over the budget of {BodyBudget:N0} for content: {report}");
        Assert.True(wire <= WireBudget, $"over the budget of {WireBudget:N0} on the wire: {report}");
        Assert.Empty(map.Errors);
    }
}
