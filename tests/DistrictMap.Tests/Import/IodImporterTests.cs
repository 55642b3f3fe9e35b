using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

public sealed class IodImporterTests : DatabaseTest
{
    private Task<ImportSummary> Import(string fixture, string? district = SyntheticDistrict.Code) =>
        Db.Iod.ImportAsync(new IodImportOptions { Path = Fixtures.File(fixture), District = district }, TestDatabase.NoProgress);

    [Fact]
    public async Task The_official_File_7_layout_is_read_by_header_name()
    {
        var summary = await Import("synthetic-iod-file7.csv");

        Assert.Equal((7, 1), (summary.Read, summary.Skipped));
        Assert.Equal(60, await Db.CountAsync("deprivation_scores"));
        var imd = await Db.ListAsync(
            "SELECT score, rank, decile FROM deprivation_scores WHERE release = 'IoD2019' AND lsoa_code = 'E01999901' AND domain = 'imd'",
            r => (r.GetDouble(0), r.GetInt32(1), r.GetInt32(2)));
        Assert.Equal([(40.0, 2000, 1)], imd);
        Assert.Equal(13.333, await Db.ScalarAsync<double>("SELECT score FROM deprivation_scores WHERE lsoa_code = 'E01999901' AND domain = 'employment'"));
        Assert.Equal(
            [(1000, 200, 500, 300, 500)],
            await Db.ListAsync(
                "SELECT total, children_0_15, aged_16_59, aged_60_and_over, working_age FROM lsoa_populations WHERE lsoa_code = 'E01999901'",
                r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4))));
    }

    [Fact]
    public async Task The_reduced_layout_gives_ranks_deciles_transformed_scores_and_population()
    {
        await Import("synthetic-iod-reduced.csv");

        Assert.Equal(6 * 10, await Db.CountAsync("deprivation_scores"));
        Assert.Equal(40.0, await Db.ScalarAsync<double>("SELECT score FROM deprivation_scores WHERE lsoa_code = 'E01999901' AND domain = 'imd'"));
        Assert.Equal(20.0, await Db.ScalarAsync<double>("SELECT transformed_score FROM deprivation_scores WHERE lsoa_code = 'E01999901' AND domain = 'employment'"));
        Assert.Equal(6, await Db.CountAsync("lsoa_populations"));
    }

    [Fact]
    public async Task A_file_without_a_required_column_fails_and_names_the_column()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => Import("iod-missing-imd-rank.csv"));

        Assert.Equal(
            "iod-missing-imd-rank.csv: required column \"Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)\" not found",
            error.Message);
        Assert.Equal(0, await Db.CountAsync("deprivation_scores"));
    }

    [Fact]
    public async Task A_bad_value_fails_the_whole_file_and_names_the_row()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => Import("iod-bad-decile.csv"));

        Assert.Equal("row 3 (E01999903)", error.Location);
        Assert.Contains("decile 11", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await Db.CountAsync("deprivation_scores"));
        Assert.Equal(0, await Db.CountAsync("datasets"));
    }

    [Fact]
    public async Task Restricting_to_a_district_needs_the_district_column()
    {
        var error = await Assert.ThrowsAsync<ImportException>(() => Import("iod-no-district.csv"));

        Assert.Equal("iod-no-district.csv: required column \"LADnnCD\" not found (it is needed to restrict the import to a district)", error.Message);

        var all = await Import("iod-no-district.csv", district: null);
        Assert.Equal((6, 0), (all.Read, all.Skipped));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var before = await Db.DigestAsync();

        var again = await Import("synthetic-iod-file7.csv");

        Assert.Equal(0, again.Written);
        Assert.Equal(before, await Db.DigestAsync());
    }
}
