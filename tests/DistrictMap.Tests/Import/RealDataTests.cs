using System.Globalization;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Collect;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Import;

/// <summary>Loads districts from the real open data in DISTRICTMAP_DATA_DIR, the way the run command does.</summary>
public sealed class RealDataTests : DatabaseTest
{
    private const string Sevenoaks = "E07000111";

    protected override IDictionary<string, string?> Settings => RealDataLoader.Settings;

    private Task<IReadOnlyList<LoadResult>> LoadAsync(string district) => RealDataLoader.LoadAsync(Db, district);

    [RealDataFact]
    public async Task Sevenoaks_loads_26_wards_and_74_LSOAs_each_in_exactly_one_ward()
    {
        await LoadAsync(Sevenoaks);

        Assert.Equal(26, await Db.ScalarAsync<long>("SELECT count(*) FROM wards WHERE district_code = $1", Sevenoaks));
        Assert.Equal(74, await Db.ScalarAsync<long>("SELECT count(*) FROM lsoas WHERE district_code = $1 AND vintage = 2011", Sevenoaks));
        var perLsoa = await Db.ListAsync(
            """
            SELECT l.code, count(a.ward_code), min(a.method)
            FROM lsoas l LEFT JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code AND a.lsoa_vintage = l.vintage
            WHERE l.district_code = $1 GROUP BY l.code
            """,
            r => (Lsoa: r.GetString(0), Wards: r.GetInt64(1), Method: r.GetString(2)),
            Sevenoaks);
        Assert.Equal(74, perLsoa.Count);
        Assert.All(perLsoa, l => Assert.Equal((1L, "best-fit"), (l.Wards, l.Method)));
    }

    [RealDataFact]
    public async Task Swanley_St_Marys_is_the_most_deprived_Sevenoaks_ward_by_population_weighted_IMD_score()
    {
        await LoadAsync(Sevenoaks);

        var ranking = await Db.ListAsync(
            """
            SELECT d.ward_code, w.name FROM ward_deprivation d JOIN wards w ON w.code = d.ward_code
            WHERE d.district_code = $1 AND d.release = 'IoD2019' AND d.domain = 'imd' ORDER BY d.district_rank
            """,
            r => (Code: r.GetString(0), Name: r.GetString(1)),
            Sevenoaks);
        Assert.Equal(26, ranking.Count);
        Assert.Equal(("E05005031", "Swanley St Mary's"), ranking[0]);
        Assert.Equal(("E05005032", "Swanley White Oak"), ranking[1]);
    }

    [RealDataFact]
    public async Task Only_the_two_Swanley_wards_have_LSOAs_in_the_most_deprived_30_percent()
    {
        await LoadAsync(Sevenoaks);

        var wards = await Db.ListAsync(
            "SELECT ward_code FROM ward_deprivation WHERE district_code = $1 AND domain = 'imd' AND lsoas_in_most_deprived_30 > 0 ORDER BY ward_code",
            r => r.GetString(0),
            Sevenoaks);
        Assert.Equal(["E05005031", "E05005032"], wards);
    }

    [RealDataFact]
    public async Task Ward_scores_agree_with_an_independent_aggregation_of_the_same_files()
    {
        await LoadAsync(Sevenoaks);
        // The data folder's derived ward summary was computed outside this project from the same LSOA files.
        var expected = new Dictionary<string, (long Population, double Score)>();
        using (var csv = CsvSource.Open(RealData.File("imd/imd2019_sevenoaks_ward_summary_derived.csv")))
        {
            var (code, population, score) = (csv.Find("WD23CD"), csv.Find("Pop_mid2015"), csv.Find("IMD_Score_popweighted"));
            while (csv.Read())
            {
                expected[csv.Get(code)!] = (
                    long.Parse(csv.Get(population)!, CultureInfo.InvariantCulture),
                    double.Parse(csv.Get(score)!, CultureInfo.InvariantCulture));
            }
        }

        var actual = await Db.ListAsync(
            "SELECT ward_code, population, score FROM ward_deprivation WHERE district_code = $1 AND domain = 'imd'",
            r => (Code: r.GetString(0), Population: r.GetInt64(1), Score: r.GetDouble(2)),
            Sevenoaks);

        Assert.Equal(expected.Count, actual.Count);
        Assert.All(actual, w =>
        {
            Assert.Equal(expected[w.Code].Population, w.Population);
            Assert.Equal(expected[w.Code].Score, w.Score, 3);
        });
    }

    [RealDataFact]
    public async Task Loading_the_same_data_twice_leaves_the_same_rows_and_data()
    {
        await LoadAsync(Sevenoaks);
        var before = await Db.DigestAsync();

        var again = await LoadAsync(Sevenoaks);

        // The places and search datasets, not in the data folder, are skipped both times.
        Assert.All(again.Where(r => r.Skipped is null), r => Assert.Equal(0, r.Summary!.Written));
        Assert.Equal(before, await Db.DigestAsync());
    }

    [RealDataFact]
    public async Task Another_district_with_superseded_wards_loads_with_LSOAs_placed_by_area_overlap()
    {
        await LoadAsync("E07000115");

        Assert.Equal(26, await Db.ScalarAsync<long>("SELECT count(*) FROM wards WHERE district_code = 'E07000115'"));
        var methods = await Db.ListAsync(
            "SELECT a.method, count(*) FROM lsoa_ward_assignments a JOIN wards w ON w.code = a.ward_code WHERE w.district_code = 'E07000115' GROUP BY a.method",
            r => (r.GetString(0), r.GetInt64(1)));
        // The 2019 lookup names wards that replaced these 2013 ones, so every LSOA falls back to the largest overlap.
        Assert.Equal([("area-overlap", 72L)], methods);
        Assert.Equal(26, await Db.ScalarAsync<long>("SELECT count(district_rank) FROM ward_deprivation WHERE district_code = 'E07000115' AND domain = 'imd'"));
    }

    [RealDataFact]
    public async Task The_IoD_2025_extract_imports_as_its_own_release_on_LSOA_2021_codes()
    {
        var summary = await Db.Iod.ImportAsync(
            new DistrictMap.Api.Import.Deprivation.IodImportOptions { Path = RealData.File("imd/iod2025_sevenoaks_lsoa2021_partial.csv"), District = Sevenoaks },
            TestDatabase.NoProgress);

        Assert.Equal((72, 0, 72), (summary.Read, summary.Skipped, summary.Written));
        var rows = await Db.ListAsync(
            "SELECT release, domain, count(*), count(score), min(decile) FROM deprivation_scores GROUP BY release, domain",
            r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4)));
        // The extract has the IMD rank and decile only (no scores, no population); Sevenoaks 002A is in decile 1.
        Assert.Equal([("IoD2025", "imd", 72L, 0L, 1)], rows);
        Assert.Equal(0, await Db.CountAsync("lsoa_populations"));
    }
}
