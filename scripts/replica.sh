#!/usr/bin/env bash
# A real read replica, on loopback, in a temporary directory:
#   1. a primary PostgreSQL + PostGIS, loaded with the embedded dataset;
#   2. a hot standby made with pg_basebackup (streaming replication);
#   3. two `timeslice serve` reading the standby, probed all along;
#   4. `timeslice load` of changed data on the primary: both servers must
#      serve it within $WITHIN seconds;
#   5. the primary killed (SIGKILL), the standby promoted: both servers must
#      keep serving, and a load on the promoted standby must show too;
#   6. no answer during all of it may be a 5xx other than 503.
# Prints what it measured; exits 1 on any failure. Needs the Debian packages
# postgresql and postgresql-<major>-postgis-3, and Go. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
WITHIN=${WITHIN:-10} # seconds a change may take to reach both servers

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "replica.sh: PostgreSQL not found (apt-get install postgresql postgresql-15-postgis-3)"; exit 1; }
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || { echo "replica.sh: PostGIS not found"; exit 1; }

tmp=$(mktemp -d /tmp/timeslice-replica.XXXXXX)
chmod 755 "$tmp"
as=() # PostgreSQL refuses to run as root
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); chown postgres "$tmp"; fi
pg() { "${as[@]}" "$bindir/$1" "${@:2}"; }
pids=()
cleanup() {
	set +e
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for d in primary standby; do [ -f "$tmp/$d/postmaster.pid" ] && pg pg_ctl -D "$tmp/$d" -m immediate stop >/dev/null 2>&1; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; for f in "$tmp"/*.log; do echo "--- $f"; tail -5 "$f"; done; exit 1; }
ms() { date +%s%3N; }

freeport() { # a port nothing listens on
	local p
	for _ in $(seq 50); do
		p=$((20000 + RANDOM % 20000))
		(exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }
	done
	return 1
}
pport=$(freeport); sport=$(freeport); a1=$(freeport); a2=$(freeport)

echo "== primary on 127.0.0.1:$pport"
pg initdb -D "$tmp/primary" -U postgres --auth=trust -E UTF8 >/dev/null
cat >>"$tmp/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pport
unix_socket_directories = '$tmp'
wal_level = replica
max_wal_senders = 4
fsync = off
CONF
pg pg_ctl -D "$tmp/primary" -l "$tmp/primary.log" -w start >/dev/null
primary="postgres://postgres@127.0.0.1:$pport/timeslice?sslmode=disable"
standby="postgres://postgres@127.0.0.1:$sport/timeslice?sslmode=disable"
"${as[@]}" psql -q -h 127.0.0.1 -p "$pport" -U postgres -c 'CREATE DATABASE timeslice' >/dev/null

go build -o "$tmp/timeslice" ./cmd/timeslice
"$tmp/timeslice" load --quiet --db "$primary"

echo "== hot standby on 127.0.0.1:$sport (pg_basebackup)"
# -c fast: checkpoint now rather than wait for a spread one (minutes on an idle cluster)
pg pg_basebackup -h 127.0.0.1 -p "$pport" -U postgres -D "$tmp/standby" -R -X stream -c fast
echo "port = $sport" >>"$tmp/standby/postgresql.conf"
pg pg_ctl -D "$tmp/standby" -l "$tmp/standby.log" -w start >/dev/null

echo "== two servers reading the standby: 127.0.0.1:$a1, 127.0.0.1:$a2"
for a in $a1 $a2; do
	"$tmp/timeslice" serve --db "$standby" --addr "127.0.0.1:$a" --log-level warn >>"$tmp/serve-$a.log" 2>&1 &
	pids+=($!)
done
for a in $a1 $a2; do
	for _ in $(seq 150); do curl -sf "http://127.0.0.1:$a/readyz" >/dev/null && break; sleep 0.2; done
	curl -sf "http://127.0.0.1:$a/readyz" >/dev/null || fail "server $a not ready"
done

# The prober: every 50 ms, one request to each server; status codes kept.
touch "$tmp/probing"
(
	for _ in $(seq 6000); do # at most 5 minutes
		[ -f "$tmp/probing" ] || break
		for a in $a1 $a2; do
			curl -s -o /dev/null -m 5 -w '%{http_code}\n' "http://127.0.0.1:$a/collections/places/items?limit=5" >>"$tmp/codes" || echo 000 >>"$tmp/codes"
		done
		sleep 0.05
	done
) &
pids+=($!)

# Changed data: the first place's English name gets a marker.
id=$(curl -sf "http://127.0.0.1:$a1/collections/places/items?limit=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)
[ -n "$id" ] || fail "no place to change"
served() { # served MARKER: both servers answer the place with MARKER
	for a in $a1 $a2; do curl -sf "http://127.0.0.1:$a/collections/places/items/$id" | grep -q "$1" || return 1; done
}
change() { # change MARKER DSN: load the places with MARKER into DSN and time until both servers serve it
	mkdir -p "$tmp/data-$1"
	sed "0,/\"en\": *\"/s//\"en\": \"$1 /" data/dataset/places.geojson >"$tmp/data-$1/places.geojson"
	grep -q "$1" "$tmp/data-$1/places.geojson" || fail "could not mark the data"
	local t0 t1
	t0=$(ms)
	"$tmp/timeslice" load --quiet --db "$2" "$tmp/data-$1/places.geojson"
	t1=$(ms)
	for _ in $(seq $((WITHIN * 20))); do served "$1" && break; sleep 0.05; done
	served "$1" || fail "$1: not served by both servers within ${WITHIN}s of the load"
	echo "   load took $((t1 - t0)) ms; both servers served the new data $(($(ms) - t1)) ms after it committed"
}

echo "== load on the primary"
change REPLICA-A "$primary"

echo "== primary killed (SIGKILL), standby promoted"
kill -9 "$(head -1 "$tmp/primary/postmaster.pid")"
t0=$(ms)
sleep 1
for a in $a1 $a2; do curl -sf "http://127.0.0.1:$a/collections/places/items/$id" | grep -q REPLICA-A || fail "server $a stopped serving when the primary died"; done
echo "   with the primary dead, both servers still serve from the standby"
pg pg_ctl -D "$tmp/standby" -w promote >/dev/null
echo "   promoted $(($(ms) - t0)) ms after the kill"
for a in $a1 $a2; do curl -sf "http://127.0.0.1:$a/readyz" >/dev/null || fail "server $a not ready after the promotion"; done

echo "== load on the promoted standby"
change REPLICA-B "$standby"

rm -f "$tmp/probing"
sleep 0.5
total=$(wc -l <"$tmp/codes")
echo "== $total probes: $(sort "$tmp/codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
if grep -qvE '^(200|503)$' "$tmp/codes"; then
	fail "answers other than 200 and 503: $(grep -vE '^(200|503)$' "$tmp/codes" | sort | uniq -c | tr '\n' ' ')"
fi
echo "replica: ok"
