using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>Near me's places on the map, by kind; and a keyboard journey where every stop has a name and the focus is never lost.</summary>
[Collection(MapSiteGroup.Name)]
public sealed class NearMeAndKeyboardTests(MapSite site)
{
    [Fact]
    public async Task Near_mes_places_are_drawn_on_the_map_open_from_the_list_and_filter_by_kind()
    {
        await using var map = await site.OpenAsync();
        await map.NearMeByNameAsync("Synthetic Ward A", 10000);
        var list = map.Panel("near").Locator(".near-list li");
        await Expect(list.First).ToBeVisibleAsync();
        var listed = await list.CountAsync();
        var nearby = await site.JsonAsync(await map.Page.EvaluateAsync<string>(
            "() => { const s = new URLSearchParams(location.hash.slice(1)); const [lon, lat] = s.get('near').split(','); return `/api/nearby?lon=${lon}&lat=${lat}&radius=${s.get('r')}`; }"));
        var kinds = nearby.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("kind").GetString()!).ToList();

        Assert.Equal(kinds.Count, listed);
        await Expect(map.Page.Locator(".near-place")).ToHaveCountAsync(listed);

        // A name in the list shows its place, with a popup naming it.
        var first = list.First.Locator("button.near-name");
        var name = await first.TextContentAsync();
        await first.ClickAsync();
        await Expect(map.Page.Locator(".leaflet-popup-content")).ToContainTextAsync(name!);

        // One kind off: gone from the list and the map; on again: back.
        var kind = kinds.GroupBy(k => k).OrderBy(g => g.Count()).First();
        var box = map.Panel("near").Locator(".near-filter input[value='" + kind.Key + "']");
        await box.UncheckAsync();
        await Expect(map.Panel("near").Locator($".near-list li[data-kind='{kind.Key}']")).ToBeHiddenAsync();
        await Expect(map.Page.Locator(".near-place")).ToHaveCountAsync(listed - kind.Count());
        await box.CheckAsync();
        await Expect(map.Page.Locator(".near-place")).ToHaveCountAsync(listed);
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task Every_tab_stop_has_a_name_and_none_is_a_focus_ward_outline()
    {
        await using var map = await site.OpenAsync();
        var stops = new List<JsonElement>();
        for (var i = 0; i < 60; i++)
        {
            await map.Page.Keyboard.PressAsync("Tab");
            stops.Add(await map.Page.EvaluateAsync<JsonElement>("""
                () => {
                  const e = document.activeElement;
                  const labelled = e.getAttribute('aria-labelledby')?.split(' ').map(id => document.getElementById(id)?.textContent ?? '').join(' ');
                  const name = (e.getAttribute('aria-label') || labelled || (e.labels && [...e.labels].map(l => l.textContent).join(' ')) || e.textContent || e.getAttribute('title') || '').trim();
                  return { tag: e.tagName, cls: String(e.getAttribute('class') ?? ''), name, outline: !!e.closest('.focus-outline') || String(e.getAttribute('class') ?? '').includes('focus-outline') };
                }
                """));
        }

        Assert.All(stops, s => Assert.False(s.GetProperty("outline").GetBoolean(), $"a focus-ward outline is a tab stop: {s}"));
        Assert.All(stops, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("name").GetString()), $"an unnamed tab stop: {s}"));
    }

    [Fact]
    public async Task The_focus_stays_in_the_journey_after_picking_a_ward_and_after_Back()
    {
        await using var map = await site.OpenAsync("/#panel=wards");
        var pick = map.Panel("wards").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A" }).First;
        await pick.FocusAsync();
        await map.Page.Keyboard.PressAsync("Enter");

        await Expect(map.Panel("ward")).ToBeVisibleAsync();
        Assert.True(await map.Page.EvaluateAsync<bool>("() => document.getElementById('panel-ward').contains(document.activeElement)"), "the focus is in the ward profile");
        await Expect(map.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Synthetic Ward A, Synthetic District: DistrictMap$"));

        await map.Panel("ward").GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Back") }).ClickAsync();
        await Expect(map.Panel("wards")).ToBeVisibleAsync();
        var focused = await map.Page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        Assert.Equal("Synthetic Ward A", focused);
        await Expect(map.Page).ToHaveTitleAsync("Synthetic District: DistrictMap");
    }
}
