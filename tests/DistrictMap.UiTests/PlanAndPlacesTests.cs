using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The map over the real plan and places endpoints, with the synthetic plan and places loaded through the
/// product's importers: what it shows is checked against what the API answers.
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class PlanAndPlacesTests(MapSite site)
{
    private static readonly string[] RouteKinds = ["walking", "cycling", "shared"];
    private static readonly string[] PlaceCounts = ["projects", "activities", "recyclingSites"];

    [Fact]
    public async Task Focus_wards_are_outlined_listed_with_their_reasons_and_marked_in_the_table()
    {
        var focus = await site.JsonAsync($"/api/focus-wards?district={MapSite.District}");
        var wards = focus.GetProperty("wards").EnumerateArray().ToList();
        Assert.Equal([MapSite.WardB, MapSite.WardA], wards.Select(w => w.GetProperty("code").GetString()));
        await using var map = await site.OpenAsync("/#panel=wards");

        await Expect(map.Layer("Focus wards")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("path.focus-outline[stroke-dasharray='8 5']")).ToHaveCountAsync(2);
        var list = map.Panel("wards").Locator(".focus-list");
        foreach (var reason in wards.SelectMany(w => w.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)))
        {
            await Expect(list).ToContainTextAsync(reason);
        }

        var focusCell = (string code) => map.Panel("wards").Locator($"table.ranking tr[data-code='{code}'] td").Last;
        await Expect(focusCell(MapSite.WardA)).ToHaveTextAsync("Yes");
        await Expect(focusCell(MapSite.WardB)).ToHaveTextAsync("Yes");
        await Expect(focusCell(MapSite.WardC)).ToHaveTextAsync("");
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task Place_layers_load_only_when_switched_on_and_sample_content_carries_a_badge()
    {
        var requested = new List<string>();
        await using var map = await site.OpenAsync(beforeLoad: page =>
        {
            page.Request += (_, request) => { lock (requested) { requested.Add(new Uri(request.Url).PathAndQuery); } };
            return Task.CompletedTask;
        });
        string[] Items() { lock (requested) { return [.. requested.Where(r => r.Contains("/items", StringComparison.Ordinal))]; } }
        Assert.All(Items(), r => Assert.Matches("^/ogc/collections/(districts|wards)/items", r));

        await map.Layer("Walking routes").CheckAsync();
        await Expect(map.Page.Locator("path[stroke-dasharray='2 7']")).ToHaveCountAsync(2);
        Assert.Contains(Items(), r => r.StartsWith("/ogc/collections/routes/items?", StringComparison.Ordinal) && r.Contains($"district={MapSite.District}", StringComparison.Ordinal));
        Assert.DoesNotContain(Items(), r => r.Contains("/activities/", StringComparison.Ordinal) || r.Contains("/actions/", StringComparison.Ordinal));
        await Expect(map.Page).ToHaveURLAsync(new Regex("layers=[^&]*walking-routes"));

        // Routes are not sample content; the activities were loaded as sample content.
        await Expect(map.Layer("Walking routes").Locator("xpath=..").Locator(".badge-sample")).ToHaveCountAsync(0);
        await map.Layer("Activities and volunteering").CheckAsync();
        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Activities and volunteering" }).Locator(".badge-sample")).ToHaveTextAsync("Sample");
        var markers = map.Page.Locator(".point-marker.swatch-activity");
        await Expect(markers).ToHaveCountAsync(2);
        await Expect(map.Page.Locator(".point-marker.swatch-activity.is-sample")).ToHaveCountAsync(2);

        await map.Page.Locator(".point-marker[title='Activity: Synthetic Litter Pick (sample)']").ClickAsync();
        var popup = map.Page.Locator(".leaflet-popup .popup");
        await Expect(popup.Locator(".popup-title")).ToHaveTextAsync("Synthetic Litter Pick Sample");
        await Expect(popup).ToContainTextAsync("Saturdays 10:00-12:00");
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task Every_place_on_the_map_is_also_in_a_table()
    {
        await using var map = await site.OpenAsync();

        var places = map.Panel("near").Locator(".places-tables");
        await places.GetByText("Walking routes", new() { Exact = true }).ClickAsync();
        var walks = places.Locator("details", new() { HasText = "Walking routes" }).Locator("tbody tr");
        await Expect(walks.Locator("th")).ToHaveTextAsync(["Synthetic Meridian Walk", "Synthetic Meridian Walk (copy)"]);
        await Expect(walks.First).ToContainTextAsync("Surface: gravel; Accessibility: step-free; Length: 2.2 km");
        await Expect(walks.Locator(".badge-sample")).ToHaveCountAsync(0);
        await walks.First.GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).ClickAsync();
        await Expect(map.Layer("Walking routes")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("path[stroke-dasharray='2 7']")).ToHaveCountAsync(2);

        await places.GetByText("Town-centre projects", new() { Exact = true }).ClickAsync();
        var projects = places.Locator("details", new() { HasText = "Town-centre projects" }).Locator("tbody tr");
        await Expect(projects.Locator("th")).ToHaveTextAsync(["Synthetic Market Project", "Synthetic Square Project"]);

        await places.GetByText("Activities and volunteering", new() { Exact = true }).ClickAsync();
        var activities = places.Locator("details", new() { HasText = "Activities and volunteering" }).Locator("tbody tr");
        await Expect(activities.Locator("th")).ToHaveTextAsync(["Synthetic Coffee Morning Sample", "Synthetic Litter Pick Sample"]);
        await Expect(activities.Locator(".badge-sample")).ToHaveCountAsync(2);
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task Near_me_lists_nearby_places_by_distance_with_the_focus_ward()
    {
        await using var map = await site.OpenAsync();
        await map.Panel("near").GetByLabel("Distance").SelectOptionAsync("2000");

        var request = await map.Page.RunAndWaitForRequestAsync(
            () => map.ClickMapAtAsync(0.15, 51.045),
            r => r.Url.Contains("/api/nearby?", StringComparison.Ordinal));

        // The same question to the API: the list is its answer, nearest first, with distances as the map writes them.
        var nearby = await site.JsonAsync(new Uri(request.Url).PathAndQuery);
        Assert.Equal(MapSite.WardB, nearby.GetProperty("ward").GetProperty("code").GetString());
        Assert.True(nearby.GetProperty("ward").GetProperty("focus").GetBoolean());
        var features = nearby.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count >= 3, $"expected at least 3 places, got {features.Count}");
        Assert.Contains(features, f => f.GetProperty("sample").GetBoolean());
        Assert.Contains(features, f => !f.GetProperty("sample").GetBoolean());
        var distances = features.Select(f => f.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);

        var results = map.Panel("near").Locator(".near-results");
        await Expect(results.Locator(".near-focus")).ToContainTextAsync("Synthetic Ward B is a focus ward of the community plan.");
        await Expect(results.Locator(".near-list li")).ToHaveTextAsync(features.Select(MapText.NearListEntry).ToArray());
        await Expect(results.Locator(".near-list li .badge-sample")).ToHaveCountAsync(features.Count(f => f.GetProperty("sample").GetBoolean()));
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task The_plan_explorer_filters_actions_as_the_API_does()
    {
        var all = await ActionTitlesAsync($"/api/actions?district={MapSite.District}");
        var red = await ActionTitlesAsync($"/api/actions?rag=red&district={MapSite.District}");
        var partnerA = await site.PartnerIdAsync("Synthetic Partner A");
        var byPartnerInWardC = await ActionTitlesAsync($"/api/actions?partner={partnerA}&ward={MapSite.WardC}&district={MapSite.District}");
        Assert.Equal(4, all.Length);
        Assert.Equal(["Synthetic action two"], red);
        Assert.Equal(["Synthetic action three"], byPartnerInWardC);
        await using var map = await site.OpenAsync("/#panel=plan");
        var panel = map.Panel("plan");
        var titles = panel.Locator("tbody th .action-title");

        await Expect(titles).ToHaveTextAsync(all);
        await Expect(panel.Locator("tbody tr", new() { HasText = "Synthetic action one" })).ToContainTextAsync("Led by A in ward A");
        await Expect(panel.Locator("tbody tr", new() { HasText = "Synthetic action one" }).Locator("td").First).ToHaveTextAsync("People");
        await Expect(panel.Locator("tbody .badge-sample")).ToHaveCountAsync(0);

        await map.Page.RunAndWaitForRequestAsync(
            () => panel.GetByLabel("RAG rating").SelectOptionAsync("red"),
            request => request.Url.Contains("/api/actions?", StringComparison.Ordinal) && request.Url.Contains("rag=red", StringComparison.Ordinal));
        await Expect(titles).ToHaveTextAsync(red);
        await Expect(panel.Locator("tbody tr").First).ToContainTextAsync("Red: off track");
        await Expect(panel.Locator("a[download]")).ToHaveAttributeAsync("href", new Regex("rag=red.*f=csv"));

        await panel.GetByLabel("RAG rating").SelectOptionAsync("");
        await panel.GetByLabel("Partner").SelectOptionAsync(partnerA.ToString(CultureInfo.InvariantCulture));
        await panel.GetByLabel("Ward").SelectOptionAsync(MapSite.WardC);
        await Expect(titles).ToHaveTextAsync(byPartnerInWardC);
        await Expect(panel.Locator("tbody tr").First).ToContainTextAsync("District-wide");
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task A_ward_profile_shows_its_focus_reasons_indicators_over_time_actions_and_places()
    {
        var ward = await site.JsonAsync($"/api/wards/{MapSite.WardA}");
        var values = await site.JsonAsync($"/api/indicators/SYN-UP/values?area={MapSite.WardA}");
        var series = values.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("area").GetString() == MapSite.WardA)
            .Select(v => $"{v.GetProperty("period").GetString()} {v.GetProperty("value").GetDouble().ToString("0.#", CultureInfo.InvariantCulture)}").ToList();
        Assert.Equal(["2025-Q3 40", "2025-Q4 35"], series);
        await using var map = await site.OpenAsync($"/#panel=ward&ward={MapSite.WardA}");

        var profile = map.Panel("ward");
        await Expect(profile.Locator(".callout")).ToContainTextAsync("A focus ward of the community plan.");
        await Expect(profile.Locator(".callout")).ToContainTextAsync(ward.GetProperty("focus").GetProperty("reasons")[0].GetString()!);
        await Expect(profile.Locator("canvas.line-chart")).ToHaveAttributeAsync("aria-label", new Regex(Regex.Escape(string.Join(", ", series)) + @" \(%\); target 50$"));
        // Chart.js (loaded when the first chart is shown) drew the ward's series from the table behind the chart, and both hold the API's values.
        await profile.Locator("canvas.line-chart").EvaluateAsync("c => new Promise(done => { const wait = () => window.Chart?.getChart(c) ? done() : setTimeout(wait, 50); wait(); })");
        var drawn = await profile.Locator("canvas.line-chart").EvaluateAsync<double?[]>("c => Chart.getChart(c).data.datasets[0].data");
        var tabled = await profile.Locator("figure.chart table tbody tr td:nth-of-type(1)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.value)");
        var expected = values.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("area").GetString() == MapSite.WardA)
            .Select(v => v.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(expected, drawn.Select(d => d!.Value));
        Assert.Equal(expected, tabled.Select(t => double.Parse(t, CultureInfo.InvariantCulture)));
        await Expect(profile.Locator(".action-list .action-title")).ToHaveTextAsync(
            ward.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToArray());
        await Expect(profile.Locator(".action-list")).ToContainTextAsync("district-wide");

        var places = ward.GetProperty("places");
        await Expect(Definition(profile, "Residents within 400 m of a green space")).ToHaveTextAsync(MapText.Percent(places.GetProperty("populationShareWithin400m").GetDouble()));
        await Expect(Definition(profile, "Walking / cycling / shared routes")).ToHaveTextAsync(string.Join(" / ",
            RouteKinds.Select(k => MapText.Distance(places.GetProperty("routeLengthM").GetProperty(k).GetDouble()))));
        await Expect(Definition(profile, "Town-centre projects, activities, recycling sites")).ToHaveTextAsync(string.Join(", ",
            PlaceCounts.Select(k => places.GetProperty(k).GetInt32())));

        await map.Page.GotoAsync($"/#panel=ward&ward={MapSite.WardC}");
        await Expect(profile.Locator("h2")).ToContainTextAsync("Synthetic Ward C");
        await Expect(profile).ToContainTextAsync("Not a focus ward of the community plan.");
        await Expect(profile.Locator(".callout")).ToHaveCountAsync(0);
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task Wards_can_be_coloured_by_a_plan_indicator_with_its_unit()
    {
        await using var map = await site.OpenAsync("/#panel=wards&by=indicator:SYN-UP");

        await Expect(map.Page.Locator("#measure")).ToHaveValueAsync("indicator:SYN-UP");
        // Only ward indicators colour wards: the district-level one is not offered.
        await Expect(map.Page.Locator("#measure option[value^='indicator:']")).ToHaveCountAsync(1);
        await Expect(map.Page.Locator(".legend-unit")).ToHaveTextAsync("Value: % (2025-Q4)");
        await Expect(map.Page.Locator(".legend .badge-sample")).ToHaveCountAsync(0);
        // Higher is better: the lowest value is the poorest outcome and ranks first; ward C has no value.
        Assert.Equal([MapSite.WardA, MapSite.WardB],
            await map.Panel("wards").Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
        // Darkest for the poorest outcome; grey for no value.
        Assert.Equal(["#440154", "#fde725", "#d9d9d9"], await map.Page.Locator("path.ward-area").EvaluateAllAsync<string[]>(
            "paths => ['Synthetic Ward A:', 'Synthetic Ward B:', 'Synthetic Ward C '].map(name => paths.find(p => p.getAttribute('aria-label').startsWith(name)).getAttribute('fill'))"));
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task A_district_without_a_plan_or_places_says_so_and_still_works()
    {
        var bare = await site.BareSiteUrlAsync();
        await using var map = await site.OpenAsync("/#panel=plan", siteUrl: bare);

        await Expect(map.Panel("plan")).ToContainTextAsync("No action of the community plan is loaded for this district yet.");
        await Expect(map.Page.Locator("#measure optgroup[label='Plan indicators']")).ToHaveCountAsync(0);
        await Expect(map.Page.Locator("path.ward-area")).ToHaveCountAsync(3);

        await map.Page.GotoAsync($"{bare}/#panel=ward&ward={MapSite.WardB}");
        var profile = map.Panel("ward");
        await Expect(profile.Locator("h2")).ToContainTextAsync("Synthetic Ward B");
        await Expect(profile).ToContainTextAsync("No indicator of the plan is measured for this ward yet.");
        await Expect(profile).ToContainTextAsync("No action of the plan reaches this ward yet.");
        await Expect(profile).ToContainTextAsync("No routes, green spaces, projects, activities or recycling sites are loaded for this district yet.");

        await map.OpenTabAsync("near");
        await map.ClickMapAtAsync(0.15, 51.05);
        await Expect(map.Panel("near").Locator(".near-results")).ToContainTextAsync("No place loaded here lies within 1 km.");
        var places = map.Panel("near").Locator(".places-tables");
        await places.GetByText("Green spaces", new() { Exact = true }).ClickAsync();
        await Expect(places).ToContainTextAsync("None are loaded for this district yet.");
        await map.Layer("Green spaces").CheckAsync();
        await Expect(map.Page.Locator("#announcer")).ToHaveTextAsync("Green spaces: none are loaded for this district yet.");
        Assert.Empty(map.Errors);
    }

    private async Task<string[]> ActionTitlesAsync(string url) =>
        [.. (await site.JsonAsync(url)).GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];

    private static ILocator Definition(ILocator scope, string term) =>
        scope.Locator("dt", new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") }).Locator("xpath=following-sibling::dd[1]");
}
