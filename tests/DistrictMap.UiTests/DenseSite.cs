using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.UiTests;

/// <summary>
/// The synthetic district with 600 more synthetic LSOAs, small squares in a 30 by 20 grid over its extent:
/// a view of the district then holds more LSOAs than the map draws as shapes, as a county or national
/// load does. Synthetic data, made here.
/// </summary>
public sealed class DenseSite : BrowserSite
{
    public const int ExtraLsoas = 600;

    public override Task InitializeAsync() => StartAsync(LoadAsync, new Dictionary<string, string?>());

    private static async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await db.ExecuteAsync($"""
            WITH d AS (
                SELECT ST_XMin(geom) AS x0, ST_YMin(geom) AS y0, (ST_XMax(geom) - ST_XMin(geom)) / 30 AS dx, (ST_YMax(geom) - ST_YMin(geom)) / 20 AS dy
                FROM districts WHERE code = '{SyntheticDistrict.Code}'),
            s AS (SELECT vintage, dataset_id FROM lsoas LIMIT 1),
            cells AS (
                SELECT n, ST_Multi(ST_MakeEnvelope(
                    x0 + (n % 30) * dx, y0 + (n / 30) * dy, x0 + (n % 30 + 0.9) * dx, y0 + (n / 30 + 0.9) * dy, 4326)) AS geom
                FROM d, generate_series(0, {ExtraLsoas - 1}) n)
            INSERT INTO lsoas (code, vintage, name, district_code, geom, area_m2, dataset_id)
            SELECT 'E0199' || lpad(n::text, 4, '0'), s.vintage, 'Synthetic dense LSOA ' || n, '{SyntheticDistrict.Code}',
                   cells.geom, ST_Area(cells.geom::geography), s.dataset_id
            FROM cells, s
            """);
    }
}
