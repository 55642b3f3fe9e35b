using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;
using DistrictMap.Tests.Plan;

namespace DistrictMap.Tests.Ogc;

/// <summary>The synthetic district with its synthetic plan and places, shared by the OGC API test classes (read-only tests).</summary>
public sealed class OgcFixture : PlanFixture
{
    protected override async Task LoadAsync(TestDatabase db)
    {
        await base.LoadAsync(db);
        await SyntheticPlaces.LoadAllAsync(db);
    }
}

[CollectionDefinition(Name)]
public sealed class OgcTests : ICollectionFixture<OgcFixture>
{
    public const string Name = "OGC API";
}
