-- National-scale synthetic data for bench/national.sh: deterministic, SRID 4326, inside England's box.
--
-- Box: lon -5.7 .. 1.8, lat 50.0 .. 55.8 (roughly England's bounding box).
-- Tables (all rebuilt from scratch on every run, same bytes every run):
--   lsoa       ~33,000 MultiPolygons  Voronoi cells of seeded points, clipped to the box
--   ward        ~7,000 MultiPolygons  a second, independent Voronoi set
--   route      ~20,000 LineStrings    5..40 vertices, kind walking|cycling
--   greenspace ~10,000 Polygons       small star-shaped polygons (50..400 m across)
--
-- All coordinates lie on a 1e-7 degree grid (~1 cm), so the GeoJSON export re-imports
-- bit-identically. Polygons are stored with counter-clockwise exterior rings (RFC 7946 right-hand rule), so
-- GeoJSON written straight from these tables is RFC 7946-conformant.
--
-- Determinism: every random number comes from random() after setseed(), drawn in a
-- plain ordered scan of generate_series (never inside joins/aggregates whose row order
-- the planner could change) and stored in a "stream" table; everything else is pure
-- arithmetic over those numbers. Parallel query is disabled for the session.
--
-- Settlement model: 120 "towns" with Zipf-like sizes; 75% of LSOA/ward seeds are drawn
-- from a Gaussian around a town (size-weighted), 25% uniformly over the box. That gives
-- dense small polygons in cities and big rural ones, like the real geography.
--
-- Usage: psql -v ON_ERROR_STOP=1 -d synth -f gen_data.sql (bench/national.sh runs it in its own cluster).

\set QUIET on
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET work_mem = '256MB';

BEGIN;

DROP TABLE IF EXISTS lsoa, ward, route, greenspace CASCADE;
DROP SCHEMA IF EXISTS gen CASCADE;
CREATE SCHEMA gen;

-- constants
CREATE TABLE gen.box AS
SELECT -5.7::float8 AS minx, 50.0::float8 AS miny, 1.8::float8 AS maxx, 55.8::float8 AS maxy;

------------------------------------------------------------------------------------------
-- Towns
------------------------------------------------------------------------------------------
SELECT setseed(0.20240611) \g /dev/null
CREATE TABLE gen.town_rnd AS
SELECT g AS town_id, random() AS ux, random() AS uy FROM generate_series(1, 120) g;

CREATE TABLE gen.town AS
WITH w AS (
  SELECT r.town_id,
         -5.2 + r.ux * 6.5 AS cx,          -- keep town centres 0.2..0.5 deg inside the box
          50.3 + r.uy * 5.2 AS cy,
         1.0 / power(r.town_id, 0.9) AS weight
  FROM gen.town_rnd r
), s AS (
  SELECT w.*,
         sum(weight) OVER (ORDER BY town_id) AS cum,
         sum(weight) OVER () AS total
  FROM w
)
SELECT town_id, cx, cy,
       0.012 + 0.10 * sqrt(weight) AS sigma,                   -- deg; biggest town ~0.11
       (cum - weight) / total AS cum_lo,
       cum / total AS cum_hi,
       (ARRAY['Ash','Brad','Chel','Dun','Elm','Far','Glen','Hal','Ips','Ken',
              'Lan','Mar','Nor','Ox','Pen','Red','Sal','Thorn','Wal','York'])[1 + (town_id - 1) % 20]
       || (ARRAY['ford','ton','ham','by','bury','field','ley','wick','mouth','chester'])[1 + ((town_id - 1) / 20 + (town_id - 1)) % 10]
       AS name
FROM s;

------------------------------------------------------------------------------------------
-- Seed points for a Voronoi set.  gen.seed_points(stream table, n wanted) is done twice.
------------------------------------------------------------------------------------------
-- LSOA seeds: 40,000 candidates, first 33,000 that fall in the box are kept.
SELECT setseed(0.31415926) \g /dev/null
CREATE TABLE gen.lsoa_rnd AS
SELECT g AS i, random() AS u_kind, random() AS u_town, random() AS u1, random() AS u2,
       random() AS u_imd, random() AS u_pop
FROM generate_series(1, 40000) g;

-- Ward seeds: 9,000 candidates, first 7,000 in the box.
SELECT setseed(0.27182818) \g /dev/null
CREATE TABLE gen.ward_rnd AS
SELECT g AS i, random() AS u_kind, random() AS u_town, random() AS u1, random() AS u2,
       random() AS u_imd, random() AS u_pop
FROM generate_series(1, 9000) g;

CREATE FUNCTION gen.seed_xy(u_kind float8, u_town float8, u1 float8, u2 float8,
                            OUT x float8, OUT y float8, OUT town_id int)
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN u_kind < 0.25 THEN -5.7 + u1 * 7.5
              ELSE t.cx + t.sigma * sqrt(-2 * ln(greatest(u1, 1e-12))) * cos(2 * pi() * u2) / cos(radians(t.cy)) END,
         CASE WHEN u_kind < 0.25 THEN 50.0 + u2 * 5.8
              ELSE t.cy + t.sigma * sqrt(-2 * ln(greatest(u1, 1e-12))) * sin(2 * pi() * u2) END,
         CASE WHEN u_kind < 0.25 THEN NULL ELSE t.town_id END
  FROM (SELECT 1) one
  LEFT JOIN gen.town t ON u_kind >= 0.25 AND u_town >= t.cum_lo AND u_town < t.cum_hi
$$;

CREATE TABLE gen.lsoa_seed AS
SELECT row_number() OVER (ORDER BY i) AS n, s.*
FROM (
  SELECT r.i, r.u_imd, r.u_pop, p.town_id, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326) AS geom
  FROM gen.lsoa_rnd r, LATERAL gen.seed_xy(r.u_kind, r.u_town, r.u1, r.u2) p, gen.box b
  WHERE p.x > b.minx AND p.x < b.maxx AND p.y > b.miny AND p.y < b.maxy
  ORDER BY r.i
  LIMIT 33000
) s;

