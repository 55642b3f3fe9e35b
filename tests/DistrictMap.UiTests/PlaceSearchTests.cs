using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DistrictMap.Api.Places;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;
using DistrictMap.Tests.Search;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The synthetic district with the synthetic places, and the synthetic postcodes (ZZ…) and place names
/// loaded through the product's ONS Postcode Directory and OS Open Names importers.
/// </summary>
public sealed class SearchSite : BrowserSite
{
    public override Task InitializeAsync() => StartAsync(LoadAsync, MapSite.AppSettings);

    private static async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        foreach (var (layer, file) in SyntheticPlaces.Files)
        {
            await db.ImportPlacesAsync(layer, file, sample: layer == PlaceLayer.Activities);
        }

        await SearchApiFixture.LoadGazetteersAsync(db);
    }
}

[CollectionDefinition(Name)]
public sealed class SearchSiteGroup : ICollectionFixture<SearchSite>
{
    public const string Name = "search site";
}

/// <summary>What the search box and its results look like to a test: the combobox, its options, its note and its live region.</summary>
internal static class SearchBox
{
    public static ILocator Input(MapPage map) => map.Page.GetByRole(AriaRole.Combobox, new() { Name = "Postcode or place" });

    public static ILocator Options(MapPage map) => map.Page.Locator("#place-search-list").GetByRole(AriaRole.Option);

    public static ILocator Note(MapPage map) => map.Page.Locator("#place-search .place-search-note");

    public static ILocator Status(MapPage map) => map.Page.Locator("#place-search [role='status']");

    public static async Task TypeAsync(MapPage map, string text)
    {
        await Input(map).ClickAsync();
        await Input(map).PressSequentiallyAsync(text, new() { Delay = 40 });
    }

