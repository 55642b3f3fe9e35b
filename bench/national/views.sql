-- bench/national.sh: the request lists, as tables for pgbench. What MapServer and the pgbench floor
-- read is bench.lsoas, written by `districtmap db views --schema bench` from the lsoas collection's own
-- declaration (the same joins and properties the API serves).
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.bbox, bench.tile, bench.fid;
CREATE TABLE bench.bbox (i serial PRIMARY KEY, minx float8, miny float8, maxx float8, maxy float8);
CREATE TABLE bench.tile (i serial PRIMARY KEY, z int, x int, y int);
CREATE TABLE bench.fid (i serial PRIMARY KEY, code text);
