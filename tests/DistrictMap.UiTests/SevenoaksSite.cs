using DistrictMap.Api.Places.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.UiTests;

/// <summary>
/// The real application on Kestrel over Sevenoaks District (E07000111) loaded from the real open data in
/// DISTRICTMAP_DATA_DIR, as <c>./run.sh</c> serves it: the district's wards, LSOAs, lookup and IoD 2019
/// through the loader, then the sample plan and the sample places, marked as sample. Shared by the
/// real-data browser tests; nothing is started when DISTRICTMAP_DATA_DIR is unset (the tests are then
/// reported as skipped).
/// </summary>
public sealed class SevenoaksSite : BrowserSite
{
    public const string District = "E07000111";
    public const string SwanleyStMarys = "E05005031";

    private SiteServer? server;

    public override string BaseUrl => server?.BaseUrl ?? throw new InvalidOperationException("DISTRICTMAP_DATA_DIR is not set: the Sevenoaks site was not started");

    public override async Task InitializeAsync()
    {
        if (RealData.Directory is null)
        {
            return;
        }

        var launch = LaunchBrowserAsync();
        var loadSettings = RealDataLoader.Settings;
        loadSettings["DistrictMap:Data:SampleDirectory"] = Path.Combine(Fixtures.RepositoryRoot, "data/geo/sample");
        server = await SiteServer.StartAsync(LoadAsync, new Dictionary<string, string?>(), loadSettings);
        Http.BaseAddress = new Uri(BaseUrl);
        await launch;
    }

    private static async Task LoadAsync(TestDatabase db)
    {
        await RealDataLoader.LoadAsync(db, District);
        await PlanFixture.ImportSamplePlanAsync(db);
        var places = await db.Services.GetRequiredService<PlaceSamples>().LoadAsync(District, _ => TestDatabase.NoProgress, CancellationToken.None);
        Assert.Equal(5, places.Count);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
