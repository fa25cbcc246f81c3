#!/usr/bin/env bash
# Runs the Timeslice server with the embedded dataset on http://localhost:8080
# (set TIMESLICE_ADDR to change it). Installs the frontend's npm packages
# (Leaflet, fonts) and copies them into the embedded static files first.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f package.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent vendor
fi
mkdir -p bin
go build -o bin/timeslice ./cmd/timeslice
exec ./bin/timeslice serve "$@"
