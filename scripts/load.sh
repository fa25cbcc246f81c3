#!/usr/bin/env bash
# Load test on loopback with wrk (64 connections): requests/s and latency
# (p50, p99) of a slice (/collections/$LAYER/items?datetime=$AT) against the
# same bytes served as a plain static file by the same binary (--files):
#
#   static          the slice's bytes as a file (Go's http.FileServer)
#   fixed-cached    one instant, response cache on (the default)
#   fixed-uncached  one instant, --cache-mb 0: every request a cache miss
#   fixed-uncached-gzip  the same, asking gzip as browsers do
#   scrub-cached    every request a different instant (a visitor dragging the
#                   timeline), cache on: every request a miss of the response
#                   cache, with the keyframe cache warm
#
# for the embedded store and, with PG=1 (a throwaway PostgreSQL + PostGIS
# cluster in a temporary directory, loaded with the embedded dataset) or
# DB=postgres://… (a database already loaded), for PostGIS too: all in one
# run, so that ratios compare like with like on a shared machine.
#
#   scripts/load.sh
#   PG=1 scripts/load.sh
#   DURATION=20s CONNS=64 LAYER=control AT=1979-01-07T12:00:00%2B07:00 scripts/load.sh
#
# With PG_FEATURESERV=/path/to/pg_featureserv (and PostGIS), the peer server
# answers the same question on the same table in the same run: a postgisftw
# function taking the instant (the keyframes of $LAYER valid then), at one
# instant and scrubbing; its features are checked to be the same ids.
# scripts/pg_featureserv.sh fetches and builds it (it is never committed).
#
# Needs wrk (Debian package wrk; installed here when run as root); PG=1 needs
# the Debian packages postgresql and postgresql-15-postgis-3.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
LAYER=${LAYER:-control}
AT=${AT:-1979-01-07T12:00:00%2B07:00}
DB=${DB:-}
PG=${PG:-}
PG_FEATURESERV=${PG_FEATURESERV:-}

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else echo "install wrk: sudo apt-get install wrk"; exit 1; fi
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
pgctl=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ ${#pgctl[@]} -gt 0 ] && "${pgctl[@]}" stop -m immediate -D "$tmp/pg/data" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
go build -o "$tmp/timeslice" ./cmd/timeslice

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1) # the newest PostgreSQL installed

# pg_start: a throwaway cluster in $tmp/pg (as the postgres user when root),
# loaded with the embedded dataset; sets DB.
pg_start() {
	local bin=$pgbin port as=()
	[ -x "$bin/initdb" ] || { echo "PG=1 needs PostgreSQL: apt-get install postgresql postgresql-15-postgis-3" >&2; exit 1; }
	mkdir -p "$tmp/pg"
	if [ "$(id -u)" = 0 ]; then chown postgres "$tmp/pg"; as=(runuser -u postgres --); fi
	port=$(free_port)
	"${as[@]}" "$bin/initdb" -D "$tmp/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
	printf "port = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '%s'\nfsync = off\nsynchronous_commit = off\nmax_connections = 100\nshared_buffers = 128MB\n" \
		"$port" "$tmp/pg" >>"$tmp/pg/data/postgresql.conf"
	pgctl=("${as[@]}" "$bin/pg_ctl")
	"${pgctl[@]}" start -w -t 60 -D "$tmp/pg/data" -l "$tmp/pg/log" >/dev/null
	"${as[@]}" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c 'CREATE DATABASE timeslice' >/dev/null
	DB="postgres://postgres@127.0.0.1:$port/timeslice?sslmode=disable"
	"$tmp/timeslice" load --quiet --db "$DB"
}

