#!/usr/bin/env bash
# Forum benchmark: loads a large synthetic data set, then measures topic list, topic view and
# post creation with wrk at 50 connections on loopback, next to a trivial endpoint of the same
# server (the ceiling), and counts SQL statements per request. See bench/README.md.
#
#   bench/run.sh                         10k users, 100k topics, 1M posts (default)
#   USERS=1000 TOPICS=10000 POSTS=100000 bench/run.sh     a quicker, smaller run
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${USERS:-10000}
TOPICS=${TOPICS:-100000}
POSTS=${POSTS:-1000000}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-20s}
PORT=${PORT:-18200}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGDATABASE PGUSER
SCHEMA=bench_$(date +%s)
URL=http://127.0.0.1:$PORT
OUT=bench/results-$(date -u +%Y%m%dT%H%M%SZ).txt
JAR=backend/target/starbridge.jar

command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "needs wrk (apt-get install wrk)"; exit 1; }
command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)"; exit 1; }
[ -f "$JAR" ] || ./starbridge build

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
export DATASOURCES_DEFAULT_USERNAME="$PGUSER"
export REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379}
export STARBRIDGE_DB_SCHEMA=$SCHEMA
export STARBRIDGE_REDIS_PREFIX="$SCHEMA:"
export STARBRIDGE_PORT=$PORT

cleanup() {
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || psql -q -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== generating $USERS users, $TOPICS topics, $POSTS posts into schema $SCHEMA" | tee "$OUT"
java -jar "$JAR" generate --users "$USERS" --topics "$TOPICS" --posts "$POSTS" 2>&1 | grep -v DEBUG | tee -a "$OUT"
ADMIN=$(psql -Atq -c "select handle from $SCHEMA.users where handle like 'gen_%' order by id limit 1")
java -jar "$JAR" grant-role "$ADMIN" admin | tee -a "$OUT"

java -Xmx1g -jar "$JAR" > "/tmp/$SCHEMA.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$URL/health" && break; sleep 0.5; done

BOARD=$(psql -Atq -c "select slug from $SCHEMA.boards order by topic_count desc limit 1")
TOPIC=$(psql -Atq -c "select id from $SCHEMA.topics where highest_post_number >= 10 order by id desc limit 1")
JAR_COOKIES=$(mktemp)
curl -fsS -c "$JAR_COOKIES" -o /dev/null "$URL/api/v1/boards"
CSRF=$(awk '$6=="sb_csrf"{print $7}' "$JAR_COOKIES")
curl -fsS -b "$JAR_COOKIES" -c "$JAR_COOKIES" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d "{\"login\":\"$ADMIN\",\"password\":\"generated passphrase 1\"}" -o /dev/null "$URL/api/v1/auth/login"
TOKEN=$(curl -fsS -b "$JAR_COOKIES" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' "$URL/api/v1/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')

FIRST_TOPIC=$(psql -Atq -c "select min(id) from $SCHEMA.topics")
LAST_TOPIC=$(psql -Atq -c "select max(id) from $SCHEMA.topics")
# Replies go to random topics, as real traffic does (one hot topic would measure its row lock).
cat > "/tmp/$SCHEMA-post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"body":"基准测试回复 benchmark reply with **Markdown** and \$E=mc^2\$"}'
request = function()
  return wrk.format(nil, "/api/v1/topics/" .. math.random($FIRST_TOPIC, $LAST_TOPIC) .. "/posts")
end
LUA
cat > "/tmp/$SCHEMA-auth.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA

# Warm up the JIT and the caches before measuring.
wrk -t2 -c"$CONNECTIONS" -d10s "$URL/api/v1/boards/$BOARD/topics" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s "$URL/api/v1/topics/$TOPIC/posts" >/dev/null

measure() {
  local name=$1; shift
  local res rps p50 p99
  res=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  rps=$(echo "$res" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$res" | awk '$1=="50%"{print $2}')
  p99=$(echo "$res" | awk '$1=="99%"{print $2}')
  non2xx=$(echo "$res" | awk '/Non-2xx/{print $5}')
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" | tee -a "$OUT"
}

# Statements per request: every statement outside an explicit transaction commits on its own, so
# the database's commit counter over N sequential requests bounds the statements per request.
statements_per_request() {
  local path=$1 n=50 before after
  before=$(psql -Atq -c "select xact_commit from pg_stat_database where datname = current_database()")
  for _ in $(seq 1 $n); do curl -fsS -o /dev/null "$URL$path"; done
  sleep 1
  after=$(psql -Atq -c "select xact_commit from pg_stat_database where datname = current_database()")
  echo "scale=1; ($after - $before) / $n" | bc
}

{
  echo
  echo "== $(nproc) cores, $CONNECTIONS connections, $DURATION per run; board '$BOARD', topic $TOPIC"
} | tee -a "$OUT"
measure "trivial (/api/v1/ping)" "$URL/api/v1/ping"
measure "topic list (latest)" "$URL/api/v1/boards/$BOARD/topics"
measure "topic list (hot)" "$URL/api/v1/boards/$BOARD/topics?sort=hot"
measure "topic view (posts)" "$URL/api/v1/topics/$TOPIC/posts"
measure "list, signed in" -s "/tmp/$SCHEMA-auth.lua" "$URL/api/v1/boards/$BOARD/topics"
measure "view, signed in" -s "/tmp/$SCHEMA-auth.lua" "$URL/api/v1/topics/$TOPIC/posts"
measure "post creation" -s "/tmp/$SCHEMA-post.lua" "$URL/api/v1/topics/$TOPIC/posts"
{
  echo
  echo "statements per request (anonymous): topic list $(statements_per_request "/api/v1/boards/$BOARD/topics"), topic view $(statements_per_request "/api/v1/topics/$TOPIC/posts"), ping $(statements_per_request /api/v1/ping)"
  echo "resident memory of the server: $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MiB", $1/1024}')"
} | tee -a "$OUT"
echo "results in $OUT"
