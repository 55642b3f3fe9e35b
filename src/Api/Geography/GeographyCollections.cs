using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Features;
using DistrictMap.Api.Import;
using DistrictMap.Api.Lsoas;
using DistrictMap.Api.Tiles;

namespace DistrictMap.Api.Geography;

/// <summary>The districts, wards and LSOAs as feature collections.</summary>
public static class GeographyCollections
{
    public static readonly FeatureCollectionDefinition Districts = new()
    {
        Id = "districts",
        Title = "Local authority districts",
        Description = "The local authority districts loaded, with their outlines (ONS boundaries).",
        From = "districts d",
        IdExpression = "d.code",
        IdPattern = GssCode.Regex,
        IdDescription = "a LAD GSS code such as E07000111",
        GeometryExpression = "d.geom",
        TileGeometry = TileGeometry.WithBands("d"),
        DatasetKinds = ["districts"],
        Keywords = ["local authority district", "boundaries"],
        TileProperties = ["code", "name"],
        Properties =
        [
            new("code", "d.code", PropertyType.Text, "GSS code of the district", Queryable: true),
            new("name", "d.name", PropertyType.Text, "Name of the district", Queryable: true),
            new("area_km2", "round((d.area_m2 / 1e6)::numeric, 3)", PropertyType.Number, "Area on the ellipsoid, km²"),
            new("ward_count", "(SELECT count(*) FROM wards x WHERE x.district_code = d.code)", PropertyType.WholeNumber, "Wards loaded for the district"),
        ],
    };

    public static readonly FeatureCollectionDefinition Wards = new()
    {
        Id = "wards",
        Title = "Electoral wards",
        Description = "Electoral wards with their deprivation summary from their district's current English Indices of Deprivation release "
            + "(population-weighted from LSOAs: not an official statistic; method at /api/methods/ward-deprivation).",
        From = $"""
            wards w LEFT JOIN {CurrentRelease.PerDistrict} cur ON cur.district_code = w.district_code
            LEFT JOIN ward_deprivation dep ON dep.ward_code = w.code AND dep.domain = 'imd' AND dep.release = cur.release
            """,
        IdExpression = "w.code",
        IdPattern = GssCode.Regex,
        IdDescription = "a ward GSS code such as E05005031",
        GeometryExpression = "w.geom",
        TileGeometry = TileGeometry.WithBands("w"),
        DatasetKinds = ["wards", "iod", "lsoa-ward-lookup"],
        Keywords = ["electoral wards", "deprivation", "IMD"],
        TileProperties = ["code", "name", "district", "imd_score", "imd_rank_in_district", "imd_worst_decile"],
        Properties =
        [
            new("code", "w.code", PropertyType.Text, "GSS code of the ward", Queryable: true),
            new("name", "w.name", PropertyType.Text, "Name of the ward", Queryable: true),
            new("district", "w.district_code", PropertyType.Text, "GSS code of the ward's district", Queryable: true),
            new("area_km2", "round((w.area_m2 / 1e6)::numeric, 3)", PropertyType.Number, "Area on the ellipsoid, km²"),
            new("iod_release", "dep.release", PropertyType.Text, "The IoD release of the deprivation properties"),
            new("population", "dep.population", PropertyType.WholeNumber, "Population (the IoD denominators of its LSOAs)"),
            new("imd_score", "round(dep.score::numeric, 3)", PropertyType.Number, "Population-weighted mean IMD score of its LSOAs (higher is more deprived)"),
            new("imd_rank_in_district", "dep.district_rank", PropertyType.WholeNumber, "Rank among the district's wards by IMD score, 1 = most deprived", Queryable: true),
            new("imd_worst_decile", "dep.worst_decile", PropertyType.WholeNumber, "National IMD decile of its most deprived LSOA, 1 = most deprived 10%", Queryable: true),
            new("lsoas_in_most_deprived_10", "dep.lsoas_in_most_deprived_10", PropertyType.WholeNumber, "Its LSOAs in the most deprived 10% nationally"),
            new("lsoas_in_most_deprived_20", "dep.lsoas_in_most_deprived_20", PropertyType.WholeNumber, "Its LSOAs in the most deprived 20% nationally"),
            new("lsoas_in_most_deprived_30", "dep.lsoas_in_most_deprived_30", PropertyType.WholeNumber, "Its LSOAs in the most deprived 30% nationally"),
        ],
    };

    public static readonly FeatureCollectionDefinition Lsoas = new()
    {
        Id = "lsoas",
        Title = "Lower layer Super Output Areas",
        Description = "LSOAs of the latest vintage loaded, with the ward each is counted in and its Index of Multiple Deprivation.",
        From = LsoaQueries.WithDeprivation,
        Where = LsoaQueries.IsLatestVintage,
        IdExpression = "l.code",
        IdPattern = GssCode.Regex,
        IdDescription = "an LSOA GSS code such as E01024476",
        GeometryExpression = "l.geom",
        TileGeometry = TileGeometry.WithBands("l"),
        DatasetKinds = ["lsoas", "iod", "lsoa-ward-lookup"],
        Keywords = ["LSOA", "deprivation", "IMD"],
        TileProperties = ["code", "name", "ward", "imd_score", "imd_decile"],
        Temporal = FeatureTemporal.Year("l.vintage", "The census year of the LSOA geography (its vintage: 2011 or 2021)"),
        Properties =
        [
            new("code", "l.code", PropertyType.Text, "GSS code of the LSOA", Queryable: true),
            new("name", "l.name", PropertyType.Text, "Name of the LSOA", Queryable: true),
            new("vintage", "l.vintage", PropertyType.WholeNumber, "LSOA geography: 2011 or 2021"),
            new("district", "l.district_code", PropertyType.Text, "GSS code of the LSOA's district", Queryable: true),
            new("ward", "a.ward_code", PropertyType.Text, "GSS code of the ward the LSOA is counted in", Queryable: true),
            new("ward_assignment", "a.method", PropertyType.Text, "best-fit (ONS lookup) or area-overlap"),
            new("iod_release", "dep.release", PropertyType.Text, "The IoD release of the deprivation properties"),
            new("imd_score", "dep.score", PropertyType.Number, "IMD score (higher is more deprived)"),
            new("imd_rank", "dep.rank", PropertyType.WholeNumber, "IMD rank in England, 1 = most deprived"),
            new("imd_decile", "dep.decile", PropertyType.WholeNumber, "IMD decile in England, 1 = most deprived 10%", Queryable: true),
            new("population", "pop.total", PropertyType.WholeNumber, "Population denominator of the IoD release"),
        ],
    };

    public static IServiceCollection AddGeographyCollections(this IServiceCollection services) =>
        services.AddFeatureCollection(Districts).AddFeatureCollection(Wards).AddFeatureCollection(Lsoas);
}
