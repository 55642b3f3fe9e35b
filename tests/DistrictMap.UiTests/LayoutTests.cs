using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The map at the sizes residents use, from a small phone to a laptop: the whole district in view with no
/// control over any ward, nothing scrolling sideways on any tab, and near me's answer in view after a tap.
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class LayoutTests(MapSite site)
{
    public static TheoryData<int, int> Sizes => new()
    {
        { 320, 568 }, { 390, 844 }, { 768, 1024 }, { 844, 390 }, { 1024, 768 }, { 1366, 768 }, { 1280, 720 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_ward_is_in_view_and_clear_of_the_controls(int width, int height)
    {
        await using var map = await site.OpenAsync("/", Viewport(width, height));

        await AssertWardsUncoveredAsync(map.Page, $"{width}x{height}");
        await BrowserSite.SaveScreenshotAsync(map.Page, $"layout-{width}x{height}.png", fullPage: false);
        Assert.Empty(map.Errors);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task No_tab_scrolls_sideways_and_the_plan_table_shows_every_column(int width, int height)
    {
        await using var map = await site.OpenAsync("/", Viewport(width, height));

        foreach (var tab in new[] { "near", "ward", "plan", "wards" })
        {
            if (tab == "ward")
            {
                await map.OpenTabAsync("wards");
                await map.Panel("wards").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A" }).First.ClickAsync();
                await Expect(map.Panel("ward")).ToBeVisibleAsync();
            }
            else
            {
                await map.OpenTabAsync(tab);
            }

            var overflow = await map.Page.EvaluateAsync<JsonElement>("""
                id => {
                  const panel = document.getElementById(`panel-${id}`);
                  const right = panel.getBoundingClientRect().right + 0.5;
                  const cut = [...panel.querySelectorAll('th, td, p, li, h2, h3, button, select, input')]
                    .filter(e => e.getClientRects().length && !e.closest('.table-scroll') && e.getBoundingClientRect().right > right)
                    .map(e => e.textContent.trim().slice(0, 40));
                  return { page: document.documentElement.scrollWidth - window.innerWidth, panel: panel.scrollWidth - panel.clientWidth, cut };
                }
                """, tab);
            Assert.True(overflow.GetProperty("page").GetInt32() <= 0, $"{tab} at {width}x{height}: the page scrolls sideways by {overflow.GetProperty("page")} px");
            Assert.True(overflow.GetProperty("panel").GetInt32() <= 0, $"{tab} at {width}x{height}: the panel scrolls sideways by {overflow.GetProperty("panel")} px");
            Assert.True(overflow.GetProperty("cut").GetArrayLength() == 0, $"{tab} at {width}x{height}: cut off at the right: {overflow.GetProperty("cut")}");
        }

        // Every column of the plan's table is within the panel (a narrow panel shows each row as a card).
        await map.OpenTabAsync("plan");
        var cells = await map.Page.EvaluateAsync<int>("""
            () => {
              const panel = document.getElementById('panel-plan').getBoundingClientRect();
              return [...document.querySelectorAll('.actions-table th, .actions-table td')]
                .filter(c => c.getClientRects().length && (c.getBoundingClientRect().right > panel.right + 0.5 || c.getBoundingClientRect().left < panel.left - 0.5)).length;
            }
            """);
        Assert.Equal(0, cells);
        await BrowserSite.SaveScreenshotAsync(map.Page, $"layout-plan-{width}x{height}.png", fullPage: false);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task After_a_tap_on_the_map_near_mes_answer_is_in_view(int width, int height)
    {
        var options = Viewport(width, height);
        options.HasTouch = width < 1000;
        await using var map = await site.OpenAsync("/", options);
        var point = (await WardPointsAsync(map.Page)).First();

        if (options.HasTouch == true)
        {
            await map.Page.Touchscreen.TapAsync((float)point.X, (float)point.Y);
        }
        else
        {
            await map.Page.Mouse.ClickAsync((float)point.X, (float)point.Y);
        }

        var ward = map.Panel("near").Locator(".near-ward");
        await Expect(ward).ToContainTextAsync("Synthetic Ward");
        await Expect(ward).ToBeInViewportAsync();
        await BrowserSite.SaveScreenshotAsync(map.Page, $"layout-near-{width}x{height}.png", fullPage: false);
    }

    [Fact]
    public async Task Resizing_and_turning_the_window_keeps_the_district_in_view_and_clear_of_the_controls()
    {
        await using var map = await site.OpenAsync("/", Viewport(1366, 768));
        await AssertWardsUncoveredAsync(map.Page, "1366x768");
        await Expect(map.Page.Locator(".leaflet-control-container .legend")).ToBeVisibleAsync();

        await map.Page.SetViewportSizeAsync(390, 844);
        await Expect(map.Page.Locator("#legend-slot .legend")).ToBeVisibleAsync();
        await Expect(map.Page.Locator(".leaflet-control-layers")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-control-layers-expanded"));
        await AssertWardsUncoveredAsync(map.Page, "390x844 after 1366x768");

        await map.Page.SetViewportSizeAsync(844, 390);
        await AssertWardsUncoveredAsync(map.Page, "844x390 turned");

        await map.Page.SetViewportSizeAsync(1280, 720);
        await Expect(map.Page.Locator(".leaflet-control-container .legend")).ToBeVisibleAsync();
        await AssertWardsUncoveredAsync(map.Page, "1280x720 after turning");
        Assert.Empty(map.Errors);
    }

    private static BrowserNewContextOptions Viewport(int width, int height) => new()
    {
        ViewportSize = new() { Width = width, Height = height },
        IsMobile = width < 1000,
    };

    /// <summary>
    /// Every ward's interior point is on screen and is the ward itself at that point (no control, legend
    /// or outline over it). The view settles first (a fit follows the layout a frame later).
    /// </summary>
    private static async Task AssertWardsUncoveredAsync(IPage page, string size)
    {
        string[] covered = [];
        var clear = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.WaitForTimeoutAsync(200);
            var points = await WardPointsAsync(page);
            covered = [.. points.Where(p => p.Hit != "ward").Select(p => $"{p.Name} at ({p.X:0}, {p.Y:0}): {p.Hit}")];
            // Clear twice running: the view has settled, not passed through a clear moment.
            clear = points.Count > 0 && covered.Length == 0 ? clear + 1 : 0;
            if (clear == 2)
            {
                return;
            }
        }

        Assert.Fail($"At {size}: {string.Join("; ", covered)}");
    }

    private sealed record WardPoint(string Name, double X, double Y, string Hit);

    /// <summary>Each ward's interior point (the app's own pointInside) in page coordinates, and what the page has there.</summary>
    private static async Task<List<WardPoint>> WardPointsAsync(IPage page)
    {
        var points = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { pointInside } = await import('/js/geometry.js');
              const element = document.getElementById('map');
              const map = element.leafletMap;
              const box = element.getBoundingClientRect();
              const wards = await (await fetch('/ogc/collections/wards/items?simplify=20&limit=1000', { headers: { Accept: 'application/geo+json' } })).json();
              return wards.features.map(f => {
                const [lon, lat] = pointInside(f.geometry);
                const p = map.latLngToContainerPoint([lat, lon]);
                const x = box.left + p.x, y = box.top + p.y;
                const inView = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
                const e = inView ? document.elementFromPoint(x, y) : null;
                const hit = !inView ? 'off screen' : !e ? 'nothing'
                  : e.classList.contains('ward-area') || e.classList.contains('ward-selected') ? 'ward'
                  : (e.closest('.leaflet-control, .map-status')?.className ?? e.getAttribute('class') ?? e.tagName);
                return { name: f.properties.name, x, y, hit: String(hit) };
              });
            }
            """);
        return [.. points.EnumerateArray().Select(p => new WardPoint(
            p.GetProperty("name").GetString()!, p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble(), p.GetProperty("hit").GetString()!))];
    }
}
