-- bench/national/floor/tiles.pgbench for one tile address (the PostGIS floor: the peer's SQL over bench.lsoas).
SELECT ST_AsMVT(m, 'lsoas', 4096, 'geom')
FROM (SELECT ST_AsMVTGeom(ST_Transform(l.geom, 3857), e.env, 4096, 64, true) AS geom,
             l.code AS id, l.code, l.name, l.ward, l.imd_score, l.imd_decile
      FROM (SELECT ST_TileEnvelope(:z, :x, :y) AS env,
                   ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 64.0 / 4096), 4326) AS env4326) e
      JOIN bench.lsoas l ON l.geom && e.env4326) m;
