#!/usr/bin/env bash
# Runs every test of Timeslice: Go (geo, data, api, PostGIS against a
# throwaway cluster), the frontend's unit tests and its browser tests in
# headless Chromium against the real server.
#
# On a fresh Debian machine with Go and Node it installs what is missing:
# Debian packages (PostgreSQL + PostGIS, Chromium, GDAL) when run as root, or it
# says exactly what to install; npm packages with `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS="${GOFLAGS:-} -mod=readonly"

step() { printf '\n== %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------
pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	return 1
}
have_postgis() {
	ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1
}
need=()
pg_bindir >/dev/null || need+=(postgresql)
if ! have_postgis; then
	# PostGIS for the PostgreSQL major that is (or will be) installed.
	major=$( (pg_bindir || true) | sed -n 's#.*/postgresql/\([0-9]*\)/bin#\1#p')
	need+=("postgresql-${major:-15}-postgis-3")
fi
command -v chromium >/dev/null || need+=(chromium)
command -v ogrinfo >/dev/null || need+=(gdal-bin) # GDAL reads the vector tiles in api's tests
if [ ${#need[@]} -gt 0 ]; then
	step "installing Debian packages: ${need[*]}"
	if [ "$(id -u)" = 0 ]; then
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
	else
		echo "Missing: ${need[*]}. Install them with:"
		echo "  sudo apt-get install -y --no-install-recommends ${need[*]}"
		echo "Tests that need them are skipped outside CI (CI=true makes them fail)."
	fi
fi

# --- npm packages ------------------------------------------------------------
if [ -f package.json ]; then
	step "npm ci && npm run vendor"
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent vendor
fi

# --- Go: format, vet, staticcheck, tests ---------------------------------------
step "gofmt, go vet, staticcheck"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

step "go test (race detector on)"
go test -race -count=1 ./...

# --- A read replica: primary, hot standby, two servers, load, failover -------
if pg_bindir >/dev/null && have_postgis; then
	step "read replica (scripts/replica.sh)"
	bash scripts/replica.sh
elif [ "${CI:-}" = true ]; then
	echo "PostgreSQL/PostGIS missing: the replica test cannot run"; exit 1
fi

# --- Frontend: unit tests (node --test) and browser tests (headless Chromium) --
if [ -f package.json ]; then
	step "npm test"
	npm test
fi
echo
echo "all tests passed"
