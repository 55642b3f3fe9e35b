using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// A partner adds an action in the browser: target wards clicked on the map (the list follows), a point drawn with
/// Leaflet-Geoman; the action is then in My actions and in the API with those wards and that place, and audited. A bad
/// submission shows the writer's field errors beside the fields and writes nothing.
/// </summary>
[Collection(PartnerSiteGroup.Name)]
public sealed class NewActionPageTests(PartnerSite site)
{
    private static async Task ClickMapAtAsync(IPage page, double lon, double lat)
    {
        await page.Locator("#ward-map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#ward-map").BoundingBoxAsync())!;
        var point = await page.EvaluateAsync<double[]>(
            "([lon, lat]) => { const p = document.getElementById('ward-map').leafletMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
            new[] { lon, lat });
        var (x, y) = (box.X + point[0], box.Y + point[1]);
        var under = await page.EvaluateAsync<string>("([x, y]) => { const e = document.elementFromPoint(x, y); return `${e?.tagName} ${e?.className?.baseVal ?? e?.className}`; }", new[] { x, y });
        Assert.True(under.StartsWith("path", StringComparison.OrdinalIgnoreCase), $"({lon}, {lat}) at ({x}, {y}) is under {under}");
        await page.Mouse.ClickAsync((float)x, (float)y);
    }

    private static async Task<MapPage> OpenNewActionAsync(PartnerSite site)
    {
        var partner = await site.SignedInAsync(PartnerSite.PartnerAEmail);
        await partner.Page.GetByRole(AriaRole.Link, new() { Name = "New action", Exact = true }).First.ClickAsync();
        await Expect(partner.Page).ToHaveURLAsync(new Regex("/partner/actions/new$"));
        await partner.Page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(partner.Page.Locator("#ward-map path.leaflet-interactive")).ToHaveCountAsync(3);
        return partner;
    }

    [Fact]
    public async Task A_partner_creates_an_action_with_wards_picked_on_the_map_and_a_drawn_point()
    {
        await using var partner = await OpenNewActionAsync(site);
        var page = partner.Page;
        await page.GetByLabel("Title").FillAsync("Synthetic action drawn on the map");
        await page.GetByLabel("Priority").SelectOptionAsync("environment");
        await ClickMapAtAsync(page, 0.05, 51.05);
        await ClickMapAtAsync(page, 0.15, 51.05);
        await Expect(page.GetByLabel("Synthetic Ward A")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Synthetic Ward B")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Synthetic Ward C")).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw Marker" }).ClickAsync();
        await ClickMapAtAsync(page, 0.25, 51.05);
        await Expect(page.Locator("#Form_Location")).ToHaveValueAsync(new Regex("\"Point\""));
        // Drawing on ward C placed the point; it did not make C a target ward.
        await Expect(page.GetByLabel("Synthetic Ward C")).Not.ToBeCheckedAsync();
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
        await BrowserSite.SaveScreenshotAsync(page, "partner-new-action.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the action" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/partner$"));
        var message = await page.Locator("#message").TextContentAsync();
        var id = int.Parse(Regex.Match(message!, "Created action ([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator($"tr[data-action='{id}']")).ToContainTextAsync("Synthetic action drawn on the map");

        var action = await site.JsonAsync($"/api/actions/{id}");
        Assert.Equal("Synthetic Partner A", action.GetProperty("leadPartner").GetProperty("name").GetString());
        Assert.Equal(["E05999901", "E05999902"], action.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).Order().ToArray());
        var location = action.GetProperty("location");
        Assert.Equal("Point", location.GetProperty("type").GetString());
        Assert.InRange(location.GetProperty("coordinates")[0].GetDouble(), 0.249, 0.251);
        Assert.InRange(location.GetProperty("coordinates")[1].GetDouble(), 51.049, 51.051);

        // Audited as the REST write is: the creation is in the quarter's audit trail.
        await page.GotoAsync("/monitoring");
        await Expect(page.Locator(".audit-entry h3", new() { HasText = $"create action {id}" })).ToHaveCountAsync(1);
        Assert.Empty(partner.Errors);
    }

    [Fact]
    public async Task A_bad_submission_shows_the_field_errors_and_writes_nothing()
    {
        var before = (await site.JsonAsync("/api/actions")).GetProperty("actions").GetArrayLength();
        await using var partner = await OpenNewActionAsync(site);
        var page = partner.Page;
        await page.GetByLabel("Its place, if it has one").FillAsync("not a geometry");
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Create the action" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, posted.Status);

        await Expect(page.Locator("#problem")).ToContainTextAsync("nothing was written");
        await Expect(page.Locator("#title-error")).ToHaveTextAsync("Give a title of 1 to 200 characters.");
        await Expect(page.Locator("#priority-error")).ToContainTextAsync("Give one of the plan's priorities");
        await Expect(page.Locator("#wards-error")).ToContainTextAsync("Give the target wards");
        await Expect(page.Locator("#location-error")).ToContainTextAsync("Not a GeoJSON geometry");
        await Expect(page.Locator("#Form_Location")).ToHaveValueAsync("not a geometry");
        Assert.Equal(before, (await site.JsonAsync("/api/actions")).GetProperty("actions").GetArrayLength());
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
