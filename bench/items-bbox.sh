#!/usr/bin/env bash
# Requests per second and latency of /ogc/collections/lsoas/items for 200 bounding boxes
# (limit=100) on Sevenoaks District, measured with wrk on this machine. The boxes are made from the
# loaded LSOAs (one around each LSOA's interior point, in turn, in 7 sizes from about 0.5 to 4 km
# across), so the same data gives the same workload.
#
#   DISTRICTMAP_DATA_DIR=/path/to/data bench/items-bbox.sh
#
# Settings (environment): DURATION (20s), WARMUP (5s), CONNECTIONS (16), THREADS (2), PORT (5081).
# It uses a private PostgreSQL cluster of its own in bench/out/pg, loads the district from the data
# folder, starts the service in Release with warnings-only logging, and prints one RESULT line.
# Responses are not compressed (wrk does not ask for it).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/sevenoaks.sh
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-5081}

sevenoaks_load bench
psql "$libpq" -Atq -c "
  WITH l AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, ST_PointOnSurface(geom) AS p FROM lsoas WHERE district_code = 'E07000111'),
       i AS (SELECT g AS i, g % (SELECT count(*) FROM l) AS n, 0.007 + (g % 7) * 0.008 AS w FROM generate_series(0, 199) g)
  SELECT concat_ws(',', round((ST_X(p) - w / 2)::numeric, 5), round((ST_Y(p) - w * 0.315)::numeric, 5),
                        round((ST_X(p) + w / 2)::numeric, 5), round((ST_Y(p) + w * 0.315)::numeric, 5))
  FROM i JOIN l USING (n) ORDER BY i" > bench/out/bboxes.txt

sevenoaks_serve "$PORT" bench/out/service.log

template="/ogc/collections/lsoas/items?bbox={}&limit=100"
sample=$(head -1 bench/out/bboxes.txt)
curl -sf "http://127.0.0.1:$PORT${template/\{\}/$sample}" \
  | python3 -c 'import json, sys; d = json.load(sys.stdin); print("sample: numberMatched", d["numberMatched"], "numberReturned", d["numberReturned"])'

export PATHS_FILE=bench/out/bboxes.txt TEMPLATE="$template"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-paths.lua "http://127.0.0.1:$PORT" >/dev/null
result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk-paths.lua "http://127.0.0.1:$PORT" | grep '^RESULT')
line="$(date -u +%Y-%m-%dT%H:%MZ) lsoas-items-bbox threads=$THREADS connections=$CONNECTIONS duration=$DURATION $result"
echo "$line" | tee -a bench/out/results.txt
