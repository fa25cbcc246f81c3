#!/usr/bin/env bash
# Load test on loopback: requests/s and latency (p50, p99) of a slice
# (/collections/$LAYER/items?datetime=$AT) against the same response bytes
# served as a plain static file by the same binary (--files), with wrk at 64
# connections. The slice is measured with the response cache on and off.
#
#   scripts/load.sh                         # the embedded store
#   DB=postgres://… scripts/load.sh         # the PostGIS store (serve --db)
#   DURATION=20s CONNS=64 LAYER=control AT=1979-01-07T12:00:00%2B07:00 scripts/load.sh
#
# Needs wrk (Debian package wrk; installed here when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
LAYER=${LAYER:-control}
AT=${AT:-1979-01-07T12:00:00%2B07:00}
DB=${DB:-}

if ! command -v wrk >/dev/null; then
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else echo "install wrk: sudo apt-get install wrk"; exit 1; fi
fi
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
go build -o "$tmp/timeslice" ./cmd/timeslice

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start CACHE_MB: starts the server (in this shell, so that cleanup can stop
# it) and sets url to its base URL and startup to the milliseconds from exec
# to the first answered slice.
start() {
	local port t0
	port=$(free_port)
	url="http://127.0.0.1:$port"
	t0=$(date +%s%N)
	TIMESLICE_DB="$DB" "$tmp/timeslice" serve --addr "127.0.0.1:$port" --log-level warn --cache-mb "$1" --files "$tmp/files" &
	pids+=($!)
	until curl -sf -o /dev/null "$url/collections/$LAYER/items?datetime=$AT"; do
		kill -0 "$!" 2>/dev/null || { echo "the server exited" >&2; exit 1; }
		sleep 0.005
	done
	startup=$(( ($(date +%s%N) - t0) / 1000000 ))
}

run_wrk() { # name url
	local out
	out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "$2")
	local rps p50 p99
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1=="50%" {print $2}' <<<"$out")
	p99=$(awk '$1=="99%" {print $2}' <<<"$out")
	printf '%-28s %12s req/s   p50 %-9s p99 %s\n' "$1" "$rps" "$p50" "$p99"
	echo "$rps" >"$tmp/rps.$1"
}

mkdir -p "$tmp/files"
start 64
curl -sf "$url/collections/$LAYER/items?datetime=$AT" -o "$tmp/files/slice.json"
bytes=$(wc -c <"$tmp/files/slice.json")
store=embedded; [ -n "$DB" ] && store=postgis
echo "store: $store; slice: /collections/$LAYER/items?datetime=$AT ($bytes bytes); $CONNS connections, $DURATION each"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); start-up to first slice: ${startup} ms"
run_wrk static "$url/files/slice.json"
run_wrk slice-cached "$url/collections/$LAYER/items?datetime=$AT"
start 0 # a second server, its response cache off
# Same answer but for the port in its links.
cmp -s <(sed 's/127\.0\.0\.1:[0-9]*//g' "$tmp/files/slice.json") \
	<(curl -sf "$url/collections/$LAYER/items?datetime=$AT" | sed 's/127\.0\.0\.1:[0-9]*//g') ||
	{ echo "uncached slice differs from cached" >&2; exit 1; }
run_wrk slice-uncached "$url/collections/$LAYER/items?datetime=$AT"
awk -v s="$(cat "$tmp/rps.static")" -v c="$(cat "$tmp/rps.slice-cached")" -v u="$(cat "$tmp/rps.slice-uncached")" \
	'BEGIN { printf "ratio to static: cached %.2f, uncached %.2f\n", c/s, u/s }'
