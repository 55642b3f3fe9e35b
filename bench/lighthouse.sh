#!/usr/bin/env bash
# Lighthouse (12.2.3, pinned in tools/lighthouse) on the map page at mobile (its default: a mid-range phone,
# simulated slow 4G and a 4x slower CPU) and desktop (--preset=desktop), with Debian's chromium headless.
#
#   bench/lighthouse.sh
#
# Settings (environment): PORT (5083), RUNS (3 per form factor; the median performance run is kept).
# The service runs on the synthetic district of tests/DistrictMap.Tests/Fixtures (its boundaries, lookup,
# deprivation figures, plan and places, all synthetic), loaded through the CLI into a private PostgreSQL
# cluster in bench/out/pg-lighthouse, with no basemap (the machine has no internet: only the service's
# own bytes are measured). It writes each report to bench/out/lighthouse-*.json and prints one RESULT line
# per form factor (also appended to bench/out/results.txt): the four category scores, first-contentful-
# paint, largest-contentful-paint, total-blocking-time and the first load's transfer size (compressed bytes
# on the wire, every request of the load).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-5083}
RUNS=${RUNS:-3}
fixtures=tests/DistrictMap.Tests/Fixtures
district=E07999999

scripts/setup.sh
(cd tools/lighthouse && npm ci --no-audit --no-fund --silent)
mkdir -p bench/out
dotnet build src/Api --configuration Release --nologo --verbosity quiet >/dev/null
# The CLI as built (./districtmap would check the build before every command).
cli() { dotnet src/Api/bin/Release/net10.0/DistrictMap.Api.dll "$@"; }

export DistrictMap__Database__LocalClusterDirectory="$PWD/bench/out/pg-lighthouse"
export DistrictMap__Database__LocalDatabaseName=lighthouse
export DistrictMap__Map__Basemap__UrlTemplate=
export Logging__LogLevel__Default=Warning
# Lighthouse asks for the page several times from one address.
export DistrictMap__RateLimits__ExpensiveReadsPerMinute=0

cli db migrate >/dev/null
if [ "$(cli status 2>/dev/null | grep -c "$district" || true)" = 0 ]; then
  cli import districts $fixtures/synthetic-district.geojson >/dev/null
  cli import wards $fixtures/synthetic-wards.geojson >/dev/null
  cli import lsoas $fixtures/synthetic-lsoas.geojson >/dev/null
  cli import lookup $fixtures/synthetic-lookup.csv --district $district >/dev/null
  cli import iod $fixtures/synthetic-iod-file7.csv --district $district >/dev/null
  cli plan import $fixtures/plan-synthetic --district $district >/dev/null
  cli import routes $fixtures/places-routes.geojson >/dev/null
  cli import green-spaces $fixtures/places-green-spaces.geojson >/dev/null
  cli import town-centre-projects $fixtures/places-projects.geojson >/dev/null
  cli import recycling-sites $fixtures/places-recycling-sites.geojson >/dev/null
  cli import activities $fixtures/places-activities.geojson >/dev/null
fi

dotnet src/Api/bin/Release/net10.0/DistrictMap.Api.dll --urls "http://127.0.0.1:$PORT" > bench/out/lighthouse-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; cli db stop >/dev/null' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break
  kill -0 $service 2>/dev/null || { cat bench/out/lighthouse-service.log >&2; exit 1; }
  sleep 0.5
done

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
for form in mobile desktop; do
  preset=()
  [ "$form" = desktop ] && preset=(--preset=desktop)
  for run in $(seq 1 "$RUNS"); do
    profile=$(mktemp -d)
    node tools/lighthouse/node_modules/lighthouse/cli/index.js "http://127.0.0.1:$PORT/" "${preset[@]}" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --user-data-dir=$profile" \
      --output=json --output-path="bench/out/lighthouse-$form-$run.json" --quiet
    rm -rf "$profile"
  done
  summary=$(node -e '
    const fs = require("fs");
    const runs = process.argv.slice(1).map(f => JSON.parse(fs.readFileSync(f, "utf8")));
    runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const r = runs[Math.floor(runs.length / 2)];
    const s = id => Math.round(r.categories[id].score * 100);
    const ms = id => Math.round(r.audits[id].numericValue);
    const bytes = r.audits["total-byte-weight"].numericValue;
    const all = runs.map(x => Math.round(x.categories.performance.score * 100)).join("/");
    console.log(`performance ${s("performance")} (runs ${all}) accessibility ${s("accessibility")} best-practices ${s("best-practices")} seo ${s("seo")}`
      + ` fcp_ms ${ms("first-contentful-paint")} lcp_ms ${ms("largest-contentful-paint")} tbt_ms ${ms("total-blocking-time")} transfer_bytes ${bytes} requests ${r.audits["network-requests"].details.items.length}`);
  ' bench/out/lighthouse-"$form"-*.json)
  line="$(date -u +%Y-%m-%dT%H:%MZ) lighthouse $form RESULT $summary load $(cut -d' ' -f1 /proc/loadavg)"
  echo "$line" | tee -a bench/out/results.txt
done
