#!/usr/bin/env bash
# Back up Starbridge's source of truth (PostgreSQL). Redis and the search index are derived data
# and are rebuilt, so they are not backed up.
#   infra/backup.sh [out-file]            uses DATASOURCES_DEFAULT_URL-style PG* variables
# For the embedded database of ./starbridge run, find its port in the log line
# "Embedded PostgreSQL on 127.0.0.1:<port>" and run: PGHOST=127.0.0.1 PGPORT=<port> PGUSER=postgres infra/backup.sh
set -euo pipefail
out=${1:-starbridge-$(date -u +%Y%m%dT%H%M%SZ).dump}
pg_dump --format=custom --no-owner --file "$out" "${PGDATABASE:-postgres}"
echo "wrote $out"