CREATE TABLE gen.ward_seed AS
SELECT row_number() OVER (ORDER BY i) AS n, s.*
FROM (
  SELECT r.i, r.u_imd, r.u_pop, p.town_id, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326) AS geom
  FROM gen.ward_rnd r, LATERAL gen.seed_xy(r.u_kind, r.u_town, r.u1, r.u2) p, gen.box b
  WHERE p.x > b.minx AND p.x < b.maxx AND p.y > b.miny AND p.y < b.maxy
  ORDER BY r.i
  LIMIT 7000
) s;

CREATE INDEX ON gen.lsoa_seed USING gist (geom);
CREATE INDEX ON gen.ward_seed USING gist (geom);

-- Boundary realism: raw Voronoi cells have ~7 vertices; real generalised LSOA/ward
-- boundaries have tens to hundreds. Each cell is densified (ST_Segmentize, 0.0012 deg) and
-- then the whole plane is pushed through one smooth warp  x' = x + f(y), y' = y + g(x)
-- (sums of sines, |f'|,|g'| <= 0.6, so the map is a diffeomorphism): shared edges stay
-- shared, cells stay valid and non-overlapping, boundaries become wiggly. Coordinates are
-- rounded to 1e-9 before and 1e-7 deg (~1 cm) after the warp so both neighbours of an edge
-- get bit-identical vertices.
CREATE FUNCTION gen.warp(p geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT ST_MakePoint(
    round((x + 0.00018 * sin(1461.0 * y + 0.3) + 0.00022 * sin(885.0 * y + 1.7) + 0.00030 * sin(556.0 * y + 4.1))::numeric, 7)::float8,
    round((y + 0.00018 * sin(1461.0 * x + 2.2) + 0.00022 * sin(885.0 * x + 0.9) + 0.00030 * sin(556.0 * x + 5.3))::numeric, 7)::float8)
  FROM (SELECT round(ST_X(p)::numeric, 9)::float8 AS x, round(ST_Y(p)::numeric, 9)::float8 AS y) c
$$;

CREATE FUNCTION gen.voronoi_cells(seeds regclass) RETURNS TABLE (n bigint, geom geometry)
LANGUAGE plpgsql AS $$
BEGIN
  -- raw cells, matched to their seed through the seed table's GiST index
  EXECUTE format($q$
    CREATE TEMP TABLE raw_cell ON COMMIT DROP AS
    SELECT s.n, ST_SetSRID(v.cell, 4326) AS cell
    FROM (SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(geom ORDER BY n), 0.0,
                          (SELECT ST_Expand(ST_MakeEnvelope(minx, miny, maxx, maxy, 4326), 0.5) FROM gen.box)))).geom AS cell
          FROM %1$s) v
    JOIN %1$s s ON ST_SetSRID(v.cell, 4326) && s.geom AND ST_Contains(ST_SetSRID(v.cell, 4326), s.geom)
  $q$, seeds);
  RETURN QUERY
    WITH pts AS (SELECT r.n, (dp).path[2] AS k, gen.warp((dp).geom) AS p
                 FROM raw_cell r, ST_DumpPoints(ST_Segmentize(r.cell, 0.0012)) dp),
         w AS (SELECT pts.n, ST_SetSRID(ST_MakePolygon(ST_MakeLine(array_agg(p ORDER BY k))), 4326) AS cell
               FROM pts GROUP BY pts.n)
    -- clip to the box; printing with 7 decimals and parsing back puts the new box-edge
    -- vertices on the same 1e-7 grid as all others (nearest doubles, so GeoJSON round-trips)
    SELECT w.n, ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_RemoveRepeatedPoints(
                  ST_GeomFromText(ST_AsText(ST_Intersection(w.cell, b.env), 7), 4326)), 3)))
    FROM w, (SELECT ST_MakeEnvelope(minx, miny, maxx, maxy, 4326) AS env FROM gen.box) b;
  DROP TABLE raw_cell;
