#!/usr/bin/env bash
# SSE memory benchmark: opens STREAMS (2,000) concurrent /api/v1/notifications/stream connections
# on one app node, each signed in with its own personal access token (created in bulk in SQL),
# reports the server's resident memory before and after and the memory per stream, then makes
# one notification for each of SAMPLE (20) stream owners (a new follower) and checks that every
# one of those streams received it, with the delay. See bench/README.md.
#
#   bench/sse.sh                      2,000 streams
#   STREAMS=500 bench/sse.sh          a quicker run
set -euo pipefail
cd "$(dirname "$0")/.."

STREAMS=${STREAMS:-2000}
SAMPLE=${SAMPLE:-20}
PORT=${PORT:-18340}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-test} PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGDATABASE PGUSER
SCHEMA=benchsse_$(date +%s)
URL=http://127.0.0.1:$PORT
OUT=bench/results-sse-$(date -u +%Y%m%dT%H%M%SZ).txt
JAR=backend/target/starbridge.jar
WORK=$(mktemp -d)

command -v psql >/dev/null || { echo "needs psql (apt-get install postgresql-client)"; exit 1; }
[ -f "$JAR" ] || ./starbridge build
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
export DATASOURCES_DEFAULT_USERNAME="$PGUSER"
export REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379}
export STARBRIDGE_DB_SCHEMA=$SCHEMA
export STARBRIDGE_REDIS_PREFIX="$SCHEMA:"
export STARBRIDGE_PORT=$PORT

cleanup() {
  [ -n "${CLIENTS:-}" ] && kill "$CLIENTS" 2>/dev/null || true
  [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || psql -q -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== $((STREAMS + 1)) users into schema $SCHEMA" | tee "$OUT"
java -jar "$JAR" generate --users "$((STREAMS + 1))" --topics 10 --posts 10 2>&1 | grep -v DEBUG | tail -2 | tee -a "$OUT"
# One token per user, hashed as the server stores them (SHA-256 of the token text).
psql -q -c "insert into $SCHEMA.personal_tokens (user_id, name, token_hash, token_prefix)
  select id, 'sse bench', sha256(convert_to('sbp_ssebench' || id || 'x' || md5(id::text), 'UTF8')),
         left('sbp_ssebench' || id, 10)
    from $SCHEMA.users where handle like 'gen\_%'"
psql -Atq -c "select id, 'sbp_ssebench' || id || 'x' || md5(id::text) from $SCHEMA.users
  where handle like 'gen\_%' order by id" > "$WORK/all"
head -1 "$WORK/all" > "$WORK/actor"
tail -n +2 "$WORK/all" | head -"$STREAMS" | tr '|' ' ' > "$WORK/tokens"
ACTOR_TOKEN=$(cut -d'|' -f2 "$WORK/actor")

java -Xmx1g -jar "$JAR" > "/tmp/$SCHEMA.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "$URL/health" 2>/dev/null && break; sleep 0.5; done
rss() { awk '/VmRSS/{print $2}' "/proc/$SERVER/status"; }
threads() { awk '/Threads/{print $2}' "/proc/$SERVER/status"; }

# Warm up the stream path (class loading, pools) with a few streams, then measure.
head -20 "$WORK/tokens" > "$WORK/warm"
mkfifo "$WORK/warmctl"
python3 bench/sse_clients.py 127.0.0.1 "$PORT" "$WORK/warm" "$WORK/warmctl" > "$WORK/warm.out" &
W=$!
for _ in $(seq 1 100); do grep -q '^open' "$WORK/warm.out" && break; sleep 0.2; done
echo "watch 0" > "$WORK/warmctl"; sleep 0.5; echo "stop" > "$WORK/warmctl" || true
wait "$W" 2>/dev/null || true
sleep 2
RSS0=$(rss); TH0=$(threads)
echo "server before: RSS $((RSS0 / 1024)) MiB, $TH0 threads" | tee -a "$OUT"

mkfifo "$WORK/ctl"
T0=$(date +%s%N)
python3 bench/sse_clients.py 127.0.0.1 "$PORT" "$WORK/tokens" "$WORK/ctl" > "$WORK/clients.out" &
CLIENTS=$!
for _ in $(seq 1 600); do grep -q '^open' "$WORK/clients.out" && break; sleep 0.2; done
T1=$(date +%s%N)
grep -q '^open' "$WORK/clients.out" || { echo "streams did not all open:"; grep -v '^open' "$WORK/clients.out" | head; exit 1; }
echo "opened $STREAMS streams in $(( (T1 - T0) / 1000000 )) ms" \
  "($(grep -c '^fail' "$WORK/clients.out" || true) refused)" | tee -a "$OUT"
sleep 5
RSS1=$(rss); TH1=$(threads)
echo "server with $STREAMS streams: RSS $((RSS1 / 1024)) MiB, $TH1 threads" | tee -a "$OUT"
echo "memory per stream: $(( (RSS1 - RSS0) / STREAMS )) KiB (resident growth / streams)" | tee -a "$OUT"

# One notification each for SAMPLE stream owners: the actor follows them, all at once.
# Warm the follow → notify path once with a stream owner outside the sample.
SAMPLED=$(head -n -1 "$WORK/tokens" | shuf -n "$SAMPLE" | cut -d' ' -f1 | paste -sd,)
WARM_ID=$(tail -1 "$WORK/tokens" | cut -d' ' -f1)
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ACTOR_TOKEN" -H 'Content-Type: application/json' \
  -d '{}' "$URL/api/v1/users/$(psql -Atq -c "select handle from $SCHEMA.users where id = $WARM_ID")/follow"
sleep 2
HANDLES=$(psql -Atq -c "select handle from $SCHEMA.users where id in ($SAMPLED)")
echo "watch $SAMPLED" > "$WORK/ctl"
for handle in $HANDLES; do
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $ACTOR_TOKEN" -H 'Content-Type: application/json' \
    -d '{}' "$URL/api/v1/users/$handle/follow" &
done
wait $(jobs -p | grep -v "^$CLIENTS$" | grep -v "^$SERVER$") 2>/dev/null || true
for _ in $(seq 1 100); do grep -q '^done' "$WORK/clients.out" && break; sleep 0.2; done
GOT=$(grep -c '^got' "$WORK/clients.out" || true)
MAXMS=$(grep '^got' "$WORK/clients.out" | awk '{print $3}' | sort -n | tail -1)
echo "notification reached $GOT of $SAMPLE sampled streams (slowest ${MAXMS:-n/a} ms after the follow requests started)" | tee -a "$OUT"
echo "still open after the run: $(( STREAMS - $(grep -c '^closed' "$WORK/clients.out" || true) ))" | tee -a "$OUT"
# Threads the burst of connections started (request handling on the blocking pool) idle out;
# what remains with every stream still open shows whether a stream holds a thread.
sleep "${IDLE:-70}"
echo "after ${IDLE:-70} s idle with $STREAMS streams open: RSS $(( $(rss) / 1024 )) MiB, $(threads) threads" \
  "(still open: $(( STREAMS - $(grep -c '^closed' "$WORK/clients.out" || true) )))" | tee -a "$OUT"
echo "stop" > "$WORK/ctl" || true
echo "figures in $OUT"
