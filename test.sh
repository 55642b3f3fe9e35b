#!/usr/bin/env bash
# Installs what is missing and runs every test against a throwaway PostgreSQL/PostGIS cluster
# (or the server of ConnectionStrings__DistrictMap when it is set). Tests on the real open data
# run when DISTRICTMAP_DATA_DIR is set and are reported as skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
if [ -n "${DISTRICTMAP_DATA_DIR:-}" ]; then
  DISTRICTMAP_DATA_DIR=$(realpath "$DISTRICTMAP_DATA_DIR")
  export DISTRICTMAP_DATA_DIR
fi
rm -rf TestResults
dotnet test DistrictMap.sln --configuration Release \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=districtmap.trx" --results-directory TestResults "$@"
