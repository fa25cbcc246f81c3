#!/usr/bin/env bash
# Runs the Timeslice server with the embedded dataset on http://localhost:8080
# (set TIMESLICE_ADDR to change it). Installs the frontend's npm packages
# (Leaflet, fonts) and copies them into the embedded static files first.
set -euo pipefail
cd "$(dirname "$0")/.."
# npm is only asked when the packages are missing or the lock file changed,
# so a machine that has run this once runs it again offline.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent vendor
mkdir -p bin
go build -o bin/timeslice ./cmd/timeslice
exec ./bin/timeslice serve "$@"
