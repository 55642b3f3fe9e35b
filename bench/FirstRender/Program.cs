using System.Globalization;
using Microsoft.Playwright;

// Opens the map at a URL in headless Chromium (Debian's), each time in a fresh browser context (an empty
// cache), with every request away from the site refused (no tiles: only localhost is measured), and reads
// from the page's Performance API: first-contentful-paint and the "wards-drawn" mark that app.js sets after
// the frame that first shows the coloured wards, with the time the wards' GeoJSON had arrived by (Resource
// Timing) to show where the time goes. Prints a line a run and a RESULT line (median and p90).
//   dotnet run --project bench/FirstRender -- URL [RUNS] [WARMUP]
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: FirstRender URL [RUNS (20)] [WARMUP (3)]");
    return 2;
}

var url = new Uri(args[0]);
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var warmup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

var fcp = new List<double>();
var wards = new List<double>();
var geoJson = new List<double>();
for (var i = 0; i < warmup + runs; i++)
{
    await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
    await context.RouteAsync(
        u => !new Uri(u).GetLeftPart(UriPartial.Authority).Equals(url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase),
        route => route.AbortAsync("blockedbyclient"));
    var page = await context.NewPageAsync();
    await page.GotoAsync(url.ToString());
    await page.WaitForFunctionAsync("() => performance.getEntriesByName('wards-drawn').length > 0", null, new() { Timeout = 60_000 });
    var times = await page.EvaluateAsync<double[]>("""
        () => [
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
          performance.getEntriesByName('wards-drawn')[0].startTime,
          document.querySelectorAll('.leaflet-overlay-pane path.ward-area').length,
          performance.getEntriesByType('resource').find(r => r.name.includes('/ogc/collections/wards/items'))?.responseEnd ?? -1,
        ]
        """);
    if (times[0] < 0 || times[2] == 0 || times[3] < 0)
    {
        Console.Error.WriteLine($"run {i + 1}: no first-contentful-paint, no ward drawn ({times[2]} paths) or no request for the wards");
        return 1;
    }

    var label = i < warmup ? "warm-up" : $"run {i - warmup + 1}";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: first-contentful-paint {times[0]:0} ms, wards' GeoJSON in {times[3]:0} ms, wards drawn {times[1]:0} ms ({times[2]} wards)"));
    if (i >= warmup)
    {
        fcp.Add(times[0]);
        wards.Add(times[1]);
        geoJson.Add(times[3]);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT runs={runs} fcp_median_ms={Percentile(fcp, 0.5):0} fcp_p90_ms={Percentile(fcp, 0.9):0} geojson_median_ms={Percentile(geoJson, 0.5):0} geojson_p90_ms={Percentile(geoJson, 0.9):0} wards_median_ms={Percentile(wards, 0.5):0} wards_p90_ms={Percentile(wards, 0.9):0} wards_max_ms={wards.Max():0}"));
return 0;

// The nearest-rank percentile: the smallest value with at least p of the values at or below it.
static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