END $$;

CREATE TABLE gen.lsoa_cell AS SELECT * FROM gen.voronoi_cells('gen.lsoa_seed');
CREATE TABLE gen.ward_cell AS SELECT * FROM gen.voronoi_cells('gen.ward_seed');

------------------------------------------------------------------------------------------
-- lsoa
------------------------------------------------------------------------------------------
CREATE TABLE lsoa (
  id         integer PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  imd_score  double precision NOT NULL,
  imd_decile integer NOT NULL,
  population integer NOT NULL,
  geom       geometry(MultiPolygon, 4326) NOT NULL
);

INSERT INTO lsoa (id, code, name, imd_score, imd_decile, population, geom)
WITH b AS (
  SELECT s.n, s.town_id, s.u_imd, s.u_pop, c.geom,
         row_number() OVER (PARTITION BY coalesce(s.town_id, 0) ORDER BY s.n) AS k
  FROM gen.lsoa_seed s JOIN gen.lsoa_cell c USING (n)
), scored AS (
  SELECT b.*,
         -- IMD score 0.5..~85, right-skewed, towns a bit more deprived than countryside
         round((0.5 + 70 * power(u_imd, 1.8) + CASE WHEN town_id IS NULL THEN 0 ELSE 8 * u_imd END)::numeric, 3)::float8 AS imd_score
  FROM b
)
SELECT n,
       'E01' || lpad(n::text, 6, '0'),
       coalesce(t.name, 'Rural ' || (ARRAY['North','South','East','West','Vale','Moor','Downs','Fen'])[1 + (n % 8)])
         || ' ' || lpad((1 + (k - 1) / 4)::text, 3, '0') || chr(65 + ((k - 1) % 4)::int),
       imd_score,
       11 - ntile(10) OVER (ORDER BY imd_score, n),      -- decile 1 = most deprived 10%
       (1000 + floor(u_pop * 2200))::int,
       geom
FROM scored LEFT JOIN gen.town t USING (town_id)
ORDER BY n;

------------------------------------------------------------------------------------------
-- ward
------------------------------------------------------------------------------------------
CREATE TABLE ward (
  id         integer PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  lad_name   text NOT NULL,
  population integer NOT NULL,
  geom       geometry(MultiPolygon, 4326) NOT NULL
);

INSERT INTO ward (id, code, name, lad_name, population, geom)
WITH b AS (
  SELECT s.n, s.town_id, s.u_pop, c.geom,
         row_number() OVER (PARTITION BY coalesce(s.town_id, 0) ORDER BY s.n) AS k
  FROM gen.ward_seed s JOIN gen.ward_cell c USING (n)
)
SELECT n,
       'E05' || lpad(n::text, 6, '0'),
       coalesce(t.name, 'Rural') || ' '
         || (ARRAY['Central','North','South','East','West','Park','Hill','Green','Abbey','Castle',
                   'Meadow','Bridge','Church','Common','Heath','Vale'])[1 + ((k - 1) % 16)::int]
         || CASE WHEN k > 16 THEN ' ' || (1 + (k - 1) / 16)::text ELSE '' END,
       coalesce(t.name, 'Rural District ' || (1 + n % 40)::text),
       (3000 + floor(u_pop * 12000))::int,
       geom
FROM b LEFT JOIN gen.town t USING (town_id)
ORDER BY n;

------------------------------------------------------------------------------------------
-- route: 20,000 linestrings, 5..40 vertices, heading random walk
------------------------------------------------------------------------------------------
SELECT setseed(0.16180339) \g /dev/null
CREATE TABLE gen.route_rnd AS
SELECT g AS r, random() AS u_kind, random() AS u_nv, random() AS u_start, random() AS u_town,
       random() AS u1, random() AS u2, random() AS u_head, random() AS u_step
