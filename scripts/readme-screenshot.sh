#!/usr/bin/env bash
# Remakes the README's pictures of the map: docs/images/map.png, and the map on a phone (390 by 844,
# docs/images/map-phone.png) and a laptop (1366 by 768, docs/images/map-laptop.png). They are of the
# synthetic district and its sample content only (never the real data): the browser tests that check the
# Sample badges and the layouts save them (TestResults/screenshots), and pngquant makes them small.
#   scripts/readme-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if ! command -v pngquant >/dev/null; then
  echo "Installing pngquant..." >&2
  apt-get install -y -qq pngquant >/dev/null
fi
env -u DISTRICTMAP_DATA_DIR dotnet test tests/DistrictMap.UiTests --configuration Release \
  --filter "FullyQualifiedName~AccessibilityTests.Sample_content_is_badged_on_the_map|FullyQualifiedName~LayoutTests.Every_ward_is_in_view"
mkdir -p docs/images
pngquant --force --strip --quality=60-90 --output docs/images/map.png TestResults/screenshots/synthetic-desktop.png
pngquant --force --strip --quality=60-90 --output docs/images/map-phone.png TestResults/screenshots/layout-390x844.png
pngquant --force --strip --quality=60-90 --output docs/images/map-laptop.png TestResults/screenshots/layout-1366x768.png
for image in map map-phone map-laptop; do echo "docs/images/$image.png: $(stat -c %s docs/images/$image.png) bytes"; done
