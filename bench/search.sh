#!/usr/bin/env bash
# Search benchmark: generates the large data set, rebuilds the search index from it with the
# rebuild command (rate from its own report), starts the server on that index and measures query
# latency with wrk on loopback, then reports the index size. See bench/README.md.
#
#   bench/search.sh                                   10k users, 100k topics, 1M posts (default)
#   USERS=2000 TOPICS=20000 POSTS=200000 bench/search.sh     a quicker, smaller run
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-10000}
TOPICS=${TOPICS:-100000}
POSTS=${POSTS:-1000000}
CONNECTIONS=${CONNECTIONS:-10}
DURATION=${DURATION:-15s}
PORT=${PORT:-18210}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGDATABASE PGUSER
SCHEMA=benchsearch_$(date +%s)
URL=http://127.0.0.1:$PORT
OUT=bench/results-search-$(date -u +%Y%m%dT%H%M%SZ).txt
JAR=backend/target/starbridge.jar
INDEX_DIR=$(mktemp -d -t starbridge-search-bench-XXXXXX)

command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "needs wrk (apt-get install wrk)"; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)"; exit 1; }
[ -f "$JAR" ] || ./starbridge build

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
export DATASOURCES_DEFAULT_USERNAME="$PGUSER"
export REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379}
export STARBRIDGE_DB_SCHEMA=$SCHEMA
export STARBRIDGE_REDIS_PREFIX="$SCHEMA:"
export STARBRIDGE_PORT=$PORT
export STARBRIDGE_SEARCH_DIR=$INDEX_DIR

cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || psql -q -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  rm -rf "$INDEX_DIR"
}
trap cleanup EXIT

echo "== generating $USERS users, $TOPICS topics, $POSTS posts into schema $SCHEMA" | tee "$OUT"
java -jar "$JAR" generate --users "$USERS" --topics "$TOPICS" --posts "$POSTS" 2>&1 | grep -v DEBUG | tee -a "$OUT"

echo "== rebuilding the search index ($(nproc) cores)" | tee -a "$OUT"
java -Xmx1g -jar "$JAR" rebuild-search 2>&1 | grep -v DEBUG | tr '\r' '\n' | grep -E "documents in|Rebuilding|current" | tee -a "$OUT"
echo "index size on disk: $(du -sh "$INDEX_DIR" | cut -f1) ($(du -sb "$INDEX_DIR" | awk '{printf "%.0f", $1/1024/1024}') MiB)" | tee -a "$OUT"

java -Xmx1g -jar "$JAR" > "/tmp/$SCHEMA.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$URL/health" && break; sleep 0.5; done

BOARD=$(psql -Atq -c "select slug from $SCHEMA.boards order by topic_count desc limit 1")
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }

measure() {
  local name=$1 query=$2 res p50 p99 rps total
  total=$(curl -fsS "$URL/api/v1/$query" | python3 -c 'import sys,json;print(json.load(sys.stdin).get("total","-"))')
  wrk -t2 -c"$CONNECTIONS" -d5s "$URL/api/v1/$query" >/dev/null
  res=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL/api/v1/$query")
  rps=$(echo "$res" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$res" | awk '$1=="50%"{print $2}')
  p99=$(echo "$res" | awk '$1=="99%"{print $2}')
  printf '%-34s hits %9s   %9s req/s   p50 %8s   p99 %8s\n' "$name" "$total" "$rps" "$p50" "$p99" | tee -a "$OUT"
}

{
  echo
  echo "== $(nproc) cores, $CONNECTIONS connections, $DURATION per query, anonymous, 20 results a page"
} | tee -a "$OUT"
measure "single term (戴森球)" "search?q=$(enc 戴森球)"
measure "single term, English (engineer)" "search?q=engineer"
measure "two characters (光年)" "search?q=$(enc 光年)"
measure "multi-term (maintenance engineer)" "search?q=$(enc 'maintenance engineer')"
measure "multi-term, mixed (太空电梯 设定)" "search?q=$(enc '太空电梯 设定')"
measure "phrase (\"delta-v budget\")" "search?q=$(enc '"delta-v budget"')"
measure "filtered (光年 board: tag:)" "search?q=$(enc 光年)&board=$BOARD&tag=$(enc 翻译)"
measure "filtered, newest (board only)" "search?board=$BOARD&sort=newest"
measure "suggest (dys)" "search/suggest?q=dys"
echo "resident memory of the server: $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MiB", $1/1024}')" | tee -a "$OUT"
echo "results in $OUT"
