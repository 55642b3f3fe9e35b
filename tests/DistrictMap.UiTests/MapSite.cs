using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DistrictMap.UiTests;

/// <summary>
/// The real application on Kestrel over a real PostGIS database holding the synthetic district, and a
/// headless Chromium (Debian's) to drive it; shared by every browser test. Each test gets a fresh browser
/// context, whose every request away from the application is refused: the map runs as with no network.
/// </summary>
public sealed class MapSite : IAsyncLifetime
{
    /// <summary>Ward C of the synthetic district is renamed to this, to show that names are text, never markup.</summary>
    public const string HostileWardName = "Synthetic Ward C <script>window.injected=1</script><img src=x onerror=\"window.injected=2\">";

    public const string WardA = "E05999901";
    public const string WardB = "E05999902";
    public const string WardC = "E05999903";

    private TestDatabase db = null!;
    private ApiFactory factory = null!;
    private IPlaywright playwright = null!;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync()
    {
        db = await TestDatabase.CreateAsync();
        await SyntheticDistrict.LoadAllAsync(db);
        await using (var rename = db.DataSource.CreateCommand("UPDATE wards SET name = $1 WHERE code = $2"))
        {
            rename.Parameters.AddWithValue(HostileWardName);
            rename.Parameters.AddWithValue(WardC);
            await rename.ExecuteNonQueryAsync();
        }

        var port = FreePort();
        factory = new ApiFactory(db.ConnectionString);
        factory.UseKestrel(port);
        factory.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        Http.BaseAddress = new Uri(BaseUrl);

        // The browser tests share two cores with the other test assembly: give assertions room.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A new page in a fresh context, with requests to any other origin (the tile server) refused.</summary>
    public async Task<MapPage> OpenAsync(string pathAndHash = "/", BrowserNewContextOptions? options = null, Func<IPage, Task>? beforeLoad = null)
    {
        options ??= new();
        options.BaseURL = BaseUrl;
        options.ViewportSize ??= new() { Width = 1280, Height = 800 };
        var context = await Browser.NewContextAsync(options);
        await context.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync("internetdisconnected"));
        var page = await context.NewPageAsync();
        var result = new MapPage(context, page);
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        await page.GotoAsync(pathAndHash);
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 15_000 });
        return result;
    }

    public async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<HttpStatusCode> StatusAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        return response.StatusCode;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (db is not null)
        {
            await db.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A page of the map and its context; collects script errors, and closes the context when disposed.</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    public MapPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => Errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Errors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught script errors on the page.</summary>
    public List<string> Errors { get; } = [];

    public ILocator Panel(string id) => Page.Locator($"#panel-{id}");

    public async Task OpenTabAsync(string id)
    {
        await Page.Locator($"#tab-{id}").ClickAsync();
        await Assertions.Expect(Panel(id)).ToBeVisibleAsync();
    }

    /// <summary>Clicks the map at a longitude and latitude (through the map's own projection).</summary>
    public async Task ClickMapAtAsync(double lon, double lat)
    {
        var box = (await Page.Locator("#map").BoundingBoxAsync())!;
        var point = await Page.EvaluateAsync<double[]>(
            "([lon, lat]) => { const m = document.getElementById('map'); const p = m.leafletMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
            new[] { lon, lat });
        await Page.Mouse.ClickAsync(box.X + (float)point[0], box.Y + (float)point[1]);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class MapSiteGroup : ICollectionFixture<MapSite>
{
    public const string Name = "map site";
}