FROM generate_series(1, 20000) g;

SELECT setseed(0.14142135) \g /dev/null
CREATE TABLE gen.route_vrnd AS                -- 40 numbers reserved per route, used 1..nv
SELECT g AS j, random() AS u_turn, random() AS u_len
FROM generate_series(1, 20000 * 40) g;

CREATE TABLE gen.route_head AS
SELECT r.r,
       CASE WHEN r.u_kind < 0.6 THEN 'walking' ELSE 'cycling' END AS kind,
       5 + floor(r.u_nv * 36)::int AS nv,                                  -- 5..40
       CASE WHEN r.u_kind < 0.6 THEN 0.0012 ELSE 0.0035 END AS step,      -- deg per segment
       -- start: 70% near a town, 30% anywhere; clamped 0.4 deg inside the box so the
       -- walk (<= 39 * 0.007 deg) never leaves it
       round(least(1.4, greatest(-5.3, CASE WHEN r.u_start < 0.3 THEN -5.3 + r.u1 * 6.7 ELSE p.x END))::numeric, 7)::float8 AS x0,
       round(least(55.4, greatest(50.4, CASE WHEN r.u_start < 0.3 THEN 50.4 + r.u2 * 5.0 ELSE p.y END))::numeric, 7)::float8 AS y0,
       2 * pi() * r.u_head AS h0,
       coalesce(p.town_id, 0) AS town_id
FROM gen.route_rnd r, LATERAL gen.seed_xy(0.5, r.u_town, r.u1, r.u2) p;

CREATE TABLE route (
  id       integer PRIMARY KEY,
  name     text NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('walking', 'cycling')),
  length_m double precision NOT NULL,
  geom     geometry(LineString, 4326) NOT NULL
);

INSERT INTO route (id, name, kind, length_m, geom)
WITH v AS (
  SELECT h.r, k, h.kind, h.town_id, h.x0, h.y0, h.step,
         h.h0 + sum((vr.u_turn - 0.5) * 0.9) OVER w AS heading,
         h.step * (0.5 + vr.u_len) AS len
  FROM gen.route_head h
  CROSS JOIN LATERAL generate_series(1, h.nv - 1) k
  JOIN gen.route_vrnd vr ON vr.j = (h.r - 1) * 40 + k
  WINDOW w AS (PARTITION BY h.r ORDER BY k)
), p AS (
  SELECT r, k, kind, town_id,
         x0 + sum(len * cos(heading) / cos(radians(y0))) OVER w AS x,
         y0 + sum(len * sin(heading)) OVER w AS y
  FROM v
  WINDOW w AS (PARTITION BY r ORDER BY k)
), lines AS (
  SELECT h.r, h.kind, h.town_id,
         ST_SetSRID(ST_MakeLine(ARRAY[ST_MakePoint(h.x0, h.y0)] ||
                                array_agg(ST_MakePoint(round(p.x::numeric, 7)::float8, round(p.y::numeric, 7)::float8) ORDER BY p.k)), 4326) AS geom
  FROM gen.route_head h JOIN p USING (r)
  GROUP BY h.r, h.kind, h.town_id, h.x0, h.y0
)
SELECT l.r,
       initcap(l.kind) || ' route ' || coalesce(t.name, 'Countryside') || ' ' || lpad(l.r::text, 5, '0'),
       l.kind,
       round(ST_Length(l.geom::geography)::numeric, 1)::float8,
       l.geom
FROM lines l LEFT JOIN gen.town t ON t.town_id = l.town_id
ORDER BY l.r;

------------------------------------------------------------------------------------------
-- greenspace: 10,000 small star-shaped polygons (always valid), 8..16 vertices
------------------------------------------------------------------------------------------
SELECT setseed(0.57721566) \g /dev/null
CREATE TABLE gen.green_rnd AS
SELECT g AS r, random() AS u_kind, random() AS u_nv, random() AS u_start, random() AS u_town,
       random() AS u1, random() AS u2, random() AS u_size, random() AS u_rot
FROM generate_series(1, 10000) g;

SELECT setseed(0.69314718) \g /dev/null
CREATE TABLE gen.green_vrnd AS
SELECT g AS j, random() AS u_rad FROM generate_series(1, 10000 * 16) g;

CREATE TABLE greenspace (
  id      integer PRIMARY KEY,
  name    text NOT NULL,
  kind    text NOT NULL,
  area_ha double precision NOT NULL,
  geom    geometry(Polygon, 4326) NOT NULL
);

