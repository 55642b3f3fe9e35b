using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The map under the Content-Security-Policy the application serves, and user text that carries markup:
/// every panel opens without a policy violation, and an action written with script in it stays text.
/// </summary>
[Collection(MapSiteGroup.Name)]
public sealed class SecurityTests(MapSite site)
{
    /// <summary>Where the hostile action is drawn: in ward B, away from the other actions.</summary>
    private static readonly double[] HostileActionPlace = [0.17, 51.08];

    private const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

    [Fact]
    public async Task Every_panel_and_layer_opens_under_the_served_policy_without_errors_or_violations()
    {
        await using var map = await site.OpenAsync();
        var policy = await map.DocumentResponse!.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        // Scripts from the site only, and the page's own import map by its hash.
        Assert.Matches("script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')?;", policy);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var page = map.Page;

        // Every layer, and a marker's popup.
        var layers = page.Locator(".leaflet-control-layers-overlays input");
        for (var i = 0; i < await layers.CountAsync(); i++)
        {
            await layers.Nth(i).CheckAsync();
        }

        await Expect(page.Locator(".point-marker.swatch-recycling")).ToHaveCountAsync(2);
        // From the keyboard, as a marker stays operable wherever the legend or the layer list stand over it.
        await page.Locator(".point-marker.swatch-recycling").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-popup .popup")).ToBeVisibleAsync();

        // Near me, and every table of places.
        await map.NearMeByNameAsync("ward a", radius: 5000);
        await Expect(map.Panel("near").Locator(".near-list li").First).ToBeVisibleAsync();
        var summaries = map.Panel("near").Locator(".places-tables summary");
        for (var i = 0; i < await summaries.CountAsync(); i++)
        {
            await summaries.Nth(i).ClickAsync();
        }

        // Every layer has places but the shared routes: the synthetic routes are walking and cycling ones.
        await Expect(map.Panel("near").Locator(".places-tables table")).ToHaveCountAsync(6);
        await Expect(map.Panel("near").Locator(".places-tables details", new() { HasText = "Shared walking and cycling routes" })).ToContainTextAsync("None in this district.");

        // The ranking, sorted, and coloured by an indicator; a ward's profile with its chart and domain bars.
        await map.OpenTabAsync("wards");
        await map.Panel("wards").GetByRole(AriaRole.Button, new() { Name = "Ward", Exact = true }).ClickAsync();
        await page.Locator("#measure").SelectOptionAsync("indicator:SYN-UP");
        await Expect(page.Locator(".legend-classes li .swatch")).ToHaveCountAsync(2);
        await map.Panel("wards").Locator("table.ranking").GetByRole(AriaRole.Button, new() { Name = "Synthetic Ward A", Exact = true }).ClickAsync();
        await Expect(map.Panel("ward").Locator("canvas.line-chart")).ToBeVisibleAsync();
        await Expect(map.Panel("ward").Locator(".domain-bars .bar-fill").First).ToHaveCSSAsync("width", new Regex(@"^[1-9]\d*(\.\d+)?px$"));

        // The plan explorer, filtered, and an action shown on the map.
        await map.OpenTabAsync("plan");
        await map.Panel("plan").GetByLabel("Status").SelectOptionAsync("in-progress");
        await map.Panel("plan").Locator("tbody tr", new() { HasText = "Synthetic action one" }).GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).ClickAsync();
        await Expect(page.Locator(".leaflet-popup-content > strong")).ToHaveTextAsync("Synthetic action one");

        Assert.Empty(map.Errors);

        // The listener hears the policy: an inline style set now is refused and reported.
        await page.EvaluateAsync("() => document.body.setAttribute('style', 'outline: 1px solid red')");
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("outline-style", "solid");
        Assert.True(await PollAsync(() => map.Errors.Any(e => e.StartsWith("CSP violation: style-src", StringComparison.Ordinal))), string.Join("\n", map.Errors));
    }

    [Fact]
    public async Task Script_in_an_action_title_and_description_is_shown_as_text_in_the_map_and_the_HTML_views()
    {
        var partnerA = await site.PartnerIdAsync("Synthetic Partner A");
        var title = $"Hostile action {Hostile}";
        var description = $"Described as {Hostile}";
        var id = await CreateActionAsync(new
        {
            title,
            description,
            priority = "people",
            district = MapSite.District,
            leadPartnerId = partnerA,
            wards = new[] { MapSite.WardB },
            location = new { type = "Point", coordinates = HostileActionPlace },
        });
        try
        {
            await using var map = await site.OpenAsync("/#panel=plan");
            var page = map.Page;

            // The plan explorer.
            var row = map.Panel("plan").Locator("tbody tr", new() { HasText = "Hostile action" });
            await Expect(row.Locator(".action-title")).ToHaveTextAsync(title);
            await Expect(row.Locator(".action-description")).ToHaveTextAsync(description);

            // The actions layer: the marker's title (its tooltip) and its popup.
            await map.Layer("Plan actions").CheckAsync();
            var marker = page.GetByTitle($"Action: {title}", new() { Exact = true });
            await Expect(marker).ToHaveCountAsync(1);
            await marker.ClickAsync();
            await Expect(page.Locator(".leaflet-popup .popup-title strong")).ToHaveTextAsync(title);

            // The action shown on the map from the plan explorer.
            await row.GetByRole(AriaRole.Button, new() { Name = "Show on the map" }).ClickAsync();
            await Expect(page.Locator(".leaflet-popup > .leaflet-popup-content-wrapper > .leaflet-popup-content > strong")).ToHaveTextAsync(title);
            await AssertInertAsync(page);

            // The ward profile.
            await page.GotoAsync($"/#panel=ward&ward={MapSite.WardB}");
            var listed = map.Panel("ward").Locator(".action-list li", new() { HasText = "Hostile action" });
            await Expect(listed.Locator(".action-title")).ToHaveTextAsync(title);
            await Expect(listed.Locator(".action-description")).ToHaveTextAsync(description);
            await AssertInertAsync(page);

            // The OGC API's HTML views of the collection and of the item.
            await page.GotoAsync("/ogc/collections/actions/items?f=html&limit=100");
            await Expect(page.Locator("td", new() { HasText = "Hostile action" })).ToHaveTextAsync(title);
            await AssertInertAsync(page);
            await page.GotoAsync($"/ogc/collections/actions/items/{id}?f=html");
            await Expect(page.Locator("tr", new() { HasText = "title" }).Locator("td").Last).ToHaveTextAsync(title);
            await AssertInertAsync(page);
            Assert.Empty(map.Errors);
        }
        finally
        {
            await DeleteActionAsync(id);
        }
    }

    /// <summary>No script from the data ran, and none of its markup became elements.</summary>
    private static async Task AssertInertAsync(IPage page)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await page.Locator("img[src='x'], script:not([src]):not([type='importmap'])").CountAsync());
    }

    private async Task<int> CreateActionAsync(object action)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions") { Content = JsonContent.Create(action) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        using var response = await site.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating the action answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    private async Task DeleteActionAsync(int id)
    {
        using var current = await site.Http.GetAsync($"/api/actions/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/actions/{id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", site.AdminKey);
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        using var response = await site.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"deleting the action answered {(int)response.StatusCode}");
    }

    private static async Task<bool> PollAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }
}
