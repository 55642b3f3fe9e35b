using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The neighbourhoods (LSOA) layer follows the view: drawn from vector tiles while the view holds many LSOAs,
/// and as shapes from GeoJSON once it holds few; on the synthetic district with 600 more synthetic LSOAs.
/// </summary>
public sealed class AdaptiveLayerTests(DenseSite site) : IClassFixture<DenseSite>
{
    [Fact]
    public async Task A_view_with_many_LSOAs_is_drawn_from_vector_tiles_and_a_close_view_as_shapes()
    {
        var tiles = new List<IResponse>();
        var shapes = new List<string>();
        await using var map = await site.OpenAsync("/#layers=wards,district,lsoas", beforeLoad: page =>
        {
            page.Response += (_, response) =>
            {
                if (response.Url.Contains("/tiles/lsoas/", StringComparison.Ordinal))
                {
                    lock (tiles)
                    {
                        tiles.Add(response);
                    }
                }
            };
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("/ogc/collections/lsoas/items", StringComparison.Ordinal))
                {
                    lock (shapes)
                    {
                        shapes.Add(request.Url);
                    }
                }
            };
            return Task.CompletedTask;
        });

        // The whole district: more LSOAs than the map draws as shapes.
        var mode = map.Page.Locator(".legend-lsoas .legend-mode");
        await Expect(mode).ToHaveTextAsync(new Regex(@"^[0-9,]+ in view, drawn from vector tiles\.$"));
        var inView = int.Parse(Regex.Match(await mode.TextContentAsync() ?? "", "^[0-9,]+").Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(inView, 401, DenseSite.ExtraLsoas + 100);
        var tilePaths = map.Page.Locator(".leaflet-context-pane .leaflet-tile path");
        await Expect(tilePaths.First).ToBeAttachedAsync();
        // The tiles arrive one by one: wait (up to the usual timeout) until they have drawn the LSOAs in view.
        var drawn = await map.Page.WaitForFunctionAsync(
            "() => document.querySelectorAll('.leaflet-context-pane .leaflet-tile path').length >= 400", null, new() { Timeout = 15_000 })
            .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        Assert.True(drawn, $"the tiles draw the LSOAs in view (drew {await tilePaths.CountAsync()} shapes)");
        lock (tiles)
        {
            Assert.NotEmpty(tiles);
            Assert.All(tiles, t => Assert.True(t.Status is 200 or 204, $"{t.Url} answered {t.Status}"));
            Assert.Contains(tiles, t => t.Status == 200);
        }

        int before;
        lock (shapes)
        {
            // One request per move: a page of at most the threshold, whose numberMatched chose the tiles; no probe.
            Assert.NotEmpty(shapes);
            Assert.All(shapes, url => Assert.Contains("limit=400", url, StringComparison.Ordinal));
            before = shapes.Count;
        }

        await BrowserSite.SaveScreenshotAsync(map.Page, "lsoas-from-tiles.png", fullPage: false);

        // Close in: few LSOAs in view, drawn as shapes, one each, and no tile left behind.
        await map.Page.EvaluateAsync("() => { document.getElementById('map').leafletMap.setView([51.05, 0.245], 16, { animate: false }); }");
        await Expect(mode).ToHaveTextAsync(new Regex(@"^[0-9]+ in view, drawn as shapes\.$"));
        var few = int.Parse(Regex.Match(await mode.TextContentAsync() ?? "", "^[0-9]+").Value, CultureInfo.InvariantCulture);
        Assert.InRange(few, 1, 400);
        await Expect(map.Page.Locator(".leaflet-context-pane > svg path")).ToHaveCountAsync(few);
        await Expect(tilePaths).ToHaveCountAsync(0);
        lock (shapes)
        {
            Assert.Equal(before + 1, shapes.Count);
        }

        // The legend explains the colours while the layer is on, and goes with it.
        await Expect(map.Page.Locator(".legend-lsoas .legend-deciles li")).ToHaveCountAsync(5);
        await map.OpenLayersAsync();
        await map.Layer("Neighbourhoods (LSOAs) by IMD decile").UncheckAsync();
        await Expect(map.Page.Locator(".legend-lsoas")).ToHaveCountAsync(0);
        Assert.Empty(map.Errors);
    }
}
