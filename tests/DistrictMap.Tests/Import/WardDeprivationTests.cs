using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

public sealed class WardDeprivationTests : DatabaseTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SyntheticDistrict.LoadAllAsync(Db);
    }

    private sealed record Row(string Ward, int Lsoas, long? Population, double? Score, int? Rank, int? WorstDecile, int In10, int In20, int In30, double? Share10, double? Share30, string? Basis);

    private Task<List<Row>> ImdAsync() => Db.ListAsync(
        """
        SELECT ward_code, lsoa_count, population, score, district_rank, worst_decile,
               lsoas_in_most_deprived_10, lsoas_in_most_deprived_20, lsoas_in_most_deprived_30,
               population_share_in_most_deprived_10, population_share_in_most_deprived_30, rank_basis
        FROM ward_deprivation WHERE domain = 'imd' AND release = 'IoD2019' ORDER BY ward_code
        """,
        r => new Row(
            r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt64(2), r.IsDBNull(3) ? null : r.GetDouble(3),
            r.IsDBNull(4) ? null : r.GetInt32(4), r.IsDBNull(5) ? null : r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
            r.IsDBNull(9) ? null : r.GetDouble(9), r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetString(11)));

    [Fact]
    public async Task Ward_scores_are_population_weighted_means_of_their_LSOAs()
    {
        var wards = await ImdAsync();

        // A: (40×1000 + 10×3000) / 4000; B: 20; C: (30×1000 + 12×2000) / 3000. Unweighted means would rank A first.
        Assert.Equal([17.5, 20.0, 18.0], wards.Select(w => Math.Round(w.Score!.Value, 6)));
        Assert.Equal([3, 1, 2], wards.Select(w => w.Rank!.Value));
        Assert.All(wards, w => Assert.Equal("score", w.Basis));
        Assert.Equal([4000L, 3000L, 3000L], wards.Select(w => w.Population!.Value));
    }

    [Fact]
    public async Task Wards_count_their_LSOAs_in_the_most_deprived_tenths_nationally()
    {
        var a = (await ImdAsync()).Single(w => w.Ward == "E05999901");
        var c = (await ImdAsync()).Single(w => w.Ward == "E05999903");

        Assert.Equal((2, 1, 1, 1, 1, 0.25, 0.25), (a.Lsoas, a.WorstDecile, a.In10, a.In20, a.In30, a.Share10, a.Share30));
        Assert.Equal((2, 2, 0, 1, 1), (c.Lsoas, c.WorstDecile, c.In10, c.In20, c.In30));
        Assert.Equal(1000.0 / 3000, c.Share30!.Value, 6);
    }

    [Fact]
    public async Task Every_domain_has_a_ward_summary_and_a_district_rank()
    {
        var domains = await Db.ListAsync(
            "SELECT domain, count(*), count(district_rank) FROM ward_deprivation GROUP BY domain ORDER BY domain",
            r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)));

        Assert.Equal(10, domains.Count);
        Assert.All(domains, d => Assert.Equal((3L, 3L), (d.Item2, d.Item3)));
    }
}
