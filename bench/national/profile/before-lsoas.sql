-- The lsoas tile query as TileStore built it before geometry was kept in Web Mercator (main at 9b304ac):
-- each row simplified (below z12) in EPSG:4326 and projected to 3857 on every request.
WITH tile AS (
    SELECT ST_TileEnvelope(:z, :x, :y) AS envelope,
           ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 0.015625), 4326) AS search
)
SELECT ST_AsMVT(mvt, 'lsoas', 4096, 'geom')
FROM (
    SELECT ST_AsMVTGeom(
               ST_Transform(CASE WHEN :tolerance > 0 THEN ST_Simplify(l.geom, :tolerance, true) ELSE l.geom END, 3857),
               tile.envelope, 4096, 64, true) AS geom,
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
    WHERE (l.vintage = (SELECT max(vintage) FROM lsoas)) AND l.geom && tile.search
) mvt
WHERE mvt.geom IS NOT NULL;
