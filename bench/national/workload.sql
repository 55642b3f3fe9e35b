-- bench/national.sh: the fixed request lists, derived deterministically from the generated data.
-- Sampling every k-th LSOA (by code) follows the population of polygons, so dense towns get
-- most requests, like real traffic. Output is captured by national.sh.
--   \set which bbox|tile|id
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\t'
SELECT CASE :'which'
  WHEN 'bbox' THEN (
    SELECT string_agg(format('%s,%s,%s,%s',
              round((x - 0.025)::numeric, 4), round((y - 0.025)::numeric, 4),
              round((x + 0.025)::numeric, 4), round((y + 0.025)::numeric, 4)), E'\n' ORDER BY id)
    FROM (SELECT id, ST_X(p) x, ST_Y(p) y FROM (SELECT id, ST_PointOnSurface(geom) p FROM lsoa WHERE id % 165 = 82) a) b)
  WHEN 'tile' THEN (
    SELECT string_agg(format('12/%s/%s', tx, ty), E'\n' ORDER BY first_id)
    FROM (SELECT tx, ty, min(id) first_id
          FROM (SELECT id,
                       floor((ST_X(p) + 180) / 360 * 4096)::int AS tx,
                       floor((1 - ln(tan(radians(ST_Y(p))) + 1 / cos(radians(ST_Y(p)))) / pi()) / 2 * 4096)::int AS ty
                FROM (SELECT id, ST_PointOnSurface(geom) p FROM lsoa WHERE id % 33 = 5) a) t
          GROUP BY tx, ty ORDER BY min(id) LIMIT 200) u)
  WHEN 'id' THEN (
    SELECT string_agg(code, E'\n' ORDER BY id) FROM lsoa WHERE id % 165 = 40)
END;
