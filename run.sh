#!/usr/bin/env bash
# Installs what is missing, provisions the database, loads a district and serves DistrictMap.
#   ./run.sh                         Sevenoaks District (E07000111) at http://127.0.0.1:5080
#   DISTRICT=E07000107 ./run.sh      another district
#   ./run.sh --urls http://0.0.0.0:8080
# Data comes from DISTRICTMAP_DATA_DIR when set, else the collect cache, else the publishers (online).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec ./districtmap run --district "${DISTRICT:-E07000111}" "$@"
