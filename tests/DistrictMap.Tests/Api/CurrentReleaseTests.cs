using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>
/// The synthetic district on IoD 2019, and a synthetic copy of it (E07999997, wards E059998nn, LSOAs of the 2021
/// vintage E019998nn) on IoD 2025: two districts on different releases.
/// </summary>
public sealed class TwoReleasesFixture : ApiFixture
{
    public const string Other = "E07999997";

    protected override async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await db.ExecuteAsync($"""
            INSERT INTO districts (code, name, area_m2, dataset_id, geom)
                SELECT '{Other}', 'Synthetic Copy', area_m2, dataset_id, geom FROM districts WHERE code = '{SyntheticDistrict.Code}';
            INSERT INTO wards (code, name, area_m2, dataset_id, district_code, geom)
                SELECT replace(code, 'E059999', 'E059998'), name || ' (copy)', area_m2, dataset_id, '{Other}', geom FROM wards WHERE district_code = '{SyntheticDistrict.Code}';
            INSERT INTO lsoas (code, vintage, name, area_m2, dataset_id, district_code, geom)
                SELECT replace(code, 'E019999', 'E019998'), 2021, name, area_m2, dataset_id, '{Other}', geom FROM lsoas WHERE district_code = '{SyntheticDistrict.Code}';
            INSERT INTO lsoa_ward_assignments (lsoa_code, lsoa_vintage, method, overlap_share, ward_code)
                SELECT replace(lsoa_code, 'E019999', 'E019998'), 2021, method, overlap_share, replace(ward_code, 'E059999', 'E059998')
                FROM lsoa_ward_assignments WHERE lsoa_code LIKE 'E019999%';
            INSERT INTO deprivation_scores (release, lsoa_code, domain, dataset_id, decile, rank, score, transformed_score)
                SELECT 'IoD2025', replace(lsoa_code, 'E019999', 'E019998'), domain, dataset_id, decile, rank, score, transformed_score
                FROM deprivation_scores WHERE release = 'IoD2019' AND lsoa_code LIKE 'E019999%';
            INSERT INTO lsoa_populations (release, lsoa_code, aged_16_59, aged_60_and_over, children_0_15, dataset_id, total, working_age)
                SELECT 'IoD2025', replace(lsoa_code, 'E019999', 'E019998'), aged_16_59, aged_60_and_over, children_0_15, dataset_id, total, working_age
                FROM lsoa_populations WHERE release = 'IoD2019' AND lsoa_code LIKE 'E019999%';
            REFRESH MATERIALIZED VIEW ward_deprivation;
            UPDATE data_state SET version = version + 1;
            """);
    }
}

/// <summary>One current-release rule, per district, for the REST wards and the OGC wards collection.</summary>
public sealed class CurrentReleaseTests(TwoReleasesFixture api) : IClassFixture<TwoReleasesFixture>
{
    [Theory]
    [InlineData(SyntheticDistrict.Code, "IoD2019")]
    [InlineData(TwoReleasesFixture.Other, "IoD2025")]
    public async Task Each_district_shows_its_own_current_release_in_REST_and_OGC(string district, string release)
    {
        var rest = await api.JsonAsync($"/api/wards?district={district}");
        var ogc = await api.JsonAsync($"/ogc/collections/wards/items?district={district}&limit=100");

        Assert.Equal(release, rest.GetProperty("release").GetString());
        var features = ogc.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal(release, f.GetProperty("properties").GetProperty("iod_release").GetString());
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, f.GetProperty("properties").GetProperty("imd_score").ValueKind);
        });
        var restScores = rest.GetProperty("wards").EnumerateArray().ToDictionary(w => w.GetProperty("code").GetString()!, w => w.GetProperty("imdScore").GetDouble());
        Assert.All(features, f => Assert.Equal(restScores[f.GetProperty("id").GetString()!], f.GetProperty("properties").GetProperty("imd_score").GetDouble(), 3));
    }
}
