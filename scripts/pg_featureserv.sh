#!/usr/bin/env bash
# Fetches and builds pg_featureserv (CrunchyData's OGC API – Features server
# for PostGIS), the peer that scripts/load.sh compares against, into
# ${1:-/tmp/pg_featureserv}. Its code is never part of this repository; this
# needs the internet (git and the Go module proxy).
#
#   bash scripts/pg_featureserv.sh /tmp/pg_featureserv
#   PG=1 PG_FEATURESERV=/tmp/pg_featureserv scripts/load.sh
set -euo pipefail
out=${1:-/tmp/pg_featureserv}
src=$(mktemp -d)
trap 'rm -rf "$src"' EXIT
git clone -q https://github.com/CrunchyData/pg_featureserv "$src"
git -C "$src" checkout -q cd3ae95 # the version measured in BENCHMARKS.md
(cd "$src" && go build -o "$out" .)
echo "built $out"
