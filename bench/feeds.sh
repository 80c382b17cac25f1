#!/usr/bin/env bash
# Feed and notification benchmark (figures, not a timed test). Against a running app whose
# PostgreSQL and Redis are reachable: PGPORT, REDIS_PORT, PREFIX (the app's STARBRIDGE_REDIS_PREFIX),
# URL (the app). Start the app with STARBRIDGE_FEED_BIG_SOURCE_FOLLOWERS=10000 so that the
# 5,000-follower authors are fanned out (the target: a post reaches 5,000 feeds within 2 s).
#
# Data: 10,000 users; users 1..1000 follow 500 random users each; two authors with 5,000 followers;
# 20,000 topics over 30 days. Measures: feed read latency with wrk (50 connections, one reader
# who follows 500 sources, warm feed), fan-out delay from POST /topics to the last of 5,000 warm
# feeds, and fan-out throughput (feed inserts per second).
set -euo pipefail
: "${PGPORT:?}" "${REDIS_PORT:?}" "${URL:=http://localhost:8080}" "${PREFIX:=sb:}"
PASSWORD=${PASSWORD:-'quiet nebula 42 lighthouse'}
q() { PGPASSWORD= psql -h 127.0.0.1 -p "$PGPORT" -U postgres "${PGDATABASE:-postgres}" -qAtc "$1"; }
r() { redis-cli -p "$REDIS_PORT" "$@"; }

api() { # method path [json] — as the session in $JAR
  local csrf; csrf=$(awk '$6=="sb_csrf"{print $7}' "$JAR" | tail -1)
  curl -s -b "$JAR" -c "$JAR" -X "$1" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    ${3:+-d "$3"} "$URL/api/v1$2"
}
login() { JAR=$(mktemp); curl -s -c "$JAR" "$URL/api/v1/boards" >/dev/null
  api POST /auth/login "{\"login\":\"$1\",\"password\":\"$PASSWORD\"}" >/dev/null; }

echo "== seed"
SEED=bf_seed
curl -s -X POST -H 'Content-Type: application/json' "$URL/api/v1/auth/register" \
  -d "{\"handle\":\"$SEED\",\"email\":\"$SEED@example.org\",\"password\":\"$PASSWORD\"}" >/dev/null || true
HASH=$(q "select password_hash from users where handle = '$SEED'")
BOARD=$(q "select id from boards where slug = 'writing'")
if [ "$(q "select count(*) from users where handle like 'bf\_u%'")" -lt 10000 ]; then
  q "insert into users (handle, email, email_verified_at, password_hash, display_name, locale)
     select 'bf_u' || g, 'bf_u' || g || '@example.org', now(), '$HASH', 'Bench ' || g, 'en'
       from generate_series(1, 10000) g on conflict do nothing"
  q "create temp table ids as select id, row_number() over (order by id) n from users where handle like 'bf\_u%';
     insert into user_follows (follower_id, followee_id)
     select r.id, s.id from ids r cross join lateral (
        select id from ids where ids.n > 10 order by random() limit 500) s
      where r.n between 11 and 1010 and r.id <> s.id on conflict do nothing;
     insert into user_follows (follower_id, followee_id)
     select f.id, a.id from ids a join ids f on f.n between 11 and 5010 where a.n in (1, 2)
     on conflict do nothing;
     insert into topics (board_id, author_id, title, slug, excerpt, created_at, last_posted_at)
     select $BOARD, (select id from ids where n = 11 + (g % 9990)), 'Bench topic ' || g, 'bench-topic-' || g,
            'An excerpt', now() - (g || ' minutes')::interval * 2, now() - (g || ' minutes')::interval * 2
       from generate_series(1, 20000) g;"
fi
A1=$(q "select id from users where handle = 'bf_u1'")
READER=bf_u11
echo "users: $(q "select count(*) from users") follows: $(q "select count(*) from user_follows")" \
     "topics: $(q "select count(*) from topics")"

echo "== feed read (warm, reader follows $(q "select count(*) from user_follows f join users u on u.id = f.follower_id where u.handle = '$READER'") people)"
login "$READER"
api GET '/feed?limit=20' | head -c 200; echo
COOKIE=$(awk '$6 ~ /^sb_/{printf "%s=%s; ", $6, $7}' "$JAR")
wrk -t2 -c50 -d15s --latency -H "Cookie: $COOKIE" "$URL/api/v1/feed?limit=20" | sed -n '1,20p'

echo "== fan-out to 5,000 followers"
# Warm the followers' feeds (a cold feed is rebuilt on its first read instead of fanned out).
LAST=$(q "select max(follower_id) from user_follows where followee_id = $A1")
q "select follower_id from user_follows where followee_id = $A1" | while read -r n; do
  echo "ZADD ${PREFIX}feed:home:$n 0 0"; done | r --pipe >/dev/null
login bf_u1
T0=$(date +%s%N)
api POST /topics "{\"board\":\"writing\",\"title\":\"Fan-out probe $(date +%s)\",\"body\":\"Probe body for the fan-out benchmark.\",\"tags\":[]}" >/dev/null
TID=$(q "select max(id) from topics where author_id = $A1")
for _ in $(seq 3000); do [ "$(r ZSCORE "${PREFIX}feed:home:$LAST" "$TID")" != "" ] && break; sleep 0.01; done
T1=$(date +%s%N)
IN=$(q "select count(*) from user_follows where followee_id = $A1")
MS=$(( (T1 - T0) / 1000000 ))
echo "post → last of $IN follower feeds: ${MS} ms (≈ $(( IN * 1000 / (MS > 0 ? MS : 1) )) feed inserts/s end to end)"