# start STORE CACHE_MB: starts a server (in this shell, so that cleanup can
# stop it) over STORE (embedded or postgis) and sets url to its base URL and
# startup to the milliseconds from exec to the first answered slice.
start() {
	local port t0 db=""
	[ "$1" = postgis ] && db=$DB
	port=$(free_port)
	url="http://127.0.0.1:$port"
	t0=$(date +%s%N)
	TIMESLICE_DB="$db" "$tmp/timeslice" serve --addr "127.0.0.1:$port" --log-level warn --cache-mb "$2" --files "$tmp/files" &
	pids+=($!)
	until curl -sf -o /dev/null "$url/collections/$LAYER/items?datetime=$AT"; do
		kill -0 "$!" 2>/dev/null || { echo "the server exited" >&2; exit 1; }
		sleep 0.005
	done
	startup=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# The scrubbing mix: every request of every connection a different instant,
# a minute apart, from 25 Dec 1978 on (threads start a year apart).
cat >"$tmp/scrub.lua" <<'LUA'
local counter = 0
local threads = 0
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) base = 283453200 + id * 365 * 86400 end -- 1978-12-25T00:00:00+07:00
function request()
	counter = counter + 1
	local at = os.date("!%Y-%m-%dT%H:%M:%SZ", base + counter * 60)
	return wrk.format("GET", path_prefix .. at)
end
LUA

run_wrk() { # name url [wrk args...]
	local name=$1 u=$2 out rps p50 p99
	shift 2
	out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$@" "$u")
	if grep -q 'Non-2xx' <<<"$out"; then echo "$store $name: some answers were not 2xx:" >&2; echo "$out" >&2; exit 1; fi
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1=="50%" {print $2}' <<<"$out")
	p99=$(awk '$1=="99%" {print $2}' <<<"$out")
	printf '%-9s %-22s %12s req/s   p50 %-9s p99 %s\n' "$store" "$name" "$rps" "$p50" "$p99"
	echo "$rps" >"$tmp/rps.$store.$name"
}

# measure STORE: every mix on one store.
measure() {
	store=$1
	start "$store" 64
	run_wrk static "$url/files/slice.json"
	run_wrk fixed-cached "$url/collections/$LAYER/items?datetime=$AT"
	# The scrubbing path is set in the script's environment by a Lua chunk.
	sed "1i path_prefix = '/collections/$LAYER/items?datetime='" "$tmp/scrub.lua" >"$tmp/scrub.$store.lua"
	run_wrk scrub-cached "$url" -s "$tmp/scrub.$store.lua"
	start "$store" 0 # a second server, its response cache off
	# Same answer but for the port in its links.
	cmp -s <(sed 's/127\.0\.0\.1:[0-9]*//g' "$tmp/files/slice.json") \
		<(curl -sf "$url/collections/$LAYER/items?datetime=$AT" | sed 's/127\.0\.0\.1:[0-9]*//g') ||
		{ echo "$store: the uncached slice differs from the cached one" >&2; exit 1; }
	run_wrk fixed-uncached "$url/collections/$LAYER/items?datetime=$AT"
	run_wrk fixed-uncached-gzip "$url/collections/$LAYER/items?datetime=$AT" -H 'Accept-Encoding: gzip'
	awk -v s="$(cat "$tmp/rps.$store.static")" -v c="$(cat "$tmp/rps.$store.fixed-cached")" \
		-v u="$(cat "$tmp/rps.$store.fixed-uncached")" -v g="$(cat "$tmp/rps.$store.fixed-uncached-gzip")" \
		-v m="$(cat "$tmp/rps.$store.scrub-cached")" -v st="$store" \
		'BEGIN { printf "%-9s ratio to static: fixed cached %.2f, uncached %.2f, uncached gzip %.2f, scrubbing %.2f\n", st, c/s, u/s, g/s, m/s }'
}

mkdir -p "$tmp/files"
[ -n "$PG" ] && [ -z "$DB" ] && pg_start
start embedded 64
curl -sf "$url/collections/$LAYER/items?datetime=$AT" -o "$tmp/files/slice.json"
bytes=$(wc -c <"$tmp/files/slice.json")
echo "slice: /collections/$LAYER/items?datetime=$AT ($bytes bytes); $CONNS connections, $DURATION each"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg); start-up to first slice: ${startup} ms"
measure embedded
if [ -n "$DB" ]; then
	measure postgis
	awk -v e="$(cat "$tmp/rps.embedded.fixed-uncached")" -v p="$(cat "$tmp/rps.postgis.fixed-uncached")" \
		-v es="$(cat "$tmp/rps.embedded.scrub-cached")" -v ps="$(cat "$tmp/rps.postgis.scrub-cached")" \
		'BEGIN { printf "postgis ÷ embedded: uncached %.2f, scrubbing %.2f\n", p/e, ps/es }'
