using System.Text.RegularExpressions;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The map in a real browser on the real Sevenoaks District data (DISTRICTMAP_DATA_DIR), with the sample plan
/// and sample places that <c>./run.sh</c> loads; what it shows is compared with what the API answers.
/// Screenshots are saved in TestResults/screenshots.
/// </summary>
public sealed class SevenoaksMapTests(SevenoaksSite site) : IClassFixture<SevenoaksSite>
{
    private const string District = SevenoaksSite.District;

    [RealDataFact]
    public async Task The_map_draws_the_26_wards_in_five_classes_with_the_legend_and_the_five_focus_wards()
    {
        var ranking = await site.JsonAsync($"/api/wards/ranking?district={District}&by=imd");
        var names = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(26, names.Length);
        await using var map = await site.OpenAsync();

        var wards = map.Page.Locator(".leaflet-overlay-pane path.ward-area");
        await Expect(wards).ToHaveCountAsync(26);
        var colours = await wards.EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('fill'))");
        Assert.DoesNotContain("#d9d9d9", colours);
        Assert.Equal(5, colours.Distinct().Count());
        var labels = await wards.EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('aria-label'))");
        Assert.Equal(names, labels.Select(l => l[..l.IndexOf(": Index of Multiple Deprivation ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        await Expect(map.Page.Locator(".legend-classes li")).ToHaveCountAsync(5);
        await Expect(map.Page.Locator(".legend-unit")).ToHaveTextAsync(new Regex(@"^Score: population-weighted score \(IoD2019\)"));
        await Expect(map.Page.Locator("path.focus-outline")).ToHaveCountAsync(5);
        await Expect(map.Page.Locator("#district-name")).ToContainTextAsync("Sevenoaks");
        Assert.Empty(map.Errors);

        await BrowserSite.SaveScreenshotAsync(map.Page, "sevenoaks-desktop.png");
    }

    [RealDataFact]
    public async Task At_375_px_the_page_fits_the_width_with_the_legend_below_the_map()
    {
        await using var map = await site.OpenAsync("/", new() { ViewportSize = new() { Width = 375, Height = 812 } });

        await Expect(map.Page.Locator(".leaflet-overlay-pane path.ward-area")).ToHaveCountAsync(26);
        await Expect(map.Page.Locator("#legend-slot .legend-classes li")).ToHaveCountAsync(5);
        await Expect(map.Page.Locator(".leaflet-control-layers-toggle")).ToBeVisibleAsync();
        Assert.True(await map.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"), "the page scrolls sideways at 375 px");
        Assert.Empty(map.Errors);

        await BrowserSite.SaveScreenshotAsync(map.Page, "sevenoaks-375.png");
    }

    [RealDataFact]
    public async Task Choosing_Swanley_St_Marys_opens_its_profile_with_its_focus_ward_reasons()
    {
        var focus = await site.JsonAsync($"/api/focus-wards?district={District}");
        var ward = focus.GetProperty("wards").EnumerateArray().Single(w => w.GetProperty("code").GetString() == SevenoaksSite.SwanleyStMarys);
        var reasons = ward.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.NotEmpty(reasons);
        var profileJson = await site.JsonAsync($"/api/wards/{SevenoaksSite.SwanleyStMarys}");
        await using var map = await site.OpenAsync("/#panel=wards");

        await map.Panel("wards").Locator("table.ranking").GetByRole(AriaRole.Button, new() { Name = "Swanley St Mary's", Exact = true }).ClickAsync();

        var profile = map.Panel("ward");
        await Expect(profile.Locator("h2")).ToContainTextAsync("Swanley St Mary's");
        await Expect(profile.Locator(".callout")).ToContainTextAsync("A focus ward of the community plan.");
        await Expect(profile.Locator(".callout li")).ToHaveTextAsync(reasons);
        await Expect(map.Page).ToHaveURLAsync(new Regex($"panel=ward&ward={SevenoaksSite.SwanleyStMarys}"));
        // The sample plan's actions reaching the ward, each with its Sample badge.
        var actions = profileJson.GetProperty("actions").GetArrayLength();
        Assert.True(actions > 0);
        await Expect(profile.Locator(".action-list > li")).ToHaveCountAsync(actions);
        await Expect(profile.Locator(".action-list .badge-sample")).ToHaveCountAsync(actions);
        Assert.Empty(map.Errors);
    }

    [RealDataFact]
    public async Task Near_me_from_a_fixed_location_lists_places_in_distance_order_as_the_API_does()
    {
        await using var map = await site.OpenAsync("/", new() { Geolocation = new() { Longitude = 0.1712f, Latitude = 51.3985f }, Permissions = ["geolocation"] });

        var request = await map.Page.RunAndWaitForRequestAsync(
            () => map.Panel("near").GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync(),
            r => r.Url.Contains("/api/nearby?", StringComparison.Ordinal));

        var nearby = await site.JsonAsync(new Uri(request.Url).PathAndQuery);
        Assert.Equal(0.1712, double.Parse(new Regex(@"lon=([\d.]+)").Match(request.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1e-5);
        var features = nearby.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count >= 5, $"expected at least 5 places within 1 km in Swanley, got {features.Count}");
        var distances = features.Select(f => f.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        var wardName = nearby.GetProperty("ward").GetProperty("name").GetString()!;
        Assert.StartsWith("Swanley", wardName, StringComparison.Ordinal);

        var results = map.Panel("near").Locator(".near-results");
        await Expect(results.Locator(".near-ward")).ToContainTextAsync($"{wardName} ward, ");
        await Expect(results.Locator(".near-focus")).ToContainTextAsync(nearby.GetProperty("ward").GetProperty("focus").GetBoolean()
            ? $"{wardName} is a focus ward of the community plan."
            : $"{wardName} is not a focus ward.");
        await Expect(results.Locator(".near-list li")).ToHaveTextAsync(features.Select(MapText.NearListEntry).ToArray());
        Assert.Empty(map.Errors);
    }

    [RealDataFact]
    public async Task The_ranking_table_has_the_26_wards_in_the_APIs_order()
    {
        var ranking = await site.JsonAsync($"/api/wards/ranking?district={District}&by=imd");
        var codes = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();
        var scores = ranking.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("score").GetDouble().ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(26, codes.Length);
        Assert.Equal(SevenoaksSite.SwanleyStMarys, codes[0]);
        await using var map = await site.OpenAsync("/#panel=wards");

        var rows = map.Panel("wards").Locator("table.ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(26);
        Assert.Equal(codes, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        Assert.Equal(scores, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.cells[2].textContent.trim())"));
        Assert.Empty(map.Errors);
    }

    /// <summary>
    /// Tab, Enter, Escape and typing only; the arrow keys move between the panels' tabs, as ARIA tabs do
    /// (only the chosen tab is in the Tab order).
    /// </summary>
    [RealDataFact]
    public async Task A_keyboard_only_journey_through_the_ranking_a_ward_profile_near_me_and_the_plan()
    {
        var red = (await site.JsonAsync($"/api/actions?district={District}&rag=red")).GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()!).ToArray();
        Assert.NotEmpty(red);
        await using var map = await site.OpenAsync();
        var page = map.Page;

        // From the top of the page to the panels' tabs, then to the ranking.
        await TabUntilAsync(page, "e => e.id === 'tab-near'");
        Assert.True(await page.EvaluateAsync<bool>("() => getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "no visible focus on the tab");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#tab-wards")).ToHaveAttributeAsync("aria-selected", "true");

        // A focus ward's profile, and back to the ranking where the focus was.
        await TabUntilAsync(page, "e => e.closest('.focus-list') && e.textContent === \"Swanley St Mary's\"");
        await page.Keyboard.PressAsync("Enter");
        await Expect(map.Panel("ward")).ToBeFocusedAsync();
        await Expect(map.Panel("ward").Locator("h2")).ToContainTextAsync("Swanley St Mary's");
        await Expect(map.Panel("ward").Locator(".callout li").First).ToBeVisibleAsync();
        await Expect(map.Panel("ward").GetByRole(AriaRole.Button, new() { Name = "Back to Ranking" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#tab-wards")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(map.Panel("wards").Locator(".focus-list").GetByRole(AriaRole.Button, new() { Name = "Swanley St Mary's", Exact = true })).ToBeFocusedAsync();

        // Near me by a ward's name.
        await TabUntilAsync(page, "e => e.id === 'tab-wards'", backwards: true);
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#tab-near")).ToHaveAttributeAsync("aria-selected", "true");
        await TabUntilAsync(page, "e => e.id === 'near-search'");
        await page.Keyboard.TypeAsync("Swanley White Oak");
        await page.Keyboard.PressAsync("Enter");
        await Expect(map.Panel("near").Locator(".near-ward")).ToContainTextAsync("Swanley White Oak ward");
        await Expect(map.Panel("near").Locator(".near-list li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Swanley White Oak ward.");

        // The plan explorer, filtered to the red actions.
        await TabUntilAsync(page, "e => e.id === 'tab-near'", backwards: true);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#tab-plan")).ToHaveAttributeAsync("aria-selected", "true");
        await TabUntilAsync(page, "e => e.id === 'plan-rag'");
        await page.Keyboard.TypeAsync("Red");
        await Expect(page.Locator("#plan-rag")).ToHaveValueAsync("red");
        await Expect(map.Panel("plan").Locator("tbody th .action-title")).ToHaveTextAsync(red);
        Assert.Empty(map.Errors);
    }

    [RealDataFact]
    public async Task Axe_finds_no_violations_on_the_map_near_me_a_ward_profile_the_plan_and_the_ranking()
    {
        await using var map = await site.OpenAsync();

        await AxeJourney.AssertNoViolationsAsync(map, "Swanley St Mary", radius: 2000, SevenoaksSite.SwanleyStMarys, recyclingSites: 4, wards: 26);
        Assert.Empty(map.Errors);
    }

    /// <summary>Presses Tab (or Shift+Tab) until the focused element matches a script predicate; fails after 120 presses.</summary>
    private static async Task TabUntilAsync(IPage page, string predicate, bool backwards = false)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && !!({predicate})(e); }}"))
            {
                return;
            }
        }

        Assert.Fail($"The keyboard did not reach the element matching {predicate} in 120 presses of {(backwards ? "Shift+Tab" : "Tab")}");
    }
}
