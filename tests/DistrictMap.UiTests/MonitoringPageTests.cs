using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The officer's dashboard (/monitoring) and the quarterly report (/monitoring/report) on real PostGIS in a real
/// Chromium: the sections hold what the monitoring API says, each chart is drawn from its table and the table
/// holds the API's numbers, the PDF holds the quarter and the red actions, axe finds nothing, and bad input is a
/// problem, never a 500.
/// </summary>
[Collection(MonitoringSiteGroup.Name)]
public sealed class MonitoringPageTests(MonitoringSite site)
{
    private static readonly string[] RagKeys = ["green", "amber", "red", "none"];

    private string Dashboard => $"/monitoring?district={MonitoringSite.District}&quarter={site.Quarter}";

    [Fact]
    public async Task An_officer_opens_the_dashboard_and_downloads_the_PDF_with_the_quarter_and_its_red_actions()
    {
        var monitoring = await site.JsonAsync($"/api/monitoring?quarter={site.Quarter}&district={MonitoringSite.District}");
        var red = monitoring.GetProperty("atRisk").EnumerateArray().Select(a => a.GetProperty("title").GetString()!).Order().ToList();
        Assert.Equal(["Synthetic action one", "Synthetic action two"], red);
        await using var page = await site.OpenAsync(Dashboard, new() { AcceptDownloads = true, ViewportSize = new() { Width = 1366, Height = 768 } });

        await Expect(page.Page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"{site.Quarter}$"));
        await Expect(page.Page.Locator(".sample-notice")).ToBeVisibleAsync();
        // Red or overdue, by priority then title as the API lists them: two (environment), then one (people).
        var atRisk = monitoring.GetProperty("atRisk").EnumerateArray().Concat(monitoring.GetProperty("overdue").EnumerateArray())
            .Select(a => (Priority: a.GetProperty("priority").GetString()!, Title: a.GetProperty("title").GetString()!)).Distinct()
            .OrderBy(a => a.Priority, StringComparer.Ordinal).ThenBy(a => a.Title, StringComparer.Ordinal).Select(a => a.Title).ToList();
        Assert.Equal(["Synthetic action two", "Synthetic action one"], atRisk);
        await Expect(page.Page.Locator("#at-risk tbody th")).ToHaveTextAsync(atRisk.Select(t => new System.Text.RegularExpressions.Regex($"^{t}\\s+Sample\\s*$")).ToArray());
        await Expect(page.Page.Locator("#at-risk tbody tr", new() { HasText = "Synthetic action two" })).ToContainTextAsync("red and overdue");
        // Action one has its update for the quarter; two (last in 2025-Q4) and three (never) are chased; four is complete.
        await Expect(page.Page.Locator("#chase-list tbody th")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex[] { new("^Synthetic action three"), new("^Synthetic action two") });
        await Expect(page.Page.Locator("#chase-list tbody tr", new() { HasText = "Synthetic action three" })).ToContainTextAsync("never");
        // The coverage map draws every ward, and marks the underserved ones the gaps API names.
        var gaps = await site.JsonAsync($"/api/gaps?district={MonitoringSite.District}");
        var underserved = gaps.GetProperty("wards").EnumerateArray().Count(w => w.GetProperty("underserved").GetBoolean());
        await Expect(page.Page.Locator("#coverage-map path.leaflet-interactive").First).ToBeVisibleAsync();
        Assert.True(await page.Page.Locator("#coverage-map path.leaflet-interactive").CountAsync() > gaps.GetProperty("wards").GetArrayLength(), "every ward and the actions with a place of their own");
        await Expect(page.Page.Locator("#coverage-map .ward-label")).ToHaveCountAsync(underserved);
        await Expect(page.Page.Locator("#coverage-table tbody tr[data-underserved='true']")).ToHaveCountAsync(underserved);
        // The audit trail shows action three's change of status side by side.
        var change = page.Page.Locator(".audit-entry", new() { HasText = "update action" }).Locator("tr", new() { HasText = "status" });
        await Expect(change.Locator(".before")).ToHaveTextAsync("planned");
        await Expect(change.Locator(".after")).ToHaveTextAsync("in-progress");
        Directory.CreateDirectory(Path.Combine(DistrictMap.Tests.Infrastructure.Fixtures.RepositoryRoot, "TestResults", "screenshots"));
        await BrowserSite.SaveScreenshotAsync(page.Page, "monitoring-1366x768.png", fullPage: false);

