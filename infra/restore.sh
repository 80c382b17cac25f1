#!/usr/bin/env bash
# Restore a dump made by backup.sh into an empty database (same PG* variables), then start
# Starbridge: Flyway sees the migrations already applied; derived data rebuilds itself.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: infra/restore.sh <dump-file>" >&2; exit 2; }
pg_restore --no-owner --exit-on-error --dbname "${PGDATABASE:-postgres}" "$1"
echo "restored $1"
