using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>The map page in a real browser, against the real application over the synthetic district, without network.</summary>
[Collection(MapSiteGroup.Name)]
public sealed class MapPageTests(MapSite site)
{
    [Fact]
    public async Task The_page_shows_the_ward_choropleth_and_its_legend_without_tiles()
    {
        await using var map = await site.OpenAsync();

        var wardColours = await map.Page.Locator(".leaflet-overlay-pane path.ward-area").EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('fill'))");
        Assert.Equal(3, wardColours.Length);
        Assert.DoesNotContain("#d9d9d9", wardColours);
        Assert.Equal(3, wardColours.Distinct().Count());
        await Expect(map.Page.Locator("#measure")).ToHaveValueAsync("imd");
        await Expect(map.Page.Locator(".legend-classes li")).ToHaveCountAsync(3);
        await Expect(map.Page.Locator(".legend-unit")).ToContainTextAsync("population-weighted score");
        await Expect(map.Page.Locator(".map-status")).ToContainTextAsync("background map cannot be reached");
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task The_attribution_line_carries_the_OGL_OS_and_ODbL_statements()
    {
        await using var map = await site.OpenAsync();

        var attribution = map.Page.Locator(".leaflet-control-attribution");
        await Expect(attribution).ToContainTextAsync("Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right");
        await Expect(attribution).ToContainTextAsync("English Indices of Deprivation: Ministry of Housing, Communities and Local Government, Open Government Licence v.3.0.");
        await Expect(attribution).ToContainTextAsync("© OpenStreetMap contributors");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_layer_control_the_legend_and_the_panels()
    {
        await using var map = await site.OpenAsync();
        var page = map.Page;

        var reached = new List<string>();
        for (var i = 0; i < 40 && !reached.Contains("tab:near"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e.closest('.leaflet-control-layers') ? 'layers:' + e.tagName : e.id === 'map' ? 'map' : e.getAttribute('role') === 'tab' ? 'tab:' + e.dataset.panel : e.id || e.tagName; }"));
        }

        Assert.Contains("map", reached);
        Assert.Contains("layers:INPUT", reached);
        Assert.Contains("measure", reached);
        Assert.Contains("tab:near", reached);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#tab-wards")).ToBeFocusedAsync();
        await Expect(map.Panel("wards")).ToBeVisibleAsync();
        await Expect(map.Panel("near")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(map.Panel("wards")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task A_layer_can_be_switched_off_from_the_keyboard()
    {
        await using var map = await site.OpenAsync();

        var district = map.Page.Locator(".leaflet-control-layers label", new() { HasText = "District outline" }).Locator("input");
        await district.FocusAsync();
        await map.Page.Keyboard.PressAsync("Space");

        await Expect(district).Not.ToBeCheckedAsync();
        await Expect(map.Page).ToHaveURLAsync(new Regex("layers=wards,focus(&|$)"));
    }

    [Fact]
    public async Task The_ranking_table_lists_the_wards_in_the_APIs_order_and_sorts()
    {
        var ranking = await site.JsonAsync("/api/wards/ranking?district=E07999999&by=imd");
        var expected = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();
        var scores = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("score").GetDouble()).ToArray();
        await using var map = await site.OpenAsync("/#panel=wards");
        Assert.Empty(map.Errors);
        var rows = map.Panel("wards").Locator("table.ranking tbody tr");

        Assert.Equal(expected, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        Assert.Equal(scores.Select(s => s.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)),
            await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[2].textContent.trim())"));
        await Expect(map.Panel("wards").Locator("a[href*='f=csv']")).ToHaveAttributeAsync("href", "/api/wards/ranking?by=imd&district=E07999999&f=csv");

        var byWard = map.Panel("wards").GetByRole(AriaRole.Button, new() { Name = "Ward", Exact = true });
        await byWard.ClickAsync();
        var byName = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)");
        Assert.Equal([MapSite.WardA, MapSite.WardB, MapSite.WardC], byName);
        await Expect(map.Panel("wards").Locator("th[aria-sort='ascending']")).ToContainTextAsync("Ward");

        await byWard.ClickAsync();
        Assert.Equal([MapSite.WardC, MapSite.WardB, MapSite.WardA], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        await Expect(map.Panel("wards").Locator("th[aria-sort='descending']")).ToContainTextAsync("Ward");
    }

    [Fact]
    public async Task The_table_follows_the_measure_chosen_for_the_map()
    {
        var ranking = await site.JsonAsync("/api/wards/ranking?district=E07999999&by=income");
        var expected = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();
        await using var map = await site.OpenAsync("/#panel=wards");

        await map.Page.Locator("#measure").SelectOptionAsync("income");

        await Expect(map.Panel("wards").Locator("caption")).ToContainTextAsync("Income");
        Assert.Equal(expected, await map.Panel("wards").Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        await Expect(map.Page).ToHaveURLAsync(new Regex("by=income"));
    }

    [Fact]
    public async Task Clicking_a_ward_on_the_map_opens_its_profile()
    {
        await using var map = await site.OpenAsync("/#panel=wards");

        await map.ClickMapAtAsync(0.15, 51.05);

        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward B");
        await Expect(map.Panel("ward")).ToContainTextAsync("IMD score (population-weighted)");
        await Expect(map.Panel("ward").Locator(".domain-bars li").First).ToBeVisibleAsync();
        await Expect(map.Page).ToHaveURLAsync(new Regex($"panel=ward&ward={MapSite.WardB}"));
    }

    [Fact]
    public async Task A_ward_on_the_map_is_a_button_for_the_keyboard()
    {
        await using var map = await site.OpenAsync("/#panel=wards");
        var ward = map.Page.GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A: Index of Multiple Deprivation 17.5" });

        await ward.FocusAsync();
        await Expect(map.Page.Locator(".leaflet-tooltip")).ToContainTextAsync("Synthetic Ward A");
        await map.Page.Keyboard.PressAsync("Enter");

        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward A");
    }

    [Fact]
    public async Task Choosing_a_ward_in_the_table_opens_its_profile()
    {
        await using var map = await site.OpenAsync("/#panel=wards");

        await map.Panel("wards").Locator("table.ranking").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A", Exact = true }).ClickAsync();

        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward A");
        await Expect(map.Page.Locator("#tab-ward")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(map.Panel("ward").Locator("h3")).ToHaveTextAsync(
            ["Deprivation (IoD2019)", "Domains: rank among the district’s wards", "Indicators over time", "Plan actions reaching this ward",
             "Green space and local places", "LSOAs counted in this ward", "Neighbouring wards"]);

        // The focus wards' list opens profiles too.
        await map.OpenTabAsync("wards");
        await map.Panel("wards").Locator(".focus-list").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward B", Exact = true }).ClickAsync();
        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward B");
    }

    [Fact]
    public async Task The_URL_restores_the_view_layers_measure_and_open_ward()
    {
        const string view = "map=12/51.05000/0.25000&by=income&layers=wards&panel=ward&ward=E05999901";
        await using var map = await site.OpenAsync($"/#{view}");

        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Synthetic Ward A");
        await Expect(map.Page.Locator("#measure")).ToHaveValueAsync("income");
        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "District outline" }).Locator("input")).Not.ToBeCheckedAsync();
        var (zoom, lat, lon) = await ViewAsync(map.Page);
        Assert.Equal(12, zoom);
        Assert.Equal(51.05, lat, 0.001);
        Assert.Equal(0.25, lon, 0.001);
        Assert.EndsWith($"#{view}", map.Page.Url, StringComparison.Ordinal);

        await map.Page.GoBackAsync();
        await map.Page.GotoAsync($"/#map=11/51.05000/0.15000&panel=wards");
        await Expect(map.Page.Locator("#tab-wards")).ToHaveAttributeAsync("aria-selected", "true");
    }

    [Fact]
    public async Task Near_me_by_clicking_the_map_names_the_ward_and_whether_it_is_a_focus_ward()
    {
        await using var map = await site.OpenAsync();
        await Expect(map.Page.Locator("#tab-near")).ToHaveAttributeAsync("aria-selected", "true");

        await map.ClickMapAtAsync(0.25, 51.05);

        var results = map.Panel("near").Locator(".near-results");
        await Expect(results.Locator(".near-ward")).ToContainTextAsync("Synthetic Ward C <script>");
        await Expect(results.Locator(".near-ward")).ToContainTextAsync("ward, Synthetic District");
        await Expect(results.Locator(".near-focus")).ToContainTextAsync($"{MapSite.HostileWardName} is not a focus ward.");

        await Expect(map.Page.Locator("#announcer")).ToContainTextAsync("Synthetic Ward C");
        await Expect(map.Page).ToHaveURLAsync(new Regex(@"near=0\.2\d{4},51\.0\d{4}&r=1000"));
    }

    [Fact]
    public async Task Near_me_finds_a_ward_by_name_and_with_the_devices_location()
    {
        await using var map = await site.OpenAsync("/", new() { Geolocation = new() { Longitude = 0.05f, Latitude = 51.05f }, Permissions = ["geolocation"] });
        var results = map.Panel("near").Locator(".near-ward");

        await map.Panel("near").GetByLabel("Ward or town name").FillAsync("ward b");
        await map.Panel("near").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(results).ToContainTextAsync("Synthetic Ward B");

        await map.Panel("near").GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();
        await Expect(results).ToContainTextAsync("Synthetic Ward A");
    }

    [Fact]
    public async Task A_script_tag_in_a_ward_name_is_shown_as_text()
    {
        await using var map = await site.OpenAsync($"/#panel=ward&ward={MapSite.WardC}");

        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync(MapSite.HostileWardName);
        await map.OpenTabAsync("wards");
        await Expect(map.Panel("wards").Locator($"tr[data-code='{MapSite.WardC}'] th")).ToHaveTextAsync(MapSite.HostileWardName);
        Assert.Null(await map.Page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.Equal(0, await map.Page.Locator("#panels script, #panels img").CountAsync());
    }

    [Fact]
    public async Task Axe_finds_no_violations_on_the_map_near_me_a_ward_profile_the_plan_and_the_ranking()
    {
        await using var map = await site.OpenAsync();

        await AxeJourney.AssertNoViolationsAsync(map, "ward a", radius: 5000, MapSite.WardA, recyclingSites: 2, wards: 3);
    }

    /// <summary>The map's zoom and centre, as Leaflet has them.</summary>
    private static async Task<(int Zoom, double Lat, double Lon)> ViewAsync(IPage page)
    {
        var view = await page.EvaluateAsync<double[]>("() => { const m = document.getElementById('map').leafletMap; const c = m.getCenter(); return [m.getZoom(), c.lat, c.lng]; }");
        return ((int)view[0], view[1], view[2]);
    }
}
