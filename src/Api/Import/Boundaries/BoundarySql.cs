namespace DistrictMap.Api.Import.Boundaries;

/// <summary>The SQL of boundary imports, kept in one place. Every statement runs in the import's transaction.</summary>
internal static class BoundarySql
{
    public const string CreateStage = """
        CREATE TEMP TABLE stage_boundaries (
            ordinal int NOT NULL, code text NOT NULL, name text NOT NULL,
            district_code text, district_name text, geom geometry NOT NULL
        ) ON COMMIT DROP
        """;

    public const string Copy = "COPY stage_boundaries (ordinal, code, name, district_code, district_name, geom) FROM STDIN (FORMAT BINARY)";

    /// <summary>Transforms to WGS 84, repairs invalid geometries (counting them) and makes every geometry a MultiPolygon.</summary>
    public const string Prepare = """
        CREATE TEMP TABLE stage_prepared ON COMMIT DROP AS
        SELECT s.ordinal, s.code, s.name, s.district_code, s.district_name,
               NOT ST_IsValid(t.geom) AS repaired,
               ST_Multi(ST_CollectionExtract(ST_MakeValid(t.geom), 3))::geometry(MultiPolygon, 4326) AS geom
        FROM stage_boundaries s
        CROSS JOIN LATERAL (SELECT ST_Transform(s.geom, 4326) AS geom) t
        """;

    public const string FirstEmpty = "SELECT ordinal, code FROM stage_prepared WHERE ST_IsEmpty(geom) ORDER BY ordinal LIMIT 1";

    public const string DistrictHasBoundary = "SELECT geom IS NOT NULL FROM districts WHERE code = @district";

    /// <summary>Keeps the features whose interior point lies in the district, for files without a district field.</summary>
    public const string FilterByDistrictBoundary = """
        WITH outside AS (
            DELETE FROM stage_prepared p
            WHERE NOT EXISTS (SELECT 1 FROM districts d WHERE d.code = @district AND ST_Intersects(d.geom, ST_PointOnSurface(p.geom)))
            RETURNING 1
        )
        SELECT count(*) FROM outside
        """;

    public const string SetDistrict = "UPDATE stage_prepared SET district_code = @district WHERE district_code IS NULL";

    /// <summary>Places features without a district field in the loaded district whose boundary holds their interior point.</summary>
    public const string LocateDistricts = """
        UPDATE stage_prepared p SET district_code = d.code
        FROM districts d
        WHERE p.district_code IS NULL AND d.geom IS NOT NULL AND ST_Intersects(d.geom, ST_PointOnSurface(p.geom))
        """;

    public const string FirstWithoutDistrict = "SELECT ordinal, code FROM stage_prepared WHERE district_code IS NULL ORDER BY ordinal LIMIT 1";

    /// <summary>The district each staged feature is credited to: its own code for district boundaries, else its district.</summary>
    private static string CreditedDistrict(BoundaryKind kind) => kind == BoundaryKind.Districts ? "code" : "district_code";

    public static string DistrictsOf(BoundaryKind kind) =>
        $"SELECT {CreditedDistrict(kind)}, count(*) FROM stage_prepared GROUP BY 1 ORDER BY 1 NULLS LAST";

    public static string SetDataset(BoundaryKind kind) =>
        $"UPDATE stage_prepared SET dataset_id = @dataset WHERE {CreditedDistrict(kind)} IS NOT DISTINCT FROM @district::text";

    /// <summary>Removes the provenance records of the kind that no boundary is credited to any more (such as a whole-file record replaced by per-district ones).</summary>
    public static string DeleteUncredited(BoundaryKind kind) => $"""
        WITH gone AS (
            DELETE FROM datasets d
            WHERE d.kind = '{(kind switch { BoundaryKind.Districts => "districts", BoundaryKind.Wards => "wards", _ => "lsoas" })}'
              AND NOT EXISTS (SELECT 1 FROM {(kind switch { BoundaryKind.Districts => "districts", BoundaryKind.Wards => "wards", _ => "lsoas" })} b WHERE b.dataset_id = d.id)
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;

    public const string CountKeptAndRepaired = "SELECT count(*), count(*) FILTER (WHERE repaired) FROM stage_prepared";

    public const string UpsertDistricts = """
        WITH changed AS (
            INSERT INTO districts AS d (code, name, geom, area_m2, dataset_id)
            SELECT code, name, geom, ST_Area(geom::geography), dataset_id FROM stage_prepared
            ON CONFLICT (code) DO UPDATE SET
                name = EXCLUDED.name, geom = EXCLUDED.geom, area_m2 = EXCLUDED.area_m2, dataset_id = EXCLUDED.dataset_id
            WHERE (d.name, d.dataset_id) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.dataset_id)
               OR ST_AsEWKB(d.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
            RETURNING 1
        )
        SELECT count(*) FROM changed
        """;

    /// <summary>Creates the districts that wards or LSOAs name but whose boundary is not loaded (yet).</summary>
    public const string EnsureDistricts = """
        INSERT INTO districts (code, name)
        SELECT DISTINCT ON (district_code) district_code, coalesce(district_name, district_code)
        FROM stage_prepared WHERE district_code IS NOT NULL
        ORDER BY district_code, district_name NULLS LAST
        ON CONFLICT (code) DO NOTHING
        """;

    public const string UpsertWards = """
        WITH changed AS (
            INSERT INTO wards AS w (code, name, district_code, geom, area_m2, dataset_id)
            SELECT code, name, district_code, geom, ST_Area(geom::geography), dataset_id FROM stage_prepared
            ON CONFLICT (code) DO UPDATE SET
                name = EXCLUDED.name, district_code = EXCLUDED.district_code, geom = EXCLUDED.geom,
                area_m2 = EXCLUDED.area_m2, dataset_id = EXCLUDED.dataset_id
            WHERE (w.name, w.district_code, w.dataset_id) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.district_code, EXCLUDED.dataset_id)
               OR ST_AsEWKB(w.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
            RETURNING 1
        )
        SELECT count(*) FROM changed
        """;

    /// <summary>An import of a district's wards defines them: wards of those districts missing from the file go.</summary>
    public const string DeleteMissingWards = """
        WITH gone AS (
            DELETE FROM wards w
            WHERE w.district_code IN (SELECT district_code FROM stage_prepared)
              AND NOT EXISTS (SELECT 1 FROM stage_prepared p WHERE p.code = w.code)
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;

    public const string UpsertLsoas = """
        WITH changed AS (
            INSERT INTO lsoas AS l (code, vintage, name, district_code, geom, area_m2, dataset_id)
            SELECT code, @vintage, name, district_code, geom, ST_Area(geom::geography), dataset_id FROM stage_prepared
            ON CONFLICT (code, vintage) DO UPDATE SET
                name = EXCLUDED.name, district_code = EXCLUDED.district_code, geom = EXCLUDED.geom,
                area_m2 = EXCLUDED.area_m2, dataset_id = EXCLUDED.dataset_id
            WHERE (l.name, l.district_code, l.dataset_id) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.district_code, EXCLUDED.dataset_id)
               OR ST_AsEWKB(l.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
            RETURNING 1
        )
        SELECT count(*) FROM changed
        """;

    public const string DeleteMissingLsoas = """
        WITH gone AS (
            DELETE FROM lsoas l
            WHERE l.vintage = @vintage
              AND l.district_code IN (SELECT district_code FROM stage_prepared WHERE district_code IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM stage_prepared p WHERE p.code = l.code)
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;
}
