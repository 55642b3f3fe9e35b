-- bench/national.sh: what MapServer and the pgbench floor read, in DistrictMap's own database:
-- the LSOAs with the same properties DistrictMap's lsoas collection serves (current vintage, ward
-- assignment, latest IoD release and population), computed from DistrictMap's tables by the same joins.
-- The request lists, as tables for pgbench.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench;
CREATE OR REPLACE VIEW bench.lsoas AS
SELECT l.code, l.name, l.vintage, l.district_code AS district, a.ward_code AS ward, a.method AS ward_assignment,
       dep.release AS iod_release, dep.score AS imd_score, dep.rank AS imd_rank, dep.decile AS imd_decile,
       pop.total AS population, l.geom
FROM lsoas l
LEFT JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code AND a.lsoa_vintage = l.vintage
LEFT JOIN LATERAL (
    SELECT s.release, s.score, s.rank, s.decile
    FROM deprivation_scores s JOIN iod_releases r ON r.code = s.release
    WHERE s.lsoa_code = l.code AND s.domain = 'imd' AND r.lsoa_vintage = l.vintage
    ORDER BY r.published DESC LIMIT 1) dep ON true
LEFT JOIN lsoa_populations pop ON pop.release = dep.release AND pop.lsoa_code = l.code
WHERE l.vintage = (SELECT max(vintage) FROM lsoas);

DROP TABLE IF EXISTS bench.bbox, bench.tile, bench.fid;
CREATE TABLE bench.bbox (i serial PRIMARY KEY, minx float8, miny float8, maxx float8, maxy float8);
CREATE TABLE bench.tile (i serial PRIMARY KEY, z int, x int, y int);
CREATE TABLE bench.fid (i serial PRIMARY KEY, code text);