    /// <summary>Near me's list, as /api/nearby answers for a point and radius: distance, kind, name, nearest first.</summary>
    public static async Task ExpectNearMeListAsync(BrowserSite site, MapPage map, double lon, double lat, int radius)
    {
        var nearby = await site.JsonAsync(string.Create(CultureInfo.InvariantCulture, $"/api/nearby?lon={lon}&lat={lat}&radius={radius}"));
        var features = nearby.GetProperty("features").EnumerateArray().ToList();
        Assert.True(features.Count >= 2, $"the synthetic places give near me too little to sort: {features.Count}");
        var distances = features.Select(f => f.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        await Expect(map.Panel("near").Locator(".near-list li")).ToHaveTextAsync(features.Select(MapText.NearListEntry).ToArray());
    }

    /// <summary>Where Near me last looked, from the URL (near=lon,lat).</summary>
    public static Task<double[]> NearPointAsync(MapPage map) => map.Page.EvaluateAsync<double[]>(
        "() => new URLSearchParams(location.hash.slice(1)).get('near').split(',').map(Number)");

    /// <summary>A point as the URL keeps it: to 5 decimals, about a metre.</summary>
    public static void AssertAt(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 0.00001));
    }

    public static void AssertNoViolations(params AxeResult[] results)
    {
        Assert.All(results, r => Assert.NotEmpty(r.Passes));
        var violations = results.SelectMany(r => r.Violations)
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

/// <summary>The postcode and place search in the map's header, over loaded postcodes and names: as typed, from the keyboard alone, and to axe.</summary>
[Collection(SearchSiteGroup.Name)]
public sealed class PlaceSearchTests(SearchSite site)
{
    private const int Radius = 10000;

    /// <summary>Where the synthetic postcode ZZ1 1AB is (onspd-synthetic.csv).</summary>
    private static readonly double[] ZZ11AB = [0.055, 51.052];

    [Fact]
    public async Task A_partial_postcode_lists_its_postcodes_Enter_picks_one_and_near_me_lists_places_by_distance_from_it()
    {
        await using var map = await site.OpenAsync();
        await map.Panel("near").GetByLabel("Distance").SelectOptionAsync(Radius.ToString(CultureInfo.InvariantCulture));
        await SearchBox.TypeAsync(map, "zz1 1a");

        var options = SearchBox.Options(map);
        await Expect(options).ToHaveCountAsync(3);
        await Expect(options.Locator(".place-search-name")).ToHaveTextAsync(["ZZ1 1A", "ZZ1 1AA", "ZZ1 1AB"]);
        await Expect(options.Nth(0)).ToContainTextAsync("Postcode area, 2 postcodes, Synthetic Ward A ward");
        await Expect(options.Nth(2)).ToContainTextAsync("Postcode, Synthetic Ward A ward");
        await Expect(SearchBox.Input(map)).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(SearchBox.Status(map)).ToHaveTextAsync(new Regex("^3 results"));

        await map.Page.Keyboard.PressAsync("ArrowDown");
        await map.Page.Keyboard.PressAsync("ArrowDown");
        await map.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(2)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(SearchBox.Input(map)).ToHaveAttributeAsync("aria-activedescendant", (await options.Nth(2).GetAttributeAsync("id"))!);
        await map.Page.Keyboard.PressAsync("Enter");

        await Expect(SearchBox.Input(map)).ToHaveValueAsync("ZZ1 1AB");
        await Expect(SearchBox.Input(map)).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(map.Page.Locator("#place-search-list")).ToBeHiddenAsync();
        await Expect(map.Page.Locator("#tab-near")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(map.Panel("near").Locator(".near-ward")).ToContainTextAsync("Synthetic Ward A ward");
        SearchBox.AssertAt(ZZ11AB, await SearchBox.NearPointAsync(map));
        await SearchBox.ExpectNearMeListAsync(site, map, 0.055, 51.052, Radius);
        // The map moved to the postcode.
        Assert.True(await map.Page.EvaluateAsync<bool>("() => document.getElementById('map').leafletMap.getBounds().contains([51.052, 0.055])"));
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task From_the_keyboard_alone_a_postcode_typed_and_Entered_at_once_and_a_town_chosen_by_arrows_are_looked_up()
    {
        await using var map = await site.OpenAsync();
        var page = map.Page;
        for (var i = 0; i < 10 && !await SearchBox.Input(map).EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(SearchBox.Input(map)).ToBeFocusedAsync();

        // Enter straight after typing, before the pause that asks the API: the answer's first result is taken.
        await page.Keyboard.TypeAsync("zz11ab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(SearchBox.Input(map)).ToHaveValueAsync("ZZ1 1AB");
        await Expect(map.Panel("near").Locator(".near-ward")).ToContainTextAsync("Synthetic Ward A ward");
        SearchBox.AssertAt(ZZ11AB, await SearchBox.NearPointAsync(map));
        await Expect(SearchBox.Input(map)).ToBeFocusedAsync();

        // A town, misspelt, chosen with the arrows; the list wraps round from the top to the bottom and back.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("okhollow", new() { Delay = 40 });
        var options = SearchBox.Options(map);
        await Expect(options.First.Locator(".place-search-name")).ToHaveTextAsync("Oakhollow");
        await Expect(options.First).ToContainTextAsync("Town, Synthetic Ward A ward");
        var count = await options.CountAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(options.Nth(count - 1)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(SearchBox.Input(map)).ToHaveValueAsync("Oakhollow");
        var answer = await site.JsonAsync("/api/search?q=Oakhollow");
        var town = answer.GetProperty("results")[0];
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Synthetic Ward A ward.");
        SearchBox.AssertAt([town.GetProperty("lon").GetDouble(), town.GetProperty("lat").GetDouble()], await SearchBox.NearPointAsync(map));

        // Escape closes the list and keeps the text; a second Escape clears it.
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("mill", new() { Delay = 40 });
        await Expect(options.First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#place-search-list")).ToBeHiddenAsync();
        await Expect(SearchBox.Input(map)).ToHaveValueAsync("mill");
        await page.Keyboard.PressAsync("Escape");
        await Expect(SearchBox.Input(map)).ToHaveValueAsync("");
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task The_open_list_and_the_results_it_leads_to_have_no_axe_violations()
    {
        await using var map = await site.OpenAsync();
        await SearchBox.TypeAsync(map, "zz1");
        await Expect(SearchBox.Options(map)).ToHaveCountAsync(5);
        await map.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(SearchBox.Options(map).First).ToHaveAttributeAsync("aria-selected", "true");
        var open = await map.Page.RunAxe();

        await map.Page.Keyboard.PressAsync("Enter");
        await Expect(map.Panel("near").Locator(".near-list li").First).ToBeVisibleAsync();
        var chosen = await map.Page.RunAxe();

        SearchBox.AssertNoViolations(open, chosen);
        Assert.Empty(map.Errors);
    }

    [Fact]
    public async Task A_place_is_chosen_with_the_mouse_too()
    {
        await using var map = await site.OpenAsync();
        await SearchBox.TypeAsync(map, "Little Oak");
        var option = SearchBox.Options(map).Filter(new() { HasText = "Little Oakhollow" }).First;
        await option.ClickAsync();

        await Expect(SearchBox.Input(map)).ToHaveValueAsync("Little Oakhollow");
        await Expect(map.Panel("near").Locator(".near-ward")).ToBeVisibleAsync();
        Assert.Empty(map.Errors);
    }
}

/// <summary>The search box on the map site, which has no postcodes or place names loaded: the box says so, as the API does.</summary>
[Collection(MapSiteGroup.Name)]
public sealed class PlaceSearchWithoutPostcodesTests(MapSite site)
{
    [Fact]
    public async Task Without_postcode_data_the_box_shows_what_the_API_says_not_an_empty_list()
    {
        await using var map = await site.OpenAsync();
        await SearchBox.TypeAsync(map, "ZZ1 1AB");

        var said = (await site.JsonAsync("/api/search?q=ZZ1%201AB&district=" + MapSite.District)).GetProperty("postcodes").GetProperty("note").GetString()!;
        Assert.Contains("No postcodes are loaded", said, StringComparison.Ordinal);
        await Expect(SearchBox.Note(map)).ToBeVisibleAsync();
        await Expect(SearchBox.Note(map)).ToHaveTextAsync(said);
        await Expect(SearchBox.Status(map)).ToContainTextAsync(said);
        await Expect(map.Page.Locator("#place-search-list")).ToBeHiddenAsync();
        await Expect(SearchBox.Input(map)).ToHaveAttributeAsync("aria-expanded", "false");
        var axe = await map.Page.RunAxe();

        // Wards are still found by name.
        await SearchBox.Input(map).FillAsync("");
        await SearchBox.TypeAsync(map, "Synthetic Ward B");
        await Expect(SearchBox.Options(map).First.Locator(".place-search-name")).ToHaveTextAsync("Synthetic Ward B");
        await Expect(SearchBox.Note(map)).ToBeHiddenAsync();

        SearchBox.AssertNoViolations(axe);
        Assert.Empty(map.Errors);
    }
}
