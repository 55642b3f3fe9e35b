using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// A partner uploads indicator values as CSV from the partner pages: a file with one bad row writes nothing and names
/// the row; a good file writes, says how many, and the values are there through the API. Axe on the page both ways.
/// </summary>
[Collection(PartnerSiteGroup.Name)]
public sealed class IndicatorUploadPageTests(PartnerSite site)
{
    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static FilePayload Csv(string text) => new() { Name = "values.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private async Task<IReadOnlyList<(string? Area, double Value)>> ValuesAsync(string indicator, string period) =>
        [.. (await site.JsonAsync($"/api/indicators/{indicator}/values?period={period}")).GetProperty("values").EnumerateArray()
            .Select(v => (v.GetProperty("area").GetString(), v.GetProperty("value").GetDouble())).OrderBy(v => v.Item1)];

    [Fact]
    public async Task A_CSV_with_one_bad_row_writes_nothing_and_names_it_and_a_good_one_writes_every_value()
    {
        await using var partner = await site.SignedInAsync(PartnerSite.PartnerBEmail);
        var page = partner.Page;
        await page.Locator("#upload-values").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partner/indicators/upload$"));
        await Expect(page.Locator("table.indicators")).ToContainTextAsync("SYN-UP");
        await AssertNoAxeViolationsAsync(page);

        var template = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Download the template").ClickAsync());
        Assert.Equal("indicator,area,period,value,target,note", (await File.ReadAllTextAsync((await template.PathAsync())!)).Trim());

        await page.GetByLabel("CSV file").SetInputFilesAsync(Csv(
            "indicator,area,period,value,target,note\nSYN-UP,E05999901,2026-Q2,51,55,synthetic\nSYN-UP,E05999902,2026-Q2,lots,,synthetic: not a number\nSYN-DOWN,E07999999,2026-Q2,7,,synthetic\n"));
        var refused = await page.RunAndWaitForResponseAsync(() => page.Locator("#upload").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        await Expect(page.Locator("#upload-problem")).ToContainTextAsync("Nothing was written");
        var bad = page.Locator("#bad-rows tbody tr");
        await Expect(bad).ToHaveCountAsync(1);
        await Expect(bad.Locator("th")).ToHaveTextAsync("row 2");
        await Expect(bad).ToContainTextAsync("value must be a number");
        Assert.Empty(await ValuesAsync("SYN-UP", "2026-Q2"));
        Assert.Empty(await ValuesAsync("SYN-DOWN", "2026-Q2"));
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("CSV file").SetInputFilesAsync(Csv(
            "indicator,area,period,value,target,note\nSYN-UP,E05999901,2026-Q2,51,55,synthetic\nSYN-UP,E05999902,2026-Q2,48.5,,synthetic\nSYN-DOWN,E07999999,2026-Q2,7,,synthetic\n"));
        await page.Locator("#upload").ClickAsync();
        await Expect(page.Locator("#uploaded")).ToContainTextAsync("Wrote 3 of the 3 values");
        await AssertNoAxeViolationsAsync(page);

        Assert.Equal([("E05999901", 51.0), ("E05999902", 48.5)], await ValuesAsync("SYN-UP", "2026-Q2"));
        Assert.Equal([("E07999999", 7.0)], await ValuesAsync("SYN-DOWN", "2026-Q2"));
        // The refused upload answers 400, which the browser reports; nothing else may go wrong.
        Assert.DoesNotContain(partner.Errors, e => !e.Contains("400", StringComparison.Ordinal));
    }
}
