using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

/// <summary>Loads the synthetic district of the fixtures (see Fixtures/README.md) through the importers.</summary>
public static class SyntheticDistrict
{
    public const string Code = "E07999999";

    public static async Task LoadBoundariesAsync(TestDatabase db)
    {
        await db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Districts, Path = Fixtures.File("synthetic-district.geojson") }, TestDatabase.NoProgress);
        await db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = Fixtures.File("synthetic-wards.geojson") }, TestDatabase.NoProgress);
        await db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Lsoas, Path = Fixtures.File("synthetic-lsoas.geojson") }, TestDatabase.NoProgress);
    }

    public static async Task LoadAllAsync(TestDatabase db, string iodFixture = "synthetic-iod-file7.csv")
    {
        await LoadBoundariesAsync(db);
        await db.Lookup.ImportAsync(new LookupImportOptions { Path = Fixtures.File("synthetic-lookup.csv"), District = Code }, TestDatabase.NoProgress);
        await db.Iod.ImportAsync(new IodImportOptions { Path = Fixtures.File(iodFixture), District = Code }, TestDatabase.NoProgress);
    }
}