        var download = await page.Page.RunAndWaitForDownloadAsync(
            () => page.Page.GetByRole(AriaRole.Link, new() { Name = "Download the report as PDF" }).ClickAsync(),
            new() { Timeout = 120_000 });
        Assert.Null(await download.FailureAsync());
        var pdf = Path.Combine(Path.GetTempPath(), $"monitoring-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        try
        {
            Assert.Equal($"monitoring-{MonitoringSite.District}-{site.Quarter}.pdf", download.SuggestedFilename);
            var text = PdfText(pdf);
            Assert.Contains($"Quarterly report: Synthetic District, {site.Quarter}", text, StringComparison.Ordinal);
            var risk = Section(text, "Actions red or overdue", "Chase list");
            Assert.All(red, title => Assert.Contains(title, risk, StringComparison.Ordinal));
            Assert.DoesNotContain("Synthetic action four", risk, StringComparison.Ordinal);
            Assert.Contains("Sample", text, StringComparison.Ordinal);
            Assert.Contains("Data sources and licences", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdf);
        }

        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Each_chart_is_drawn_from_its_table_and_the_table_holds_the_monitoring_data()
    {
        await using var page = await site.OpenAsync(Dashboard);
        var figures = page.Page.Locator("figure[data-chart]");
        Assert.True(await figures.CountAsync() >= 6, "four RAG charts and two indicator charts");
        // What Chart.js drew is what the table says, figure by figure.
        var mismatches = await page.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('figure[data-chart]')].flatMap(f => {
              const chart = Chart.getChart(f.querySelector('canvas'));
              if (!chart) return [`${f.id}: no chart`];
              const rows = [...f.querySelectorAll('tbody tr')];
              const labels = rows.map(r => r.cells[0].textContent.trim());
              const problems = JSON.stringify(chart.data.labels) === JSON.stringify(labels) ? [] : [`${f.id}: labels ${chart.data.labels} vs ${labels}`];
              [...f.querySelectorAll('thead th')].slice(1).forEach((th, i) => {
                const table = rows.map(r => r.cells[i + 1].dataset.value === '' ? null : Number(r.cells[i + 1].dataset.value));
                const set = chart.data.datasets[i];
                if (!set || set.label !== th.textContent.trim() || JSON.stringify(set.data) !== JSON.stringify(table)) problems.push(`${f.id}: series ${i} ${set?.label}`);
              });
              return problems;
            })
            """);
        Assert.Empty(mismatches);

        // The RAG tables hold the monitoring API's counts for each quarter shown.
        foreach (var quarter in await page.Page.Locator("#rag-people tbody th").AllTextContentsAsync())
        {
            var report = await site.JsonAsync($"/api/monitoring?quarter={quarter}&district={MonitoringSite.District}");
            foreach (var priority in report.GetProperty("byPriority").EnumerateArray())
            {
                var row = page.Page.Locator($"#rag-{priority.GetProperty("priority").GetString()} tbody tr", new() { Has = page.Page.Locator($"th:text-is('{quarter}')") });
                await Expect(row.Locator("td")).ToHaveTextAsync(RagKeys.Select(k => priority.GetProperty(k).GetInt32().ToString(CultureInfo.InvariantCulture)).ToArray());
            }
        }

        // The indicator table holds the indicator API's values: the district and each focus ward by period.
        var values = await site.JsonAsync($"/api/indicators/SYN-UP/values?district={MonitoringSite.District}");
        var focus = (await site.JsonAsync($"/api/focus-wards?district={MonitoringSite.District}")).GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToHashSet();
        var table = page.Page.Locator("#indicator-SYN-UP table");
        var headers = await table.Locator("thead th").AllTextContentsAsync();
        foreach (var v in values.GetProperty("values").EnumerateArray().Where(v => focus.Contains(v.GetProperty("area").GetString()) || v.GetProperty("area").GetString() == MonitoringSite.District))
        {
            var column = headers.ToList().FindIndex(h => h.StartsWith(v.GetProperty("areaName").GetString()!, StringComparison.Ordinal));
            Assert.True(column > 0, $"a column for {v.GetProperty("areaName")}");
            var cell = table.Locator("tbody tr", new() { Has = page.Page.Locator($"th:text-is('{v.GetProperty("period").GetString()}')") }).Locator($"td:nth-of-type({column})");
            await Expect(cell).ToHaveAttributeAsync("data-value", v.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture));
        }

        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Axe_finds_no_violation_on_the_dashboard_or_the_report()
    {
        await using var page = await site.OpenAsync(Dashboard);
        await page.Page.Locator("details.chart-data").First.Locator("summary").ClickAsync();
        var onDashboard = await page.Page.RunAxe();
        await page.Page.GotoAsync($"/monitoring/report?district={MonitoringSite.District}&quarter={site.Quarter}");
        await page.Page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(page.Page.Locator("#at-risk")).ToBeVisibleAsync();
        var onReport = await page.Page.RunAxe();

        var violations = new[] { onDashboard, onReport }.SelectMany(r => r.Violations)
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.NotEmpty(onReport.Passes);
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData("/monitoring?quarter=2025-Q5", 400, "quarter '2025-Q5' must look like 2025-Q2.")]
    [InlineData("/monitoring?district=nowhere", 400, "district")]
    [InlineData("/monitoring?district=E07000998", 404, "There are no wards of district E07000998 loaded.")]
    [InlineData("/monitoring/report?district=E07999999&quarter=Q3", 400, "quarter 'Q3' must look like 2025-Q2.")]
    [InlineData("/monitoring/report?district=E07000998&quarter=2025-Q3&f=pdf", 404, "There are no wards of district E07000998 loaded.")]
    [InlineData("/monitoring/report?district=E07999999&quarter=2025-Q3&f=docx", 400, "f 'docx' must be html or pdf.")]
    public async Task A_bad_district_or_quarter_is_a_problem_that_says_what_was_wrong(string url, int status, string detail)
    {
        using var response = await site.Http.GetAsync(url);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string PdfText(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
        // Lines wrap where the page breaks them: compare text with its white space collapsed.
        return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
    }

    private static string Section(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(to, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"the PDF has a section from '{from}' to '{to}'");
        return text[start..end];
    }
}
