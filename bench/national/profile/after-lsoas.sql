-- Step 2 (what TileStore builds now): fenced, and drawn from the stored Web Mercator geometry of the zoom's band
-- (:band, a generated column), found through the GiST index of geom_3857: nothing projected or simplified per request.
WITH tile AS (
    SELECT ST_TileEnvelope(:z, :x, :y) AS envelope,
           ST_TileEnvelope(:z, :x, :y, margin => 0.015625) AS search
)
SELECT ST_AsMVT(mvt, 'lsoas', 4096, 'geom')
FROM (
    SELECT ST_AsMVTGeom(l.:band, tile.envelope, 4096, 64, true) AS geom,
           (l.code)::text AS id,
           (l.code)::text AS "code",
           (l.name)::text AS "name",
           (a.ward_code)::text AS "ward",
           (dep.score)::double precision AS "imd_score",
           (dep.decile)::bigint AS "imd_decile"
    FROM lsoas l
        LEFT JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code AND a.lsoa_vintage = l.vintage
        LEFT JOIN LATERAL (
            SELECT s.release, s.score, s.rank, s.decile
            FROM deprivation_scores s JOIN iod_releases r ON r.code = s.release
            WHERE s.lsoa_code = l.code AND s.domain = 'imd' AND r.lsoa_vintage = l.vintage
            ORDER BY r.published DESC LIMIT 1) dep ON true
        LEFT JOIN lsoa_populations pop ON pop.release = dep.release AND pop.lsoa_code = l.code, tile
    WHERE (l.vintage = (SELECT max(vintage) FROM lsoas)) AND l.geom_3857 && tile.search
    OFFSET 0
) mvt
WHERE mvt.geom IS NOT NULL;
