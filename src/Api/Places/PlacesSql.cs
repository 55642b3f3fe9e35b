namespace DistrictMap.Api.Places;

/// <summary>
/// The SQL objects of places that EF Core does not model: geography indexes for distance searches and the ward measures.
/// Kept here, not in the migration, so that a regenerated migration can reference them again.
/// </summary>
public static class PlacesSql
{
    /// <summary>
    /// GiST indexes on each geometry as geography, so that distance searches in metres (ST_DWithin, KNN &lt;-&gt;) use an index.
    /// </summary>
    public const string CreateGeographyIndexes = """
        CREATE INDEX ix_routes_geog ON routes USING gist ((geom::geography));
        CREATE INDEX ix_green_spaces_geog ON green_spaces USING gist ((geom::geography));
        CREATE INDEX ix_town_centre_projects_geog ON town_centre_projects USING gist ((geom::geography));
        CREATE INDEX ix_recycling_sites_geog ON recycling_sites USING gist ((geom::geography));
        CREATE INDEX ix_activities_geog ON activities USING gist ((geom::geography));
        """;

    public const string DropGeographyIndexes = """
        DROP INDEX IF EXISTS ix_routes_geog;
        DROP INDEX IF EXISTS ix_green_spaces_geog;
        DROP INDEX IF EXISTS ix_town_centre_projects_geog;
        DROP INDEX IF EXISTS ix_recycling_sites_geog;
        DROP INDEX IF EXISTS ix_activities_geog;
        """;

    /// <summary>
    /// The places measures of every ward, refreshed with the other derived data after every import.
    /// A measure is null while its layer holds no features at all (nothing loaded is not the same as none there).
    /// <list type="bullet">
    /// <item>Route length by kind: routes clipped to the ward, overlapping routes of one kind counted once, length on the ellipsoid.</item>
    /// <item>Green-space area: green spaces clipped to the ward, overlaps counted once, area on the ellipsoid; and per 1,000 residents.</item>
    /// <item>Population within 400 m and 1 km of a public green space: each LSOA's population (the latest IoD release that has
    /// populations for the ward's LSOAs) placed at the LSOA's interior point, distances on the ellipsoid.</item>
    /// <item>Town-centre projects, activities and recycling sites that intersect the ward.</item>
    /// </list>
    /// </summary>
    public const string CreateWardPlaces = """
        CREATE MATERIALIZED VIEW ward_places AS
        WITH loaded AS (
            SELECT EXISTS (SELECT 1 FROM routes) AS routes,
                   EXISTS (SELECT 1 FROM green_spaces) AS green_spaces,
                   EXISTS (SELECT 1 FROM town_centre_projects) AS projects,
                   EXISTS (SELECT 1 FROM activities) AS activities,
                   EXISTS (SELECT 1 FROM recycling_sites) AS recycling_sites
        ), route_lengths AS (
            SELECT w.code AS ward_code, r.kind,
                   ST_Length(ST_Union(ST_CollectionExtract(ST_Intersection(r.geom, w.geom), 2))::geography) AS length_m
            FROM wards w
            JOIN routes r ON r.geom && w.geom AND ST_Intersects(r.geom, w.geom)
            GROUP BY w.code, r.kind
        ), green AS (
            SELECT w.code AS ward_code,
                   ST_Area(ST_Union(ST_CollectionExtract(ST_Intersection(g.geom, w.geom), 3))::geography) AS area_m2
            FROM wards w
            JOIN green_spaces g ON g.geom && w.geom AND ST_Intersects(g.geom, w.geom)
            GROUP BY w.code
        ), lsoa_people AS (
            SELECT ward_code, population, point
            FROM (
                SELECT a.ward_code, p.total::double precision AS population, ST_PointOnSurface(l.geom) AS point,
                       dense_rank() OVER (PARTITION BY a.ward_code ORDER BY r.published DESC, r.code) AS recency
                FROM lsoa_ward_assignments a
                JOIN lsoas l ON l.code = a.lsoa_code AND l.vintage = a.lsoa_vintage
                JOIN iod_releases r ON r.lsoa_vintage = a.lsoa_vintage
                JOIN lsoa_populations p ON p.release = r.code AND p.lsoa_code = a.lsoa_code
                WHERE p.total IS NOT NULL
            ) x
            WHERE recency = 1
        ), people AS (
            SELECT ward_code, sum(population) AS population,
                   sum(population) FILTER (WHERE EXISTS (
                       SELECT 1 FROM green_spaces g
                       WHERE g.access = 'public' AND ST_DWithin(g.geom::geography, point::geography, 400))) AS within_400m,
                   sum(population) FILTER (WHERE EXISTS (
                       SELECT 1 FROM green_spaces g
                       WHERE g.access = 'public' AND ST_DWithin(g.geom::geography, point::geography, 1000))) AS within_1km
            FROM lsoa_people
            GROUP BY ward_code
        )
        SELECT w.code AS ward_code, w.district_code, people.population::bigint AS population,
               CASE WHEN loaded.routes THEN coalesce((SELECT length_m FROM route_lengths x WHERE x.ward_code = w.code AND x.kind = 'walking'), 0) END AS route_length_walking_m,
               CASE WHEN loaded.routes THEN coalesce((SELECT length_m FROM route_lengths x WHERE x.ward_code = w.code AND x.kind = 'cycling'), 0) END AS route_length_cycling_m,
               CASE WHEN loaded.routes THEN coalesce((SELECT length_m FROM route_lengths x WHERE x.ward_code = w.code AND x.kind = 'shared'), 0) END AS route_length_shared_m,
               CASE WHEN loaded.green_spaces THEN coalesce(green.area_m2, 0) END AS green_space_area_m2,
               CASE WHEN loaded.green_spaces AND people.population > 0 THEN coalesce(green.area_m2, 0) / (people.population / 1000) END AS green_space_m2_per_1000,
               CASE WHEN loaded.green_spaces AND people.population > 0 THEN coalesce(people.within_400m, 0) / people.population END AS population_share_within_400m,
               CASE WHEN loaded.green_spaces AND people.population > 0 THEN coalesce(people.within_1km, 0) / people.population END AS population_share_within_1km,
               CASE WHEN loaded.projects THEN (SELECT count(*) FROM town_centre_projects t WHERE t.geom && w.geom AND ST_Intersects(t.geom, w.geom))::int END AS projects,
               CASE WHEN loaded.activities THEN (SELECT count(*) FROM activities t WHERE t.geom && w.geom AND ST_Intersects(t.geom, w.geom))::int END AS activities,
               CASE WHEN loaded.recycling_sites THEN (SELECT count(*) FROM recycling_sites t WHERE t.geom && w.geom AND ST_Intersects(t.geom, w.geom))::int END AS recycling_sites
        FROM wards w
        CROSS JOIN loaded
        LEFT JOIN green ON green.ward_code = w.code
        LEFT JOIN people ON people.ward_code = w.code;

        CREATE UNIQUE INDEX ux_ward_places ON ward_places (ward_code);
        CREATE INDEX ix_ward_places_district ON ward_places (district_code);
        """;

    public const string DropWardPlaces = "DROP MATERIALIZED VIEW IF EXISTS ward_places;";

    /// <summary>Run with the other derived data (DerivedData) whenever an import changed something.</summary>
    public const string RefreshWardPlaces = "REFRESH MATERIALIZED VIEW ward_places;";
}
