#!/usr/bin/env bash
# Installs what DistrictMap needs on a Debian or Ubuntu machine, when it is missing:
# PostgreSQL with PostGIS 3 (preferably postgresql-15-postgis-3), the .NET 10 SDK, and Node.js with npm
# (the build installs the map's libraries from the npm registry); with --test also what the tests use:
# GDAL's ogrinfo (gdal-bin), OWSLib (python3-owslib) and QGIS's Python bindings (python3-qgis), clients of the OGC API,
# and Chromium, which the browser tests drive.
# Uses apt-get as root or through sudo; otherwise stops with one line naming the package.
set -euo pipefail
for_tests=""
[ "${1:-}" = "--test" ] && for_tests=yes

have_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_updated=""
apt_install() {
  if ! as_root true 2>/dev/null; then
    echo "error: missing Debian package(s): $*; install them with: sudo apt-get install $*" >&2
    exit 1
  fi
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# PostgreSQL + PostGIS: any installed postgresql-N-postgis-3 will do; otherwise install version 15,
# or the newest the distribution offers when it has no 15.
if ! dpkg-query -W -f='${Package} ${Status}\n' 'postgresql-*-postgis-3' 2>/dev/null | grep -q "install ok installed"; then
  package=postgresql-15-postgis-3
  if as_root true 2>/dev/null; then
    [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=yes; }
    if ! apt-cache show "$package" >/dev/null 2>&1; then
      package=$(apt-cache search --names-only '^postgresql-[0-9]+-postgis-3$' | cut -d' ' -f1 | sort -V | tail -1)
      [ -n "$package" ] || { echo "error: no postgresql-N-postgis-3 package in the configured apt sources" >&2; exit 1; }
    fi
  fi
  echo "Installing $package..." >&2
  apt_install "$package"
fi

if [ -n "$for_tests" ] && ! have_package gdal-bin; then
  echo "Installing gdal-bin..." >&2
  apt_install gdal-bin
fi

# OWSLib (owslib.ogcapi.features), the Python client of the OGC API the real-client tests drive with /usr/bin/python3.
if [ -n "$for_tests" ] && ! have_package python3-owslib; then
  echo "Installing python3-owslib..." >&2
  apt_install python3-owslib
fi

# QGIS headless (python3-qgis, run with QT_QPA_PLATFORM=offscreen): its OAPIF provider is a real client of the OGC API.
# About 150 packages (Qt, QGIS core): 2 min 47 s on a Debian 12 machine that already had gdal-bin.
if [ -n "$for_tests" ] && ! have_package python3-qgis; then
  echo "Installing python3-qgis..." >&2
  apt_install python3-qgis
fi

# Chromium prints the quarterly report to PDF (/monitoring/report?f=pdf) and runs the browser tests.
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing chromium..." >&2
  apt_install chromium
fi

# pdftotext reads the quarterly report's PDF in the tests.
if [ -n "$for_tests" ] && ! command -v pdftotext >/dev/null 2>&1; then
  echo "Installing poppler-utils..." >&2
  apt_install poppler-utils
fi

# The build runs `npm ci` in src/Web to get Leaflet (see src/Web/DistrictMap.Web.csproj).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "Installing nodejs and npm..." >&2
  apt_install nodejs npm
fi

# The .NET 10 SDK: Ubuntu ships it as dotnet-sdk-10.0; elsewhere it comes from Microsoft.
if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  if as_root true 2>/dev/null && apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    echo "Installing dotnet-sdk-10.0..." >&2
    apt_install dotnet-sdk-10.0
  else
    echo "error: the .NET 10 SDK is missing: install the package dotnet-sdk-10.0 (see https://learn.microsoft.com/dotnet/core/install/linux)" >&2
    exit 1
  fi
fi

# OSTN15, Ordnance Survey's definitive transformation between the British National Grid (EPSG:27700)
# and ETRS89/WGS 84, which PROJ (and so PostGIS) uses when it finds the grid OSTN15_NTv2_OSGBtoETRS.gsb
# (or uk_os_OSTN15_NTv2_OSGBtoETRS.tif). Debian does not ship that grid, so it is generated once, here,
# from the OSTN15 data carried by libgeo-coordinates-osgb-perl (scripts/ostn15-ntv2.pl; see the README).
# As root it goes to /usr/share/proj, which every PROJ user searches, PostgreSQL servers included;
# otherwise to PROJ's per-user folder, which the private cluster's server is given in PROJ_DATA.
if ! have_package libgeo-coordinates-osgb-perl; then
  echo "Installing libgeo-coordinates-osgb-perl..." >&2
  apt_install libgeo-coordinates-osgb-perl
fi
ostn15_grid=OSTN15_NTv2_OSGBtoETRS.gsb
if as_root true 2>/dev/null; then
  ostn15_dir=/usr/share/proj
else
  ostn15_dir="${XDG_DATA_HOME:-$HOME/.local/share}/proj"
fi
# Already there: the OS grid under PROJ's name, or one generated here that still checks out. A grid in
# the install folder that does not check out is replaced (PROJ would find it first).
ostn15_ready=""
IFS=: read -r -a proj_dirs <<< "${PROJ_DATA:-${PROJ_LIB:-}}"
for dir in "$ostn15_dir" /usr/share/proj "${proj_dirs[@]}"; do
  [ -n "$dir" ] || continue
  if [ -f "$dir/uk_os_OSTN15_NTv2_OSGBtoETRS.tif" ]; then
    ostn15_ready=yes
  elif [ -f "$dir/$ostn15_grid" ]; then
    if perl "$(dirname "$0")/ostn15-ntv2.pl" --check "$dir/$ostn15_grid"; then
      ostn15_ready=yes
    elif [ "$dir" = "$ostn15_dir" ]; then
      break
    fi
  fi
  [ -z "$ostn15_ready" ] || break
done
if [ -z "$ostn15_ready" ]; then
  echo "Generating the OSTN15 grid for PROJ in $ostn15_dir (a minute or two, once)..." >&2
  ostn15_tmp=$(mktemp -d)
  trap 'rm -rf "$ostn15_tmp"' EXIT
  perl "$(dirname "$0")/ostn15-ntv2.pl" "$ostn15_tmp/$ostn15_grid"
  if [ "$ostn15_dir" = /usr/share/proj ]; then
    as_root install -D -m 0644 "$ostn15_tmp/$ostn15_grid" "$ostn15_dir/$ostn15_grid"
  else
    install -D -m 0644 "$ostn15_tmp/$ostn15_grid" "$ostn15_dir/$ostn15_grid"
  fi
  rm -rf "$ostn15_tmp"
  trap - EXIT
fi
