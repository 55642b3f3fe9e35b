using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The map with the plan and places endpoints answering as docs/api-contracts.md says (stubbed in the
/// browser, see <see cref="ContractStubs"/>): what the map does once those endpoints exist.
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class ContractTests(MapSite site)
{
    private async Task<(MapPage Map, List<string> Requests)> OpenAsync(string path = "/")
    {
        List<string> requests = [];
        var map = await site.OpenAsync(path, beforeLoad: async page => requests = await ContractStubs.InstallAsync(page));
        return (map, requests);
    }

    [Fact]
    public async Task Focus_wards_are_outlined_listed_with_their_reasons_and_marked_in_the_table()
    {
        var (map, _) = await OpenAsync("/#panel=wards");
        await using var _map = map;

        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Focus wards" }).Locator("input")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("path[stroke-dasharray='8 5']")).ToHaveCountAsync(1);
        await Expect(map.Panel("wards").Locator(".focus-list")).ToContainTextAsync(ContractStubs.FocusReason);
        await Expect(map.Panel("wards").Locator($"tr[data-code='{MapSite.WardB}'] td").Last).ToHaveTextAsync("Yes");
        await Expect(map.Page.Locator(".layers-note")).Not.ToContainTextAsync("focus wards");
    }

    [Fact]
    public async Task Route_layers_load_when_switched_on_and_carry_a_Sample_badge()
    {
        var (map, requests) = await OpenAsync();
        await using var _map = map;
        Assert.DoesNotContain(requests, r => r.Contains("/routes/items", StringComparison.Ordinal));

        await map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Walking routes" }).Locator("input").CheckAsync();

        await Expect(map.Page.Locator("path[stroke-dasharray='2 7']")).ToHaveCountAsync(1);
        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Walking routes" }).Locator(".badge-sample")).ToHaveTextAsync("Sample");
        await Expect(map.Page).ToHaveURLAsync(new Regex("layers=[^&]*walking-routes"));
    }

    [Fact]
    public async Task Every_place_on_the_map_is_also_in_a_table()
    {
        var (map, _) = await OpenAsync();
        await using var _map = map;

        var places = map.Panel("near").Locator(".places-tables");
        await places.GetByText("Walking routes", new() { Exact = true }).ClickAsync();
        var row = places.Locator("tbody tr", new() { HasText = "Sample riverside walk" });
        await Expect(row).ToContainTextAsync("Length: 5.2 km");
        await Expect(row.Locator(".badge-sample")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).ClickAsync();

        await Expect(map.Page.Locator(".leaflet-control-layers label", new() { HasText = "Walking routes" }).Locator("input")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("path[stroke-dasharray='2 7']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Near_me_lists_nearby_places_by_distance_with_the_focus_ward()
    {
        var (map, _) = await OpenAsync();
        await using var _map = map;

        await map.ClickMapAtAsync(0.15, 51.05);

        var results = map.Panel("near").Locator(".near-results");
        await Expect(results).ToContainTextAsync("Synthetic Ward B is a focus ward");
        await Expect(results.Locator(".near-list li")).ToHaveTextAsync([new Regex("^230 m Green space: Sample meadow Sample$"), new Regex("^1.2 km Route: Sample riverside walk Sample$")]);
    }

    [Fact]
    public async Task The_plan_explorer_filters_actions_and_marks_sample_ones()
    {
        var (map, _) = await OpenAsync("/#panel=plan");
        await using var _map = map;

        await Expect(map.Panel("plan").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(map.Panel("plan").Locator("tbody th")).ToContainTextAsync("Sample lunch club");
        await Expect(map.Panel("plan").Locator("tbody .badge-sample")).ToBeVisibleAsync();

        await map.Page.RunAndWaitForRequestAsync(
            () => map.Panel("plan").GetByLabel("RAG rating").SelectOptionAsync("red"),
            request => request.Url.Contains("/api/actions?", StringComparison.Ordinal) && request.Url.Contains("rag=red", StringComparison.Ordinal));

        await Expect(map.Panel("plan").Locator("a[download]")).ToHaveAttributeAsync("href", new Regex("rag=red.*f=csv"));
    }

    [Fact]
    public async Task A_ward_profile_shows_indicators_over_time_actions_and_green_space_access()
    {
        var (map, _) = await OpenAsync($"/#panel=ward&ward={MapSite.WardB}");
        await using var _map = map;

        var profile = map.Panel("ward");
        await Expect(profile.Locator(".callout")).ToContainTextAsync(ContractStubs.FocusReason);
        await Expect(profile.Locator("svg.line-chart")).ToHaveAttributeAsync("aria-label", new Regex("2023 18, 2024 21"));
        await Expect(profile.Locator(".action-list")).ToContainTextAsync("Sample lunch club");
        await Expect(profile).ToContainTextAsync("Residents within 400 m of a green space");
        await Expect(profile).Not.ToContainTextAsync("Not published yet");
    }

    [Fact]
    public async Task Wards_can_be_coloured_by_a_plan_indicator_with_its_unit_and_a_Sample_badge()
    {
        var (map, _) = await OpenAsync("/#panel=wards&by=indicator:volunteering");
        await using var _map = map;

        await Expect(map.Page.Locator("#measure")).ToHaveValueAsync("indicator:volunteering");
        await Expect(map.Page.Locator(".legend-unit")).ToContainTextAsync("Value (2024): %");
        await Expect(map.Page.Locator(".legend .badge-sample")).ToBeVisibleAsync();
        // Higher is better: the lowest value is the poorest outcome and ranks first.
        Assert.Equal([MapSite.WardB, MapSite.WardC, MapSite.WardA],
            await map.Panel("wards").Locator("table.ranking tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"));
    }
}
