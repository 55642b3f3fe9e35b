#!/usr/bin/env bash
# Time to first render of the map on localhost: first-contentful-paint and the time until the coloured
# wards are drawn, read from the page's Performance API in headless Chromium, over RUNS page loads (each
# in a fresh browser context, so nothing is cached in the browser; the first WARMUP loads are not counted).
#
#   DISTRICTMAP_DATA_DIR=/path/to/data bench/first-render.sh
#
# Settings (environment): RUNS (20), WARMUP (3), PORT (5082).
# It serves Sevenoaks District as ./run.sh does (the real open data, the sample plan and the sample places)
# from a private PostgreSQL cluster of its own in bench/out/pg, with warnings-only logging, and prints one
# RESULT line (also appended to bench/out/results.txt). Requests away from localhost (the map's tiles) are
# refused, so the figures are the service's and the page's alone.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DISTRICTMAP_DATA_DIR:?set DISTRICTMAP_DATA_DIR to the folder of official data files}"
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
PORT=${PORT:-5082}

scripts/setup.sh
mkdir -p bench/out
dotnet build bench/FirstRender --configuration Release --nologo --verbosity quiet >/dev/null

export DistrictMap__Database__LocalClusterDirectory="$PWD/bench/out/pg"
export DistrictMap__Database__LocalDatabaseName=first_render
export Logging__LogLevel__Default=Warning
export DISTRICTMAP_DATA_DIR
./districtmap run --district E07000111 --offline --urls "http://127.0.0.1:$PORT" > bench/out/first-render-service.log 2>&1 &
service=$!
stop() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
  ./districtmap db stop >/dev/null
}
trap stop EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat bench/out/first-render-service.log >&2; exit 1; }
  sleep 0.5
done

output=$(dotnet bench/FirstRender/bin/Release/net10.0/FirstRender.dll "http://127.0.0.1:$PORT/" "$RUNS" "$WARMUP")
echo "$output" | grep -v '^RESULT'
line="$(date -u +%Y-%m-%dT%H:%MZ) first-render $(echo "$output" | grep '^RESULT')"
echo "$line" | tee -a bench/out/results.txt
