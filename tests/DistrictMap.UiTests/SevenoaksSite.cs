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

    protected override string NotStartedReason => ": DISTRICTMAP_DATA_DIR is not set";

    public override async Task InitializeAsync()
    {
        if (RealData.Directory is null)
        {
            return;
        }

        var loadSettings = RealDataLoader.Settings;
        loadSettings["DistrictMap:Data:SampleDirectory"] = Path.Combine(Fixtures.RepositoryRoot, "data/geo/sample");
        await StartAsync(LoadAsync, new Dictionary<string, string?>(), loadSettings);
    }

    private static async Task LoadAsync(TestDatabase db)
    {
        await RealDataLoader.LoadAsync(db, District);
        await PlanFixture.ImportSamplePlanAsync(db);
        var places = await db.Services.GetRequiredService<PlaceSamples>().LoadAsync(District, _ => TestDatabase.NoProgress, CancellationToken.None);
        Assert.Equal(5, places.Count);
    }
}