fi

# measure_peer: pg_featureserv on the same table, same question, same run.
measure_peer() {
	store=pg_featureserv
	local bin=$pgbin port fn=${LAYER}_at
	"$bin/psql" -q "$DB" <<SQL >/dev/null
CREATE SCHEMA IF NOT EXISTS postgisftw;
CREATE OR REPLACE FUNCTION postgisftw.$fn(t timestamptz)
RETURNS TABLE(id text, props jsonb, geom geometry) AS \$\$
	SELECT f.id, f.props, f.geom FROM timeslice.features f
	WHERE f.layer = '$LAYER' AND f.validity @> t ORDER BY f.seq
\$\$ LANGUAGE sql STABLE PARALLEL SAFE;
SQL
	local q="/functions/$fn/items?limit=10000&t=" peer
	# peer_start: a fresh pg_featureserv for each mix. The peer (cd3ae95) stops
	# answering every request, /collections too, once wrk ends a run with
	# queries in flight ("Error running Features query: context canceled"),
	# so a second mix on the same process would measure a wedged server.
	peer_start() {
		[ -n "${peer:-}" ] && { kill "$peer" 2>/dev/null; wait "$peer" 2>/dev/null || true; }
		port=$(free_port)
		url="http://127.0.0.1:$port"
		DATABASE_URL="$DB" PGFS_SERVER_HTTPPORT=$port PGFS_SERVER_HTTPHOST=127.0.0.1 \
			"$PG_FEATURESERV" >>"$tmp/pgfs.log" 2>&1 &
		peer=$!
		pids+=($!)
		until curl -sf -o /dev/null "$url$q$AT"; do
			kill -0 "$peer" 2>/dev/null || { echo "pg_featureserv exited:" >&2; cat "$tmp/pgfs.log" >&2; exit 1; }
			sleep 0.05
		done
	}
	peer_start
	# The same features: the ids of the peer's answer are the slice's.
	ids() { python3 -c 'import json,sys; print(sorted(f["properties"].get("id") or f.get("id") for f in json.load(sys.stdin)["features"]))'; }
	cmp -s <(ids <"$tmp/files/slice.json") <(curl -sf "$url$q$AT" | ids) ||
		{ echo "pg_featureserv: not the same features as the slice" >&2; exit 1; }
	run_wrk fixed "$url$q$AT"
	peer_start
	sed "1i path_prefix = '$q'" "$tmp/scrub.lua" >"$tmp/scrub.peer.lua"
	run_wrk scrub "$url" -s "$tmp/scrub.peer.lua"
	# A run that got no answer at all measured nothing: say so, do not divide by it.
	if [ "$(cat "$tmp/rps.pg_featureserv.scrub")" = 0.00 ] || [ "$(cat "$tmp/rps.pg_featureserv.fixed")" = 0.00 ]; then
		echo "pg_featureserv answered no request in a mix (see its log):" >&2; tail -5 "$tmp/pgfs.log" >&2; exit 1
	fi
	awk -v pf="$(cat "$tmp/rps.pg_featureserv.fixed")" -v ps="$(cat "$tmp/rps.pg_featureserv.scrub")" \
		-v ef="$(cat "$tmp/rps.embedded.fixed-cached")" -v es="$(cat "$tmp/rps.embedded.scrub-cached")" \
		-v gf="$(cat "$tmp/rps.postgis.fixed-cached")" -v gs="$(cat "$tmp/rps.postgis.scrub-cached")" \
		-v gu="$(cat "$tmp/rps.postgis.fixed-uncached")" \
		'BEGIN { printf "÷ pg_featureserv: fixed instant embedded %.1f×, postgis %.1f×, postgis uncached %.1f×; scrubbing embedded %.1f×, postgis %.1f×\n", ef/pf, gf/pf, gu/pf, es/ps, gs/ps }'
}
if [ -n "$PG_FEATURESERV" ]; then
	[ -n "$DB" ] || { echo "PG_FEATURESERV needs PG=1 or DB=…" >&2; exit 1; }
	measure_peer
fi
