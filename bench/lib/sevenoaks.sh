# What the Sevenoaks wrk benchmarks share, sourced by them from the repository's root:
#   sevenoaks_load DATABASE   set-up and wrk, the district loaded from DISTRICTMAP_DATA_DIR into DATABASE of the
#                             private cluster in bench/out/pg; sets $libpq (a psql connection string)
#   sevenoaks_serve PORT LOG  the service in Release with warnings-only logging, ready on PORT; stopped (with
#                             the cluster) when the script exits; sets $service (its process id)

sevenoaks_load() {
  : "${DISTRICTMAP_DATA_DIR:?set DISTRICTMAP_DATA_DIR to the folder of official data files}"
  scripts/setup.sh
  command -v wrk >/dev/null || { echo "Installing wrk..." >&2; apt-get install -y -qq wrk >/dev/null; }
  mkdir -p bench/out
  export DistrictMap__Database__LocalClusterDirectory="$PWD/bench/out/pg"
  export DistrictMap__Database__LocalDatabaseName=$1
  export Logging__LogLevel__Default=Warning
  # wrk comes from one address: the per-address limit on expensive reads would rightly answer it 429.
  export DistrictMap__RateLimits__ExpensiveReadsPerMinute=0
  export DISTRICTMAP_DATA_DIR
  ./districtmap load --district E07000111 --offline >/dev/null
  local connection
  connection=$(./districtmap db start)
  # Npgsql's Key=Value;... connection string as libpq's key=value ...
  libpq=$(echo "$connection" | tr ';' '\n' | sed -n 's/^Host=/host=/p; s/^Port=/port=/p; s/^Username=/user=/p; s/^Database=/dbname=/p' | tr '\n' ' ')
}

sevenoaks_serve() {
  dotnet src/Api/bin/Release/net10.0/DistrictMap.Api.dll --urls "http://127.0.0.1:$1" > "$2" 2>&1 &
  service=$!
  trap 'kill $service 2>/dev/null; wait $service 2>/dev/null; ./districtmap db stop >/dev/null' EXIT
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null && return
    sleep 0.5
  done
  echo "error: the service did not answer /health/ready on port $1; see $2" >&2
  exit 1
}
