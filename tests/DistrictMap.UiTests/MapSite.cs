using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DistrictMap.Api.Access;
using DistrictMap.Api.Places;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;
using DistrictMap.Tests.Plan;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DistrictMap.UiTests;

/// <summary>
/// The real application on Kestrel (its whole pipeline, security headers included) over a real PostGIS
/// database holding the synthetic district, the synthetic plan and the synthetic places, each loaded
/// through the product's importers; and a headless Chromium (Debian's) to drive it. Shared by every
/// browser test on the synthetic district. Each test gets a fresh browser context, whose every request
/// away from the application is refused: the map runs as with no network.
/// </summary>
public sealed class MapSite : BrowserSite
{
    /// <summary>Ward C of the synthetic district is renamed to this, to show that names are text, never markup.</summary>
    public const string HostileWardName = "Synthetic Ward C <script>window.injected=1</script><img src=x onerror=\"window.injected=2\">";

    public const string District = SyntheticDistrict.Code;
    public const string WardA = "E05999901";
    public const string WardB = "E05999902";
    public const string WardC = "E05999903";

    /// <summary>
    /// The focus-ward rule is narrowed to LSOAs in national decile 1, so that the synthetic district has a
    /// focus ward by its LSOA (A), one by its district rank (B) and one that is not a focus ward (C).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> AppSettings = new Dictionary<string, string?>
    {
        ["DistrictMap:FocusWards:MaxDecile"] = "1",
    };

    private readonly SemaphoreSlim bareStart = new(1, 1);
    private SiteServer? bare;

    /// <summary>An admin API key of the site, for writes through the real API.</summary>
    public string AdminKey { get; private set; } = "";

    public override Task InitializeAsync() => StartAsync(LoadEverythingAsync, AppSettings);

    /// <summary>The synthetic district, plan and places; the activities are loaded as sample content.</summary>
    private async Task LoadEverythingAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await using (var rename = db.DataSource.CreateCommand("UPDATE wards SET name = $1 WHERE code = $2"))
        {
            rename.Parameters.AddWithValue(HostileWardName);
            rename.Parameters.AddWithValue(WardC);
            await rename.ExecuteNonQueryAsync();
        }

        await PlanFixture.ImportPlanAsync(db, "plan-synthetic");
        foreach (var (layer, file) in SyntheticPlaces.Files)
        {
            await db.ImportPlacesAsync(layer, file, sample: layer == PlaceLayer.Activities);
        }

        await using var scope = db.Services.CreateAsyncScope();
        AdminKey = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().IssueAsync("Map test admin", Roles.Admin, null, CancellationToken.None)).Key;
    }

    /// <summary>
    /// A second site whose database holds the synthetic district and its deprivation figures but no plan and
    /// no places, as a council's own deployment does before it loads them. Started when first asked for.
    /// </summary>
    public async Task<string> BareSiteUrlAsync()
    {
        await bareStart.WaitAsync();
        try
        {
            bare ??= await SiteServer.StartAsync(db => SyntheticDistrict.LoadAllAsync(db), new Dictionary<string, string?>());
            return bare.BaseUrl;
        }
        finally
        {
            bareStart.Release();
        }
    }

    /// <summary>The id the API gives a partner of the plan.</summary>
    public async Task<int> PartnerIdAsync(string name) =>
        (await JsonAsync("/api/partners")).GetProperty("partners").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (bare is not null)
        {
            await bare.DisposeAsync();
        }

        bareStart.Dispose();
    }
}

/// <summary>
/// What every browser-test site shares: a headless Chromium (Debian's), pages opened in fresh contexts with
/// requests away from the site refused, and reads of the site's API for comparison.
/// </summary>
public abstract class BrowserSite : IAsyncLifetime
{
    private IPlaywright? playwright;
    private SiteServer? server;

    public string BaseUrl => server?.BaseUrl ?? throw new InvalidOperationException($"{GetType().Name} was not started{NotStartedReason}");

    /// <summary>Why a site may not have started, for the error when it is used anyway.</summary>
    protected virtual string NotStartedReason => "";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public abstract Task InitializeAsync();

    /// <summary>Starts the application over a database of its own that <paramref name="load"/> fills, and the browser beside it.</summary>
    protected async Task StartAsync(Func<TestDatabase, Task> load, IReadOnlyDictionary<string, string?> settings, IDictionary<string, string?>? loadSettings = null)
    {
        var launch = LaunchBrowserAsync();
        server = await SiteServer.StartAsync(load, settings, loadSettings);
        Http.BaseAddress = new Uri(BaseUrl);
        await launch;
    }

