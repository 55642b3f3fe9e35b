#!/usr/bin/env bash
# National scale, side by side: DistrictMap against MapServer 8 (FastCGI behind nginx) on the same
# PostGIS database, and against the PostGIS floor (pgbench running the same queries with no HTTP
# server), on deterministic synthetic data for England: 33,000 LSOAs and 7,000 wards with realistic
# vertex counts, 20,000 routes and 10,000 green spaces. One command, run as root on Debian 12:
#
#   bench/national.sh
#
# It installs what is missing (PostgreSQL 15 + PostGIS 3, the .NET SDK through scripts/setup.sh;
# cgi-mapserver, mapserver-bin, nginx, spawn-fcgi, wrk and gdal-bin from apt), makes a private
# PostgreSQL cluster in bench/out/national/pg on 127.0.0.1:$PG_PORT, generates the data
# (national/gen_data.sql) in a database of its own, loads it into DistrictMap's database through
# DistrictMap's importers (wards, LSOAs, IoD, routes, green spaces; the same GeoJSON and CSV a council
# would import), starts DistrictMap (Release) and MapServer, and measures, alternating the servers:
#   items    /ogc/collections/lsoas/items?bbox=...&limit=100   the 200 fixed 0.05-degree boxes
#   tiles    /tiles/lsoas/12/x/y.mvt                           the 200 fixed zoom-12 tiles
#   feature  /ogc/collections/lsoas/items/{code}               the 200 fixed LSOAs
# with wrk (requests/s, p50, p99) and the floor with pgbench (national/floor/*.pgbench), then prints
# a Markdown table with the medians and the ratios to the targets, and DistrictMap's peak RSS.
# Generated data and the loaded database are kept in bench/out/national for the next run
# (FRESH=1 starts again). Nothing here is used by ./run.sh or the tests.
#
# Settings (environment): ROUNDS (3), DURATION (20s), WARMUP (5s), THREADS (2), CONNECTIONS (32),
# MS_WORKERS (4), DM_POOL_SIZE (8: DistrictMap's connection pool, sized for the 2-core database as
# MapServer's worker count is; empty: Npgsql's 100), DM_TILE_CACHE_MB (DistrictMap's tile memory; unset:
# its default, 64; 0 keeps none in memory), DM_TILE_STORE (the tile store shared by instances, in the
# database's tile_store table, emptied before each run; unset: on; false: off, so that with
# DM_TILE_CACHE_MB=0 every tile is built in PostGIS), DM_TILE_SEEDING (background seeding after a change
# of the data; unset: off here, since it would compete with the measured requests for the cores),
# SCENARIOS ("items tiles feature"), PG_PORT (56510), API_PORT (56520), MS_PORT (56530).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HERE=$ROOT/bench/national
OUT=$ROOT/bench/out/national
RUN=$OUT/run
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
MS_WORKERS=${MS_WORKERS:-4}
DM_POOL_SIZE=${DM_POOL_SIZE-8}
SCENARIOS=${SCENARIOS:-items tiles feature}
PG_PORT=${PG_PORT:-56510}
API_PORT=${API_PORT:-56520}
MS_PORT=${MS_PORT:-56530}
log() { printf '[national] %s\n' "$*" >&2; }