INSERT INTO greenspace (id, name, kind, area_ha, geom)
WITH h AS (
  SELECT g.r,
         (ARRAY['park','playing_field','allotment','cemetery','nature_reserve','common'])[1 + floor(g.u_kind * 6)::int] AS kind,
         8 + floor(g.u_nv * 9)::int AS nv,                                 -- 8..16
         0.0004 + 0.0016 * power(g.u_size, 2) AS rad,                      -- deg, ~45..220 m radius
         least(1.7, greatest(-5.6, CASE WHEN g.u_start < 0.2 THEN -5.6 + g.u1 * 7.3 ELSE p.x END)) AS cx,
         least(55.7, greatest(50.1, CASE WHEN g.u_start < 0.2 THEN 50.1 + g.u2 * 5.6 ELSE p.y END)) AS cy,
         2 * pi() * g.u_rot AS rot,
         p.town_id
  FROM gen.green_rnd g, LATERAL gen.seed_xy(0.5, g.u_town, g.u1, g.u2) p
), ring AS (
  SELECT h.r, h.kind, h.town_id, k, h.nv,
         ST_MakePoint(round((h.cx + h.rad * (0.6 + 0.4 * vr.u_rad) * cos(h.rot + 2 * pi() * k / h.nv) / cos(radians(h.cy)))::numeric, 7)::float8,
                      round((h.cy + h.rad * (0.6 + 0.4 * vr.u_rad) * sin(h.rot + 2 * pi() * k / h.nv))::numeric, 7)::float8) AS pt
  FROM h CROSS JOIN LATERAL generate_series(0, h.nv - 1) k
  JOIN gen.green_vrnd vr ON vr.j = (h.r - 1) * 16 + k + 1
), polys AS (
  SELECT r, kind, town_id,
         ST_ForcePolygonCCW(ST_SetSRID(ST_MakePolygon(ST_AddPoint(ST_MakeLine(array_agg(pt ORDER BY k)),
                                               (array_agg(pt ORDER BY k))[1])), 4326)) AS geom
  FROM ring GROUP BY r, kind, town_id
)
SELECT p.r,
       coalesce(t.name, 'Countryside') || ' ' || replace(initcap(replace(p.kind, '_', ' ')), ' ', ' ') || ' ' || lpad(p.r::text, 5, '0'),
       p.kind,
       round((ST_Area(p.geom::geography) / 10000)::numeric, 3)::float8,
       p.geom
FROM polys p LEFT JOIN gen.town t ON t.town_id = p.town_id
ORDER BY p.r;

------------------------------------------------------------------------------------------
-- indexes, stats, clean-up
------------------------------------------------------------------------------------------
CREATE INDEX lsoa_geom_gix       ON lsoa       USING gist (geom);
CREATE INDEX ward_geom_gix       ON ward       USING gist (geom);
CREATE INDEX route_geom_gix      ON route      USING gist (geom);
CREATE INDEX greenspace_geom_gix ON greenspace USING gist (geom);
CREATE INDEX route_kind_idx      ON route (kind);

DROP SCHEMA gen CASCADE;
COMMIT;

VACUUM ANALYZE lsoa;
VACUUM ANALYZE ward;
VACUUM ANALYZE route;
VACUUM ANALYZE greenspace;

\set QUIET off
SELECT 'lsoa' AS tbl, count(*) AS n, sum(ST_NPoints(geom)) AS vertices, bool_and(ST_IsValid(geom)) AS all_valid FROM lsoa
UNION ALL SELECT 'ward', count(*), sum(ST_NPoints(geom)), bool_and(ST_IsValid(geom)) FROM ward
UNION ALL SELECT 'route', count(*), sum(ST_NPoints(geom)), bool_and(ST_IsValid(geom)) FROM route
UNION ALL SELECT 'greenspace', count(*), sum(ST_NPoints(geom)), bool_and(ST_IsValid(geom)) FROM greenspace;
SELECT (SELECT bool_and(ST_IsPolygonCCW(geom)) FROM lsoa) AND (SELECT bool_and(ST_IsPolygonCCW(geom)) FROM ward)
   AND (SELECT bool_and(ST_IsPolygonCCW(geom)) FROM greenspace) AS all_polygons_ccw,
       (SELECT sum(ST_Area(geom)) FROM lsoa)::numeric(10,6) AS lsoa_area_deg2,
       (SELECT sum(ST_Area(geom)) FROM ward)::numeric(10,6) AS ward_area_deg2,
       (7.5 * 5.8)::numeric(10,6) AS box_area_deg2;
