#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS, VERBOSE) of one tile query at one address after two warm-up runs, then the
# median execution time of 7 EXPLAIN (ANALYZE, TIMING OFF) runs (no per-node timing overhead) and the
# tile's size. The query file uses psql variables :z :x :y (and :tolerance, half a tile unit in degrees
# below z12 as the service used it, else 0; :band, the stored column of the zoom's band).
# Usage: profile.sh QUERY.sql Z X Y   (PGHOST, PGPORT, PGUSER, PGDATABASE from the environment)
set -euo pipefail
sql=$1 z=$2 x=$3 y=$4
tol=$(python3 -c "print(360.0 / (1 << $z) / 4096 / 2 if $z < 12 else 0)")
# The column of the zoom's band (Tiles/TileGeometry.cs): the deepest band zoom at or above z, else the full geometry.
band=$(python3 -c "print(next(('geom_3857_z%d' % b for b in (5, 7, 9, 11) if $z <= b), 'geom_3857'))")
q() { psql -X -q -v ON_ERROR_STOP=1 -v z="$z" -v x="$x" -v y="$y" -v tolerance="$tol" -v band="$band" "$@"; }
body=$(sed -e '/^--/d' -e 's/;$//' "$sql")
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for _ in 1 2; do q -f "$sql" >/dev/null; done
echo "== $(basename "$sql") z$z/$x/$y"
printf 'SET jit = off;\nEXPLAIN (ANALYZE, BUFFERS, VERBOSE)\n%s;\n' "$body" > "$tmp"
q -f "$tmp"
printf 'SET jit = off;\nEXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON)\n%s;\n' "$body" > "$tmp"
for _ in 1 2 3 4 5 6 7; do
  q -tA -f "$tmp" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['Execution Time'])"
done | sort -n | sed -n 4p | sed 's/^/median execution ms: /'
printf "SELECT 'tile bytes: ' || coalesce(length(t), 0) FROM (\n%s\n) q(t);\n" "$body" > "$tmp"
q -tA -f "$tmp"
