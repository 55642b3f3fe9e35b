using DistrictMap.Api.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace DistrictMap.Api.Monitoring;

/// <summary>The PDF could not be made (no browser, or it took too long): 503, and the HTML report still works.</summary>
public sealed class ReportUnavailableException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status503ServiceUnavailable;
}

/// <summary>
/// Prints the quarterly report to PDF: a headless Chromium (driven by Playwright) opens the report's HTML on
/// this application, with every request to another origin refused, waits until its charts and map are drawn,
/// and prints it on A4. One browser at a time, each with a fresh profile.
/// </summary>
public sealed partial class ReportPdf(IOptions<ReportPdfOptions> options, IServer server, ILogger<ReportPdf> logger) : IDisposable
{
    /// <summary>The width of A4 less 15 mm margins, in CSS pixels: the report is laid out as it prints.</summary>
    private const int PrintableWidth = 680;

    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <param name="pathAndQuery">The report's HTML on this application, such as /monitoring/report?district=…&amp;quarter=….</param>
    public async Task<byte[]> RenderAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var timeout = (float)TimeSpan.FromSeconds(o.TimeoutSeconds).TotalMilliseconds;
        var baseUrl = BaseUrl();
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = o.BrowserPath,
                Headless = true,
                Timeout = timeout,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            });
            await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = PrintableWidth, Height = 1000 } });
            await context.RouteAsync("**/*", route =>
                route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(pathAndQuery, new() { Timeout = timeout });
            if (response is null || !response.Ok)
            {
                throw new ReportUnavailableException($"The report's HTML answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, so no PDF was made.");
            }

            await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = timeout, State = WaitForSelectorState.Attached });
            return await page.PdfAsync(new()
            {
                Format = "A4",
                PrintBackground = true,
                Margin = new() { Top = "15mm", Bottom = "15mm", Left = "15mm", Right = "15mm" },
            });
        }
        catch (PlaywrightException e)
        {
            PrintFailed(logger, e);
            throw new ReportUnavailableException($"The PDF could not be made ({Text.Shorten(e.Message.Split('\n')[0], 200)}). The HTML report is at {pathAndQuery}.");
        }
        catch (TimeoutException e)
        {
            PrintFailed(logger, e);
            throw new ReportUnavailableException($"The PDF took longer than {o.TimeoutSeconds} s to make. The HTML report is at {pathAndQuery}.");
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    /// <summary>The configured address, or the first one the server listens on; never taken from a request.</summary>
    private string BaseUrl()
    {
        if (!string.IsNullOrEmpty(options.Value.BaseUrl))
        {
            return options.Value.BaseUrl.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("http:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault()
            ?? throw new ReportUnavailableException($"The server's own address is not known: set {ReportPdfOptions.Section}:BaseUrl.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    public void Dispose() => oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "The quarterly report could not be printed to PDF")]
    private static partial void PrintFailed(ILogger logger, Exception exception);
}
