#!/bin/sh
# Runs once, when the PostGIS container initialises its database (as
# POSTGRES_USER, the owner that `timeslice load` connects as).
#
# timeslice_reader is a group role that may only read the timeslice
# schema (migration 0002 grants it SELECT when `timeslice load` creates
# the schema); timeslice_web logs in as a member of it, for the servers,
# and is read-only even if someone grants it more.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	-v web_password="${TIMESLICE_WEB_PASSWORD:?set TIMESLICE_WEB_PASSWORD}" <<'SQL'
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;
SELECT 'CREATE ROLE timeslice_reader NOLOGIN'
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'timeslice_reader') \gexec
SELECT format('CREATE ROLE timeslice_web LOGIN IN ROLE timeslice_reader PASSWORD %L', :'web_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'timeslice_web') \gexec
ALTER ROLE timeslice_web SET default_transaction_read_only = on;
SQL
