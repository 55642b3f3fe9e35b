using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The axe scan that the tests of both sites run: the map with the recycling sites shown and Near me's results,
/// a ward profile with its charts, the plan explorer and the ranking table. Fails on any violation, whatever its impact.
/// </summary>
public static class AxeJourney
{
    /// <param name="map">A page open at the map.</param>
    /// <param name="place">A ward or town name for Near me.</param>
    /// <param name="radius">Near me's distance, in metres.</param>
    /// <param name="ward">The code of the ward whose profile is scanned.</param>
    /// <param name="recyclingSites">How many recycling sites the district has.</param>
    /// <param name="wards">How many wards the district has.</param>
    public static async Task AssertNoViolationsAsync(MapPage map, string place, int radius, string ward, int recyclingSites, int wards)
    {
        await map.Layer("Recycling sites").CheckAsync();
        await Expect(map.Page.Locator(".point-marker.swatch-recycling")).ToHaveCountAsync(recyclingSites);
        await map.NearMeByNameAsync(place, radius);
        await Expect(map.Panel("near").Locator(".near-list li").First).ToBeVisibleAsync();
        var onMap = await map.Page.RunAxe();
        await map.Page.GotoAsync($"/#panel=ward&ward={ward}");
        await Expect(map.Panel("ward").Locator("canvas.line-chart").First).ToBeVisibleAsync();
        var onProfile = await map.Page.RunAxe();
        await map.OpenTabAsync("plan");
        await Expect(map.Panel("plan").Locator("tbody tr").First).ToBeVisibleAsync();
        var onPlan = await map.Page.RunAxe();
        await map.OpenTabAsync("wards");
        await Expect(map.Panel("wards").Locator("table.ranking tbody tr")).ToHaveCountAsync(wards);
        var onRanking = await map.Page.RunAxe();

        var results = new[] { onMap, onProfile, onPlan, onRanking };
        Assert.All(results, r => Assert.NotEmpty(r.Passes));
        var violations = results
            .SelectMany(r => r.Violations)
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
