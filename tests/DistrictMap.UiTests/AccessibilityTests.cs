using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// What WCAG 2.2 AA asks of the map beyond axe's rules: focus that moves into popups and panels and comes
/// back on Escape, reduced motion, and a page usable at 320 CSS px (a 1280 px screen at 400% zoom).
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class AccessibilityTests(MapSite site)
{
    [Fact]
    public async Task A_markers_popup_takes_the_focus_and_Escape_closes_it_and_gives_the_focus_back()
    {
        await using var map = await site.OpenAsync();
        await map.Layer("Recycling sites").CheckAsync();
        var marker = map.Page.Locator(".point-marker.swatch-recycling").First;
        await Expect(map.Page.Locator(".point-marker.swatch-recycling")).ToHaveCountAsync(2);

        await marker.FocusAsync();
        await map.Page.Keyboard.PressAsync("Enter");

        var content = map.Page.Locator(".leaflet-popup .leaflet-popup-content");
        await Expect(content).ToBeFocusedAsync();
        await Expect(content.Locator(".popup-kind")).ToHaveTextAsync("Recycling site");
        await map.Page.Keyboard.PressAsync("Escape");
        await Expect(map.Page.Locator(".leaflet-popup")).ToHaveCountAsync(0);
        await Expect(marker).ToBeFocusedAsync();
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task A_plan_action_shown_on_the_map_takes_the_focus_and_Escape_gives_it_back_to_its_button()
    {
        await using var map = await site.OpenAsync("/#panel=plan");
        var show = map.Panel("plan").GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).First;

        await show.FocusAsync();
        await map.Page.Keyboard.PressAsync("Enter");

        await Expect(map.Page.Locator(".leaflet-popup .leaflet-popup-content")).ToBeFocusedAsync();
        await map.Page.Keyboard.PressAsync("Escape");
        await Expect(map.Page.Locator(".leaflet-popup")).ToHaveCountAsync(0);
        await Expect(show).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_ward_profile_takes_the_focus_and_Escape_or_Back_returns_to_where_it_was_opened()
    {
        await using var map = await site.OpenAsync("/#panel=wards");
        var inTable = map.Panel("wards").Locator("table.ranking").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A", Exact = true });

        await inTable.FocusAsync();
        await map.Page.Keyboard.PressAsync("Enter");
        await Expect(map.Panel("ward")).ToBeFocusedAsync();
        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward A");
        await map.Page.Keyboard.PressAsync("Escape");

        await Expect(map.Page.Locator("#tab-wards")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(inTable).ToBeFocusedAsync();

        // From Near me, the Back button says where it goes.
        await map.OpenTabAsync("near");
        await map.NearMeByNameAsync("ward b", radius: 1000);
        await map.Panel("near").GetByRole(AriaRole.Button, new() { Name = "Open the profile of Synthetic Ward B" }).ClickAsync();
        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward B");
        await map.Panel("ward").GetByRole(AriaRole.Button, new() { Name = "Back to Near me" }).ClickAsync();
        await Expect(map.Panel("near")).ToBeVisibleAsync();
        await Expect(map.Panel("near").GetByRole(AriaRole.Button, new() { Name = "Open the profile of Synthetic Ward B" })).ToBeFocusedAsync();
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task With_reduced_motion_the_map_zooms_and_pans_at_once_and_otherwise_it_animates()
    {
        const string zoomAndPan = """
            () => {
              const m = document.getElementById('map').leafletMap;
              const before = m.getCenter();
              m.panBy([150, 0]);
              const pannedAtOnce = Math.abs(m.getSize().x / 2 - m.latLngToContainerPoint(before).x - 150) < 1;
              const zoom = m.getZoom();
              m.zoomIn();
              const zoomedAtOnce = m.getZoom() === zoom + 1;
              return [pannedAtOnce, zoomedAtOnce];
            }
            """;
        bool[] still, moving;
        await using (var map = await site.OpenAsync("/", new() { ReducedMotion = ReducedMotion.Reduce }))
        {
            still = await map.Page.EvaluateAsync<bool[]>(zoomAndPan);
            Assert.Empty(map.Errors);
        }

        await using (var map = await site.OpenAsync("/", new() { ReducedMotion = ReducedMotion.NoPreference }))
        {
            moving = await map.Page.EvaluateAsync<bool[]>(zoomAndPan);
        }

        Assert.Equal([true, true], still);
        Assert.Equal([false, false], moving);
    }

    [Fact]
    public async Task At_320_px_wide_nothing_scrolls_sideways_and_the_layers_open_and_close_from_the_keyboard()
    {
        // 1280 by 1024 at 400% zoom.
        await using var map = await site.OpenAsync("/", new() { ViewportSize = new() { Width = 320, Height = 256 } });
        var page = map.Page;
        // The page's scroll width beyond its width, and the outermost elements that stick out (for the failure message).
        const string overflow = """
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return '';
              const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
              const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e));
              return out.filter(e => !out.includes(e.parentElement)).slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (right ${Math.round(e.getBoundingClientRect().right)})`).join(', ');
            }
            """;

        Assert.Equal("", await page.EvaluateAsync<string>(overflow));
        foreach (var panel in new[] { "ward", "plan", "wards", "near" })
        {
            await map.OpenTabAsync(panel);
            await Expect(map.Panel(panel).Locator("h2").First).ToBeVisibleAsync();
            var wide = await page.EvaluateAsync<string>(overflow);
            Assert.True(wide.Length == 0, $"the {panel} panel makes the page scroll sideways at 320 px: {wide}");
        }

        var toggle = page.Locator(".leaflet-control-layers-toggle");
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-control-layers")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-control-layers-expanded"));
        await Expect(page.Locator(".leaflet-control-layers-list input").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator(".leaflet-control-layers")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("leaflet-control-layers-expanded"));
        await Expect(toggle).ToBeFocusedAsync();
        Assert.Empty(map.Errors);

        await BrowserSite.SaveScreenshotAsync(page, "synthetic-320.png");
    }

    /// <summary>The screenshot in the README (docs/images/map.png) is this one, of the synthetic district.</summary>
    [Fact]
    public async Task Sample_content_is_badged_on_the_map_in_the_layer_control_and_in_near_me()
    {
        await using var map = await site.OpenAsync("/", new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await map.Layer("Activities and volunteering").CheckAsync();
        await map.Layer("Walking routes").CheckAsync();
        await Expect(map.Page.Locator(".point-marker.swatch-activity.is-sample")).ToHaveCountAsync(2);
        await map.NearMeByNameAsync("ward b", radius: 5000);

        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Activities and volunteering" }).Locator(".badge-sample")).ToHaveTextAsync("Sample");
        await Expect(map.Panel("near").Locator(".near-list .badge-sample").First).ToBeVisibleAsync();
        await Expect(map.Page.Locator("#district-name")).ToHaveTextAsync("Synthetic District");
        Assert.Empty(map.Errors);

        await BrowserSite.SaveScreenshotAsync(map.Page, "synthetic-desktop.png", fullPage: false);
    }
}
