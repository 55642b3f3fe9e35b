#!/usr/bin/env bash
# Remakes docs/images/map.png, the README's picture of the map. It is of the synthetic district and its
# sample content only (never the real data): the browser test that checks the Sample badges saves it at
# 1280 by 800 (TestResults/screenshots/synthetic-desktop.png), and pngquant makes it small.
#   scripts/readme-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if ! command -v pngquant >/dev/null; then
  echo "Installing pngquant..." >&2
  apt-get install -y -qq pngquant >/dev/null
fi
env -u DISTRICTMAP_DATA_DIR dotnet test tests/DistrictMap.UiTests --configuration Release \
  --filter "FullyQualifiedName~AccessibilityTests.Sample_content_is_badged_on_the_map"
mkdir -p docs/images
pngquant --force --strip --quality=60-90 --output docs/images/map.png TestResults/screenshots/synthetic-desktop.png
echo "docs/images/map.png: $(stat -c %s docs/images/map.png) bytes"
