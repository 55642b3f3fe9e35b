using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

public sealed class LookupImporterTests : DatabaseTest
{
    private Task<ImportSummary> Import(string fixture, string? district = SyntheticDistrict.Code) =>
        Db.Lookup.ImportAsync(new LookupImportOptions { Path = Fixtures.File(fixture), District = district }, TestDatabase.NoProgress);

    private Task<List<(string Lsoa, string Ward, string Method, double? Share)>> AssignmentsAsync() =>
        Db.ListAsync(
            "SELECT lsoa_code, ward_code, method, overlap_share FROM lsoa_ward_assignments ORDER BY lsoa_code",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? (double?)null : r.GetDouble(3)));

    [Fact]
    public async Task Every_LSOA_gets_one_ward_best_fit_from_the_lookup_and_the_rest_by_largest_overlap()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        var summary = await Import("synthetic-lookup.csv");

        Assert.Equal((6, 1, 5), (summary.Read, summary.Skipped, summary.Written));
        var assignments = await AssignmentsAsync();
        Assert.Equal(6, assignments.Count);
        Assert.Equal(assignments.Count, assignments.Select(a => a.Lsoa).Distinct().Count());
        Assert.All(assignments.Take(5), a => Assert.Equal("best-fit", a.Method));
        // E01999906 is 23% in ward B and 77% in ward C.
        var overlap = assignments.Single(a => a.Lsoa == "E01999906");
        Assert.Equal(("E05999903", "area-overlap"), (overlap.Ward, overlap.Method));
        Assert.InRange(overlap.Share!.Value, 0.76, 0.78);
    }

    [Fact]
    public async Task Without_a_lookup_every_LSOA_is_placed_by_area_overlap()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        var assignments = await AssignmentsAsync();

        Assert.Equal(6, assignments.Count);
        Assert.All(assignments, a => Assert.Equal("area-overlap", a.Method));
        Assert.Equal(["E05999901", "E05999901", "E05999902", "E05999902", "E05999903", "E05999903"], assignments.Select(a => a.Ward));
    }

    [Fact]
    public async Task Column_names_of_any_vintage_are_recognised()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);

        var summary = await Import("synthetic-lookup-2021.csv");

        Assert.Equal(1, summary.Written);
        Assert.Equal(2021, await Db.ScalarAsync<int>("SELECT lsoa_vintage FROM lsoa_ward_lookup"));
    }

    [Fact]
    public async Task Importing_the_same_lookup_twice_changes_nothing()
    {
        await SyntheticDistrict.LoadBoundariesAsync(Db);
        await Import("synthetic-lookup.csv");
        var before = await Db.DigestAsync();

        var again = await Import("synthetic-lookup.csv");

        Assert.Equal(0, again.Written);
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task A_file_without_a_ward_column_fails_and_names_it()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => Import("synthetic-iod-reduced.csv"));

        Assert.Contains("required column WDnnCD not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("lsoa_ward_lookup"));
    }
}
