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
# The OpenAPI linters the tests run (Spectral and Redocly), pinned by tools/openapi-lint/package-lock.json.
npm ci --prefix tools/openapi-lint --no-audit --no-fund --loglevel=error
dotnet build DistrictMap.sln --configuration Release
# One test project after the other (they share two cores), each with its own results file; all run even if one fails.
status=0
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name=$(basename "$project" .csproj)
  dotnet test "$project" --configuration Release --no-build \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=districtmap-$name.trx" --results-directory TestResults "$@" || status=1
done
exit $status