# ---- 1. what it needs -------------------------------------------------------------------------
[[ $(id -u) -eq 0 ]] || { echo "bench/national.sh runs as root (apt-get, nginx, the postgres service user)" >&2; exit 1; }
scripts/setup.sh >&2
packages=(cgi-mapserver mapserver-bin nginx spawn-fcgi wrk gdal-bin curl python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Keep the packages from starting their system services (nginx on port 80): ours run on our own ports.
  policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  ((policy)) && rm -f /usr/sbin/policy-rc.d
fi
/usr/lib/cgi-bin/mapserv -v | grep -q 'SUPPORTS=OGCAPI_SERVER' || { echo "this mapserv lacks OGC API support" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# ---- 2. a private cluster ---------------------------------------------------------------------
[[ -n "${FRESH:-}" ]] && { log "FRESH: removing $OUT"; rm -rf "$OUT"; }
mkdir -p "$OUT/pg" "$OUT/data" "$RUN"
chmod 755 "$ROOT/bench/out" "$OUT" "$RUN"
chown postgres: "$OUT/pg"
as_pg() { runuser -u postgres -- "$@"; }
if [[ ! -f "$OUT/pg/data/PG_VERSION" ]]; then
  log "initdb $OUT/pg"
  as_pg "$PGBIN/initdb" -D "$OUT/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  # The peer harness's settings: loopback only, our own port and socket, enough connections for 32
  # benchmark clients plus the servers' pools, no JIT, no parallel query, no fsync (throwaway data).
  cat >> "$OUT/pg/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$OUT/pg'
max_connections = 200
shared_buffers = 512MB
effective_cache_size = 4GB
work_mem = 16MB
maintenance_work_mem = 256MB
jit = off
fsync = off
synchronous_commit = off
full_page_writes = off
max_parallel_workers_per_gather = 0
EOF
fi
# The port can be taken for a moment as the source port of some client's connection: try a few times.
for attempt in 1 2 3 4 5 6; do
  as_pg "$PGBIN/pg_ctl" -D "$OUT/pg/data" status >/dev/null 2>&1 && break
  as_pg "$PGBIN/pg_ctl" -D "$OUT/pg/data" -l "$OUT/pg/server.log" -w -t 60 start >/dev/null && break
  ((attempt < 6)) || { echo "PostgreSQL did not start on port $PG_PORT; see $OUT/pg/server.log" >&2; exit 1; }
  sleep 2
done
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
exists() { "${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; }

stop_all() {
  [[ -n "${api_pid:-}" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [[ -f "$RUN/nginx.pid" ]] && kill -QUIT "$(cat "$RUN/nginx.pid")" 2>/dev/null
  if [[ -f "$RUN/mapserv.pid" ]]; then
    # An idle mapserv FastCGI worker acts only on a second SIGTERM; KILL after 5 s.
    while read -r pid; do
      for i in $(seq 0 49); do
        (( i % 10 == 0 )) && kill -TERM "$pid" 2>/dev/null
        kill -0 "$pid" 2>/dev/null && [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]] || break
        sleep 0.1
      done
      kill -KILL "$pid" 2>/dev/null || true
    done < "$RUN/mapserv.pid"
    rm -f "$RUN/mapserv.pid"
  fi
  as_pg "$PGBIN/pg_ctl" -D "$OUT/pg/data" -m fast -w stop >/dev/null 2>&1 || true
}
trap stop_all EXIT

# ---- 3. the synthetic data and the request lists ----------------------------------------------
if ! exists synth || ! "${PSQL[@]}" -d synth -tAc "SELECT 1 FROM pg_tables WHERE tablename = 'greenspace'" | grep -q 1; then
  log "generating the national data set (about 2 minutes)"
  exists synth || "${PSQL[@]}" -d postgres -c "CREATE DATABASE synth"
  "${PSQL[@]}" -d synth -c "CREATE EXTENSION IF NOT EXISTS postgis"
  "${PSQL[@]}" -d synth -f "$HERE/gen_data.sql" >&2
fi
"${PSQL[@]}" -d synth -v which=bbox -f "$HERE/workload.sql" > "$OUT/bboxes.txt"
"${PSQL[@]}" -d synth -v which=tile -f "$HERE/workload.sql" > "$OUT/tiles.txt"
"${PSQL[@]}" -d synth -v which=id -f "$HERE/workload.sql" > "$OUT/ids.txt"
if (cd "$OUT" && sha256sum --quiet -c "$HERE/workload.sha256" >/dev/null 2>&1); then
  log "request lists match the published ones (national/workload.sha256)"
else
  log "note: the request lists differ from national/workload.sha256 (another PostGIS/GEOS version?)"
fi

# ---- 4. DistrictMap's database, loaded through DistrictMap's importers ------------------------
export ConnectionStrings__DistrictMap="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=districtmap${DM_POOL_SIZE:+;Maximum Pool Size=$DM_POOL_SIZE}"
export Logging__LogLevel__Default=Warning
# wrk comes from one address: the per-address limit on expensive reads would rightly answer it 429.
export DistrictMap__RateLimits__ExpensiveReadsPerMinute=0
[[ -n "${DM_TILE_CACHE_MB:-}" ]] && export DistrictMap__Tiles__CacheMegabytes=$DM_TILE_CACHE_MB
[[ -n "${DM_TILE_STORE:-}" ]] && export DistrictMap__Tiles__Store__Enabled=$DM_TILE_STORE
export DistrictMap__Tiles__Seeding__Enabled=${DM_TILE_SEEDING:-false}
dm() { "$ROOT/districtmap" "$@"; }
loaded=$("${PSQL[@]}" -d districtmap -tAc "SELECT (SELECT count(*) FROM deprivation_scores WHERE domain = 'imd') || '/' || (SELECT count(*) FROM green_spaces)" 2>/dev/null || echo none)
if [[ "$loaded" != 33000/10000 ]]; then
  # A load that did not finish starts again from an empty database.
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS districtmap WITH (FORCE)" -c "CREATE DATABASE districtmap"
  log "exporting the data as GeoJSON and CSV, as a council's files would be"
  pg="PG:host=127.0.0.1 port=$PG_PORT dbname=synth user=postgres"
  export_geojson() { rm -f "$OUT/data/$1.geojson"; ogr2ogr -f GeoJSON "$OUT/data/$1.geojson" "$pg" -nln "$1" -sql "$2"; }
  district="'E06999999' AS \"LAD23CD\", 'Synthetic England' AS \"LAD23NM\""
  export_geojson wards "SELECT code AS \"WD23CD\", name AS \"WD23NM\", $district, geom FROM ward ORDER BY id"
  # 2021 LSOAs, scored as IoD 2025: 33,000 LSOAs are more than IoD 2019's 32,844 ranks allow.
  export_geojson lsoas "SELECT code AS \"LSOA21CD\", name AS \"LSOA21NM\", $district, geom FROM lsoa ORDER BY id"
  export_geojson routes "SELECT id, name, kind, geom FROM route ORDER BY id"
  export_geojson green-spaces "SELECT id, name, CASE kind WHEN 'playing_field' THEN 'playing-field' WHEN 'allotment' THEN 'allotments' WHEN 'nature_reserve' THEN 'nature-reserve' WHEN 'cemetery' THEN 'park' ELSE kind END AS type, geom FROM greenspace ORDER BY id"
  "${PSQL[@]}" -d synth -c "\\copy (SELECT code AS \"LSOA21CD\", name AS \"LSOA21NM\", 'E06999999' AS \"LAD24CD\", 'Synthetic England' AS \"LAD24NM\", imd_score AS \"IMD_Score_reconstructed\", rank() OVER (ORDER BY imd_score DESC, id) AS \"IMD_Rank\", imd_decile AS \"IMD_Decile\", population AS \"Pop_Total_mid2015\" FROM lsoa ORDER BY id) TO '$OUT/data/iod.csv' CSV HEADER"
  provenance=(--licence "synthetic" --attribution "Synthetic benchmark data made by bench/national.sh; not real data.")
  log "importing through DistrictMap's importers"
  dm db migrate >&2
  time { dm import wards "$OUT/data/wards.geojson" --title "Synthetic national wards" "${provenance[@]}" >&2; }
  time { dm import lsoas "$OUT/data/lsoas.geojson" --title "Synthetic national LSOAs" "${provenance[@]}" >&2; }
  time { dm import iod "$OUT/data/iod.csv" --title "Synthetic national deprivation" "${provenance[@]}" >&2; }
  time { dm import routes "$OUT/data/routes.geojson" --id-field id --title "Synthetic national routes" "${provenance[@]}" >&2; }
  time { dm import green-spaces "$OUT/data/green-spaces.geojson" --id-field id --access public --title "Synthetic national green spaces" "${provenance[@]}" >&2; }
  "${PSQL[@]}" -d districtmap -c "VACUUM ANALYZE"
fi
"${PSQL[@]}" -d districtmap -f "$HERE/views.sql"
"${PSQL[@]}" -d districtmap -c "\\copy bench.bbox (minx, miny, maxx, maxy) FROM '$OUT/bboxes.txt' CSV"
"${PSQL[@]}" -d districtmap -c "\\copy bench.tile (z, x, y) FROM PROGRAM 'tr / , < $OUT/tiles.txt' CSV"
"${PSQL[@]}" -d districtmap -c "\\copy bench.fid (code) FROM '$OUT/ids.txt' CSV"
size=$("${PSQL[@]}" -d districtmap -tAc "SELECT format('%s LSOAs (%s vertices), %s wards (%s vertices), %s routes, %s green spaces; database %s',
  (SELECT count(*) FROM lsoas), (SELECT sum(ST_NPoints(geom)) FROM lsoas), (SELECT count(*) FROM wards), (SELECT sum(ST_NPoints(geom)) FROM wards),
  (SELECT count(*) FROM routes), (SELECT count(*) FROM green_spaces), pg_size_pretty(pg_database_size('districtmap')))")
log "data: $size"

# ---- 5. the servers ---------------------------------------------------------------------------
# A database loaded by an earlier version gets the newer tables (tile_store); tiles stored by an
# earlier run would be served from the store, so every run starts with it empty.
dm db migrate >&2
"${PSQL[@]}" -d districtmap -c "TRUNCATE tile_store"
dotnet build src/Api --configuration Release --nologo --verbosity quiet >&2
DistrictMap__Database__MigrateOnStartup=false dotnet src/Api/bin/Release/net10.0/DistrictMap.Api.dll \
  --urls "http://127.0.0.1:$API_PORT" > "$RUN/districtmap.log" 2>&1 &
api_pid=$!

sed -e "s/@PG_PORT@/$PG_PORT/g" -e "s/@HTTP_PORT@/$MS_PORT/g" "$HERE/mapserver.map.in" > "$RUN/districtmap.map"
cat > "$RUN/mapserver.conf" <<EOF
CONFIG
  ENV
    MS_MAP_NO_PATH "1"
    MS_ERRORFILE "$RUN/mapserver.log"
  END
  MAPS
    districtmap "$RUN/districtmap.map"
  END
END
EOF
touch "$RUN/mapserver.log" && chown www-data: "$RUN/mapserver.log"
mkdir -p "$RUN/nginx-tmp"
rm -f "$RUN/mapserv.sock" "$RUN/mapserv.pid"
spawn-fcgi -s "$RUN/mapserv.sock" -M 0660 -U www-data -G www-data -u www-data -g www-data -F "$MS_WORKERS" -P "$RUN/mapserv.pid" \
  -- /usr/bin/env MAPSERVER_CONFIG_FILE="$RUN/mapserver.conf" /usr/lib/cgi-bin/mapserv > "$RUN/spawn-fcgi.log" 2>&1
cat > "$RUN/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  client_body_temp_path $RUN/nginx-tmp/body;
  fastcgi_temp_path $RUN/nginx-tmp/fastcgi;
  proxy_temp_path $RUN/nginx-tmp/proxy;
  uwsgi_temp_path $RUN/nginx-tmp/uwsgi;
  scgi_temp_path $RUN/nginx-tmp/scgi;
  default_type application/octet-stream;
  upstream mapserv { server unix:$RUN/mapserv.sock; }
  server {
    listen 127.0.0.1:$MS_PORT;
    location ~ ^/mapserv(/|\$) {
      fastcgi_split_path_info ^(/mapserv)(/.*)?\$;
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_NAME \$fastcgi_script_name;
      fastcgi_param PATH_INFO \$fastcgi_path_info;
      fastcgi_param MAPSERVER_CONFIG_FILE $RUN/mapserver.conf;
      fastcgi_buffer_size 64k;
      fastcgi_buffers 64 16k;
      fastcgi_pass mapserv;
    }
  }
}
EOF
nginx -c "$RUN/nginx.conf" -p "$RUN" -g 'daemon on;'
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && curl -sf "http://127.0.0.1:$MS_PORT/mapserv/districtmap/ogcapi?f=json" >/dev/null && break
  sleep 0.5
done

# ---- 6. the request lists per server, checked once each ---------------------------------------
DM=http://127.0.0.1:$API_PORT
MS=http://127.0.0.1:$MS_PORT
sed "s|^|/ogc/collections/lsoas/items?limit=100\&bbox=|" "$OUT/bboxes.txt" > "$RUN/districtmap-items.txt"
sed "s|^|/mapserv/districtmap/ogcapi/collections/lsoas/items?f=json\&limit=100\&bbox=|" "$OUT/bboxes.txt" > "$RUN/mapserver-items.txt"
sed "s|^\(.*\)$|/tiles/lsoas/\1.mvt|" "$OUT/tiles.txt" > "$RUN/districtmap-tiles.txt"
awk -F/ '{printf "/mapserv?map=districtmap&mode=tile&tilemode=gmap&tile=%s+%s+%s&layers=lsoas_tiles\n", $2, $3, $1}' "$OUT/tiles.txt" > "$RUN/mapserver-tiles.txt"
sed "s|^|/ogc/collections/lsoas/items/|" "$OUT/ids.txt" > "$RUN/districtmap-feature.txt"
sed "s|^\(.*\)$|/mapserv/districtmap/ogcapi/collections/lsoas/items/\1?f=json|" "$OUT/ids.txt" > "$RUN/mapserver-feature.txt"
for server in districtmap mapserver; do
  base=$DM; [[ $server == mapserver ]] && base=$MS
  for s in $SCENARIOS; do
    bad=0; bytes=0
    while read -r path; do
      read -r code length < <(curl -gs -o /dev/null -w '%{http_code} %{size_download}\n' "$base$path")
      [[ $code == 200 && $length -gt 0 ]] || bad=$((bad + 1))
      bytes=$((bytes + length))
    done < "$RUN/$server-$s.txt"
    log "preflight $server $s: $((200 - bad))/200 answered 200 with a body, $((bytes / 200)) bytes on average"
    ((bad == 0)) || { echo "$server failed $bad of the $s requests; see $RUN/*.log" >&2; exit 1; }
  done
done
first=$(head -1 "$OUT/bboxes.txt")
dm_n=$(curl -gs "$DM/ogc/collections/lsoas/items?limit=100&bbox=$first" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
ms_n=$(curl -gs "$MS/mapserv/districtmap/ogcapi/collections/lsoas/items?f=json&limit=100&bbox=$first" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
log "first box: DistrictMap $dm_n features, MapServer $ms_n"
[[ "$dm_n" == "$ms_n" ]] || { echo "the servers disagree on the first box" >&2; exit 1; }

# ---- 7. measure, alternating ------------------------------------------------------------------
results=$OUT/results-$(date -u +%Y%m%dT%H%MZ).txt
echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP); rounds $ROUNDS; DistrictMap pool ${DM_POOL_SIZE:-100}, tile memory ${DM_TILE_CACHE_MB:-64} MB; data: $size" > "$results"
measure_http() { # server scenario round
  local base=$DM; [[ $1 == mapserver ]] && base=$MS
  export PATHS_FILE=$RUN/$1-$2.txt TEMPLATE='{}'
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk-paths.lua "$base" >/dev/null
  local line
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk-paths.lua "$base" | grep '^RESULT')
  echo "round=$3 server=$1 scenario=$2 ${line#RESULT }" | tee -a "$results" >&2
}
pct() { awk -v p="$2" '{a[NR]=$1} END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; printf "%.2f", a[i] / 1000 }' "$1"; }
measure_floor() { # scenario round
  local script=$HERE/floor/$1.pgbench out tps
  "$PGBIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${WARMUP%s}" --random-seed=7 -f "$script" districtmap >/dev/null 2>&1
  rm -f "$RUN"/pgbench.*
  out=$("$PGBIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" --random-seed=42 -l --log-prefix="$RUN/pgbench" -f "$script" districtmap 2>&1)
  tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<< "$out" | head -1)
  cat "$RUN"/pgbench.* | awk '{print $3}' | sort -n > "$RUN/latencies"
  rm -f "$RUN"/pgbench.*
  echo "round=$2 server=floor scenario=$1 rps=$(printf '%.0f' "$tps") p50_ms=$(pct "$RUN/latencies" 50) p99_ms=$(pct "$RUN/latencies" 99)" | tee -a "$results" >&2
}
for round in $(seq 1 "$ROUNDS"); do
  for s in $SCENARIOS; do
    if (( round % 2 )); then order=(mapserver districtmap); else order=(districtmap mapserver); fi
    for server in "${order[@]}"; do measure_http "$server" "$s" "$round"; done
    measure_floor "$s" "$round"
  done
done
rss_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$api_pid/status")
echo "districtmap_peak_rss_kb=$rss_kb" >> "$results"

# ---- 8. the summary ---------------------------------------------------------------------------
python3 - "$results" <<'PY'
import re, statistics, sys
rows, rss = {}, 0
for line in open(sys.argv[1]):
    if line.startswith('districtmap_peak_rss_kb='):
        rss = int(line.split('=')[1]) / 1024
    if not line.startswith('round='):
        continue
    f = dict(kv.split('=', 1) for kv in line.split())
    rows.setdefault((f['server'], f['scenario']), []).append(f)
def med(server, scenario, key):
    values = [float(r[key]) for r in rows.get((server, scenario), [])]
    return statistics.median(values) if values else float('nan')
print('| scenario | DistrictMap rps | p50 ms | p99 ms | MapServer rps | p50 ms | p99 ms | floor rps | p50 ms | p99 ms | DM/MapServer rps | DM/floor rps | DM p99 / MS p99 |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for s in ['items', 'tiles', 'feature']:
    if ('districtmap', s) not in rows:
        continue
    d, m, f = (med(x, s, 'rps') for x in ('districtmap', 'mapserver', 'floor'))
    print(f"| {s} | {d:,.0f} | {med('districtmap', s, 'p50_ms'):.1f} | {med('districtmap', s, 'p99_ms'):.1f} "
          f"| {m:,.0f} | {med('mapserver', s, 'p50_ms'):.1f} | {med('mapserver', s, 'p99_ms'):.1f} "
          f"| {f:,.0f} | {med('floor', s, 'p50_ms'):.1f} | {med('floor', s, 'p99_ms'):.1f} "
          f"| {d / m:.2f}x | {100 * d / f:.0f}% | {med('districtmap', s, 'p99_ms') / med('mapserver', s, 'p99_ms'):.2f} |")
errors = sum(int(r.get('errors', 0)) for v in rows.values() for r in v)
if errors:
    print(f"\n**Not valid: {errors} socket or HTTP errors.** " + ", ".join(f"{k[0]} {k[1]}: {sum(int(r.get('errors', 0)) for r in v)}" for k, v in rows.items() if any(int(r.get('errors', 0)) for r in v)))
print(f"\nDistrictMap peak RSS: {rss:.0f} MB. Socket and HTTP errors in all wrk runs: {errors}. Medians of {max(len(v) for v in rows.values())} rounds.")
PY
log "raw results: $results"
