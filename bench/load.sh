#!/usr/bin/env bash
# A bounded load run on loopback: wrk with 64 connections for 60 s over a mix of reads (ward lists,
# profiles and rankings, LSOA pages by bbox, near me, vector tiles, the plan, the map's own files) on
# Sevenoaks District, while the service's memory is sampled every second. Prints one RESULT line
# and the memory at the start, middle and end of the run.
#
#   DISTRICTMAP_DATA_DIR=/path/to/data bench/load.sh
#
# Settings (environment): DURATION (60s), WARMUP (10s), CONNECTIONS (64), THREADS (2), PORT (5082).
# The run comes from one address, so the per-address limit on expensive reads is turned off for it
# (with it on, this client would rightly be answered 429).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/sevenoaks.sh
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-5082}

sevenoaks_load load
./districtmap plan import data/geo/sample/plan/E07000111 --district E07000111 --sample >/dev/null
./districtmap load-samples places --district E07000111 >/dev/null

# The mix: for each LSOA (in code order) one read of each kind, so every kind weighs the same.
psql "$libpq" -Atq -c "
  WITH l AS (
    SELECT l.code, w.code AS ward, ST_X(ST_PointOnSurface(l.geom)) AS x, ST_Y(ST_PointOnSurface(l.geom)) AS y, row_number() OVER (ORDER BY l.code) AS n
    FROM lsoas l JOIN lsoa_ward_assignments a ON a.lsoa_code = l.code JOIN wards w ON w.code = a.ward_code
    WHERE l.district_code = 'E07000111'),
  t AS (SELECT *, floor((x + 180) / 360 * 2 ^ z)::int AS tx,
               floor((1 - ln(tan(radians(y)) + 1 / cos(radians(y))) / pi()) / 2 * 2 ^ z)::int AS ty
        FROM l CROSS JOIN (VALUES (11), (13)) zs(z))
  SELECT p FROM (
    SELECT n, 1 AS k, '/api/wards?district=E07000111' AS p FROM l
    UNION ALL SELECT n, 2, '/api/wards/' || ward FROM l
    UNION ALL SELECT n, 3, '/api/wards/ranking?district=E07000111&by=' || (ARRAY['imd','income','health','crime'])[1 + n % 4] FROM l
    UNION ALL SELECT n, 4, format('/ogc/collections/lsoas/items?bbox=%s,%s,%s,%s&limit=100', round((x - 0.01)::numeric, 5), round((y - 0.007)::numeric, 5), round((x + 0.01)::numeric, 5), round((y + 0.007)::numeric, 5)) FROM l
    UNION ALL SELECT n, 5, format('/api/nearby?lon=%s&lat=%s&radius=%s', round(x::numeric, 5), round(y::numeric, 5), 1000 + (n % 4) * 1000) FROM l
    UNION ALL SELECT n, 6, format('/tiles/%s/%s/%s/%s.mvt', CASE WHEN z = 11 THEN 'wards' ELSE 'lsoas' END, z, tx, ty) FROM t
    UNION ALL SELECT n, 7, '/api/actions?district=E07000111' FROM l
    UNION ALL SELECT n, 8, CASE WHEN n % 2 = 0 THEN '/' ELSE '/api/focus-wards?district=E07000111' END FROM l
  ) mix ORDER BY n, k, p" > bench/out/load-paths.txt

sevenoaks_serve "$PORT" bench/out/load-service.log

# Every path answers 200 (or 204, an empty tile) before the run, so errors in the run are the load's.
while read -r path; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$path")
  [[ "$status" == 200 || "$status" == 204 ]] || { echo "error: $path answered $status" >&2; exit 1; }
done < <(sort -u bench/out/load-paths.txt)

rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$service/status"; }
export PATHS_FILE=bench/out/load-paths.txt TEMPLATE="{}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-paths.lua "http://127.0.0.1:$PORT" >/dev/null
: > bench/out/load-rss.txt
( while kill -0 $service 2>/dev/null; do echo "$(date +%s) $(rss)" >> bench/out/load-rss.txt; sleep 1; done ) &
sampler=$!
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/wrk-paths.lua "http://127.0.0.1:$PORT" | grep '^RESULT')
kill $sampler 2>/dev/null || true
samples=$(wc -l < bench/out/load-rss.txt)
at() { sed -n "$1p" bench/out/load-rss.txt | cut -d' ' -f2; }
memory="rss_mb_start=$(at 1) rss_mb_middle=$(at $(( (samples + 1) / 2 ))) rss_mb_end=$(at "$samples") rss_mb_max=$(cut -d' ' -f2 bench/out/load-rss.txt | sort -n | tail -1)"
kinds=$(sed -E 's#^(/[a-z]*/?[a-z-]*).*#\1#' bench/out/load-paths.txt | sort | uniq -c | awk '{ printf "%s%s:%s", sep, $2, $1; sep = " " }')
line="$(date -u +%Y-%m-%dT%H:%MZ) mixed-reads threads=$THREADS connections=$CONNECTIONS duration=$DURATION paths=$(wc -l < bench/out/load-paths.txt) $result $memory"
echo "mix: $kinds"
echo "$line" | tee -a bench/out/results.txt