    private async Task LaunchBrowserAsync()
    {
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

    /// <summary>
    /// A new page in a fresh context, with requests to any other origin (the tile server) refused; the page
    /// reports script errors, console errors, Content-Security-Policy violations and failed requests to
    /// the site in <see cref="MapPage.Errors"/>.
    /// </summary>
    public async Task<MapPage> OpenAsync(string pathAndHash = "/", BrowserNewContextOptions? options = null, Func<IPage, Task>? beforeLoad = null, string? siteUrl = null)
    {
        var baseUrl = siteUrl ?? BaseUrl;
        options ??= new();
        options.BaseURL = baseUrl;
        options.ViewportSize ??= new() { Width = 1280, Height = 800 };
        var context = await Browser.NewContextAsync(options);
        await context.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith(baseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync("internetdisconnected"));
        var page = await context.NewPageAsync();
        var result = new MapPage(context, page, baseUrl);
        await page.ExposeFunctionAsync<string>("__reportCspViolation", result.AddError);
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              window.__reportCspViolation(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
            """);
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        result.DocumentResponse = await page.GotoAsync(pathAndHash);
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 15_000 });
        return result;
    }

    public async Task<JsonElement> JsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Saves a screenshot of the whole page as a test artefact, in TestResults/screenshots at the repository's root.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var directory = Path.Combine(DistrictMap.Tests.Infrastructure.Fixtures.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>The application on Kestrel on a free loopback port, over a database of its own.</summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly TestDatabase db;
    private readonly ApiFactory factory;

    private SiteServer(TestDatabase db, ApiFactory factory, string baseUrl)
    {
        this.db = db;
        this.factory = factory;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="load">Loads the site's data into its database.</param>
    /// <param name="settings">The application's configuration.</param>
    /// <param name="loadSettings">The configuration of the services that load the data (such as the real data folder's layout).</param>
    public static async Task<SiteServer> StartAsync(Func<TestDatabase, Task> load, IReadOnlyDictionary<string, string?> settings, IDictionary<string, string?>? loadSettings = null)
    {
        var db = await TestDatabase.CreateAsync(loadSettings);
        await load(db);
        var port = FreePort();
        var factory = new ApiFactory(db.ConnectionString, settings);
        factory.UseKestrel(port);
        factory.StartServer();
        return new SiteServer(db, factory, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await db.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A page of the map and its context; collects what went wrong on it, and closes the context when disposed.</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    public MapPage(IBrowserContext context, IPage page, string baseUrl)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => AddError(error);
        page.Console += (_, message) =>
        {
            // Requests to other origins (the tile server) are refused on purpose; anything else is an error.
            if (message.Type == "error" && !message.Text.Contains("net::ERR_INTERNET_DISCONNECTED", StringComparison.Ordinal))
            {
                AddError(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(baseUrl, StringComparison.Ordinal) && response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                AddError($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The response to the page's first navigation.</summary>
    public IResponse? DocumentResponse { get; set; }

    /// <summary>Script errors, console errors, Content-Security-Policy violations and failed requests to the site.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (errors)
            {
                return [.. errors];
            }
        }
    }

    public void AddError(string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }

    public ILocator Panel(string id) => Page.Locator($"#panel-{id}");

    /// <summary>The checkbox of an overlay in the layer control.</summary>
    public ILocator Layer(string name) => Page.Locator(".leaflet-control-layers label", new() { HasText = name }).Locator("input");

    /// <summary>Opens the layer list when the layout has collapsed it.</summary>
    public async Task OpenLayersAsync()
    {
        var control = Page.Locator(".leaflet-control-layers");
        if (!(await control.GetAttributeAsync("class") ?? "").Contains("leaflet-control-layers-expanded", StringComparison.Ordinal))
        {
            await Page.Locator(".leaflet-control-layers-toggle").ClickAsync();
        }
    }

    public async Task OpenTabAsync(string id)
    {
        await Page.Locator($"#tab-{id}").ClickAsync();
        await Assertions.Expect(Panel(id)).ToBeVisibleAsync();
    }

    /// <summary>Near me for a ward or town name, within a distance in metres.</summary>
    public async Task NearMeByNameAsync(string name, int radius)
    {
        await Panel("near").GetByLabel("Distance").SelectOptionAsync(radius.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Panel("near").GetByLabel("Ward or town name").FillAsync(name);
        await Panel("near").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    /// <summary>Clicks the map at a longitude and latitude (through the map's own projection), where no control covers it.</summary>
    public async Task ClickMapAtAsync(double lon, double lat)
    {
        var box = (await Page.Locator("#map").BoundingBoxAsync())!;
        var point = await Page.EvaluateAsync<double[]>(
            "([lon, lat]) => { const m = document.getElementById('map'); const p = m.leafletMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
            new[] { lon, lat });
        var (x, y) = (box.X + point[0], box.Y + point[1]);
        var covered = await Page.EvaluateAsync<string?>(
            "([x, y]) => { const e = document.elementFromPoint(x, y); return e && !e.closest('.leaflet-control, .leaflet-marker-pane, .leaflet-popup-pane') ? null : (e?.className?.baseVal ?? e?.className ?? 'nothing'); }",
            new[] { x, y });
        Assert.True(covered is null, $"({lon}, {lat}) is covered on the map by {covered}");
        await Page.Mouse.ClickAsync((float)x, (float)y);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class MapSiteGroup : ICollectionFixture<MapSite>
{
    public const string Name = "map site";
}
