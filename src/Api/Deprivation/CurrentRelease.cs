namespace DistrictMap.Api.Deprivation;

/// <summary>
/// The one rule for which IoD release a district shows when a request names none: the latest release with
/// ward IMD scores for that district, else the latest with ward rows at all. Districts may be on different
/// releases (one loaded with IoD 2019, another with IoD 2025); the REST API and the OGC collections both follow it.
/// </summary>
public static class CurrentRelease
{
    /// <summary>A derived table of (district_code, release): each district's current release.</summary>
    public const string PerDistrict = """
        (SELECT DISTINCT ON (x.district_code) x.district_code, x.release, r.published
         FROM ward_deprivation x JOIN iod_releases r ON r.code = x.release
         WHERE x.domain = 'imd'
         GROUP BY x.district_code, x.release, r.published
         ORDER BY x.district_code, bool_or(x.score IS NOT NULL) DESC, r.published DESC)
        """;
}
