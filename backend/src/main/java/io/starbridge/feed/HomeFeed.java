package io.starbridge.feed;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.security.Guardian;
import io.starbridge.topic.TopicListItem;
import io.starbridge.topic.TopicQueries;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Home timelines. PostgreSQL says what belongs in a person's feed ({@link #FEED_SQL}: new topics by
 * the people, boards, groups and tags they follow, minus people they muted or blocked and boards or
 * groups they muted); Redis keeps a copy per person, the sorted set {@code feed:home:{userId}}
 * (member: topic id, score: creation time in ms), capped at {@code starbridge.feed.cap} items.
 *
 * <ul>
 *   <li>Writes fan out ({@link #fanOut}) to the feeds that exist (warm); a missing feed is cold and
 *       is rebuilt from PostgreSQL on its first read. An empty feed keeps a sentinel member so it
 *       stays warm.
 *   <li>Authors with more followers than {@code starbridge.feed.big-source-followers} are not
 *       fanned out; their topics are merged in at read time.
 *   <li>Reads re-check every item with the reader's read scope ({@link TopicQueries#cards}), so
 *       what was hidden, deleted or made private since fan-out never shows.
 *   <li>When Redis does not answer, reads are served from PostgreSQL and writes skip the copy.
 * </ul>
 */
@Singleton
public class HomeFeed {
  private static final Logger LOG = LoggerFactory.getLogger(HomeFeed.class);
  static final String SENTINEL = "0";
  private static final Duration BACK_OFF = Duration.ofSeconds(10);

  /** Adds to a feed only if it is warm, then trims it to the cap. */
  private static final String ADD_SCRIPT =
      "if redis.call('exists', KEYS[1]) == 1 then "
          + "redis.call('zadd', KEYS[1], ARGV[1], ARGV[2]); "
          + "redis.call('zremrangebyrank', KEYS[1], 0, -(tonumber(ARGV[3]) + 1)); return 1 end return 0";

  static final String FEED_SQL =
      """
          select t.id, t.created_at from topics t
           where t.deleted_at is null and t.author_id <> ?
             and (exists (select 1 from user_follows f where f.follower_id = ? and f.followee_id = t.author_id)
               or exists (select 1 from board_follows f where f.user_id = ? and f.board_id = t.board_id)
               or exists (select 1 from group_follows f where f.user_id = ? and f.group_id = t.group_id)
               or exists (select 1 from tag_follows f where f.user_id = ? and f.tag = any(t.tags)))
             and not exists (select 1 from user_ignores i where i.user_id = ? and i.target_id = t.author_id)
             and not exists (select 1 from watches w where w.user_id = ? and w.level = 'muted'
                   and ((w.target_type = 'board' and w.target_id = t.board_id)
                     or (w.target_type = 'group' and w.target_id = t.group_id)))
             and (t.created_at, t.id) < (?, ?)
           order by t.created_at desc, t.id desc
           limit ?
          """;

  private final Db db;
  private final TopicQueries topics;
  private final RedisClient redisClient;
  private final String prefix;
  private final int cap;
  private final int bigSource;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long skipUntilNanos;
  private volatile String addSha;

  public HomeFeed(
      Db db,
      TopicQueries topics,
      RedisClient redisClient,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix,
      @Value("${starbridge.feed.cap:800}") int cap,
      @Value("${starbridge.feed.big-source-followers:2000}") int bigSource) {
    this.db = db;
    this.topics = topics;
    this.redisClient = redisClient;
    this.prefix = prefix;
    this.cap = cap;
    this.bigSource = bigSource;
  }

  String key(long userId) {
    return prefix + "feed:home:" + userId;
  }

  int cap() {
    return cap;
  }

  int bigSourceFollowers() {
    return bigSource;
  }

  /** An item: topic id and creation time in ms. */
  record Entry(long topicId, long millis) {}

  // ---- reads ----

  /** GET /feed: the caller's timeline, newest first, keyset-paged by (time, id). */
  public Page<TopicListItem> page(
      Guardian g, @Nullable Integer limitParam, @Nullable String cursor) {
    int limit = Cursors.limit(limitParam, 20, 100);
    long userId = g.actor().id();
    long beforeMillis = Long.MAX_VALUE;
    long beforeId = Long.MAX_VALUE;
    if (cursor != null && !cursor.isBlank()) {
      List<String> parts = Cursors.decode(cursor, 2);
      try {
        beforeMillis = Long.parseLong(parts.get(0));
        beforeId = Long.parseLong(parts.get(1));
      } catch (NumberFormatException e) {
        throw Cursors.invalid();
      }
    }
    int want = limit + 1;
    int fetch = want * 2 + 10; // room for items the re-check drops
    List<Entry> candidates = fromRedis(userId, beforeMillis, beforeId, fetch);
    boolean complete;
    if (candidates == null) {
      candidates = fromDatabase(userId, beforeMillis, beforeId, fetch);
      complete = candidates.size() < fetch;
    } else {
      complete = candidates.size() < fetch;
      List<Entry> big = bigSources(userId, beforeMillis, beforeId, fetch);
      if (!big.isEmpty()) {
        candidates = merge(candidates, big, fetch);
        complete = complete && big.size() < fetch;
      }
    }
    List<TopicListItem> items = topics.cards(g, candidates.stream().map(Entry::topicId).toList());
    String next = null;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      TopicListItem last = items.get(limit - 1);
      next = Cursors.encode(Long.toString(last.createdAt().toEpochMilli()), last.id());
    } else if (!complete && !candidates.isEmpty()) {
      Entry last = candidates.get(candidates.size() - 1);
      next = Cursors.encode(Long.toString(last.millis()), last.topicId());
    }
    return new Page<>(items, next);
  }

  /** From the Redis copy (rebuilt first when cold), or null when Redis does not answer. */
  @Nullable
  List<Entry> fromRedis(long userId, long beforeMillis, long beforeId, int fetch) {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return null;
    }
    try {
      String key = key(userId);
      if (cmd.exists(key) == 0) {
        rebuild(userId);
      }
      Range<Number> range =
          beforeMillis == Long.MAX_VALUE
              ? Range.create(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
              : Range.create(Double.NEGATIVE_INFINITY, (double) beforeMillis);
      List<ScoredValue<String>> raw =
          cmd.zrevrangebyscoreWithScores(key, range, Limit.create(0, fetch + 20));
      List<Entry> out = new ArrayList<>();
      for (ScoredValue<String> v : raw) {
        if (SENTINEL.equals(v.getValue())) {
          continue;
        }
        Entry e = new Entry(Long.parseLong(v.getValue()), (long) v.getScore());
        if (before(e, beforeMillis, beforeId)) {
          out.add(e);
        }
      }
      out.sort(NEWEST_FIRST);
      return out.size() > fetch ? out.subList(0, fetch) : out;
    } catch (RuntimeException e) {
      backOff(e);
      return null;
    }
  }

  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparingLong(Entry::millis).thenComparingLong(Entry::topicId).reversed();

  private static boolean before(Entry e, long millis, long id) {
    return e.millis() < millis || (e.millis() == millis && e.topicId() < id);
  }

  private static List<Entry> merge(List<Entry> a, List<Entry> b, int max) {
    Map<Long, Entry> all = new LinkedHashMap<>();
    a.forEach(e -> all.put(e.topicId(), e));
    b.forEach(e -> all.putIfAbsent(e.topicId(), e));
    List<Entry> out = new ArrayList<>(all.values());
    out.sort(NEWEST_FIRST);
    return out.size() > max ? out.subList(0, max) : out;
  }

  /** The truth: the feed computed in PostgreSQL (used when Redis is away, and to rebuild). */
  List<Entry> fromDatabase(long userId, long beforeMillis, long beforeId, int limit) {
    Instant before =
        beforeMillis == Long.MAX_VALUE
            ? Instant.parse("9999-01-01T00:00:00Z")
            : Instant.ofEpochMilli(beforeMillis);
    return db.list(
        FEED_SQL,
        rs -> new Entry(rs.getLong(1), Db.instant(rs, "created_at").toEpochMilli()),
        userId,
        userId,
        userId,
        userId,
        userId,
        userId,
        userId,
        before,
        beforeId,
        limit);
  }

  /** Topics by followed authors too big to fan out, merged at read time. */
  List<Entry> bigSources(long userId, long beforeMillis, long beforeId, int limit) {
    List<Long> big = bigAuthors();
    if (big.isEmpty()) {
      return List.of();
    }
    Instant before =
        beforeMillis == Long.MAX_VALUE
            ? Instant.parse("9999-01-01T00:00:00Z")
            : Instant.ofEpochMilli(beforeMillis);
    return db.list(
        """
            select t.id, t.created_at from user_follows f
              join topics t on t.author_id = f.followee_id and t.deleted_at is null
             where f.follower_id = ? and f.followee_id = any(?)
               and (t.created_at, t.id) < (?, ?)
             order by t.created_at desc, t.id desc limit ?
            """,
        rs -> new Entry(rs.getLong(1), Db.instant(rs, "created_at").toEpochMilli()),
        userId,
        big,
        before,
        beforeId,
        limit);
  }

  private volatile List<Long> bigAuthors = List.of();
  private volatile long bigAuthorsAt;

  /** Authors over the big-source threshold, recounted at most once a minute per node. */
  List<Long> bigAuthors() {
    long now = System.nanoTime();
    if (bigAuthorsAt == 0 || now - bigAuthorsAt > TimeUnit.MINUTES.toNanos(1)) {
      synchronized (this) {
        if (bigAuthorsAt == 0 || now - bigAuthorsAt > TimeUnit.MINUTES.toNanos(1)) {
          bigAuthors =
              db.list(
                  "select followee_id from user_follows group by followee_id having count(*) > ?",
                  rs -> rs.getLong(1),
                  bigSource);
          bigAuthorsAt = System.nanoTime();
        }
      }
    }
    return bigAuthors;
  }

  // ---- writes ----

  /** Rebuilds one feed from PostgreSQL (atomically replaces it); false when Redis is away. */
  public boolean rebuild(long userId) {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return false;
    }
    List<Entry> entries = fromDatabase(userId, Long.MAX_VALUE, Long.MAX_VALUE, cap);
    try {
      String key = key(userId);
      String tmp = key + ":building:" + Thread.currentThread().getId();
      cmd.del(tmp);
      List<ScoredValue<String>> values = new ArrayList<>();
      values.add(ScoredValue.just(0, SENTINEL));
      for (Entry e : entries) {
        values.add(ScoredValue.just(e.millis(), Long.toString(e.topicId())));
      }
      @SuppressWarnings("unchecked")
      ScoredValue<String>[] arr = values.toArray(new ScoredValue[0]);
      cmd.zadd(tmp, arr);
      cmd.rename(tmp, key);
      return true;
    } catch (RuntimeException e) {
      backOff(e);
      return false;
    }
  }

  /** Rebuilds a feed only if it is warm (a cold one is rebuilt on its next read anyway). */
  void refreshIfWarm(long userId) {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return;
    }
    try {
      if (cmd.exists(key(userId)) == 1) {
        rebuild(userId);
      }
    } catch (RuntimeException e) {
      backOff(e);
    }
  }

  /**
   * Adds a topic to each of these (warm) feeds; returns how many feeds took it. The script calls go
   * out pipelined on a connection of their own (auto-flush off): one write per chunk of feeds
   * instead of one per feed, which is what lets a post reach thousands of feeds within a second.
   */
  synchronized int fanOut(Collection<Long> userIds, long topicId, long millis) {
    if (userIds.isEmpty()) {
      return 0;
    }
    try {
      return fanOutPipelined(userIds, topicId, millis);
    } catch (NoScript e) {
      addSha = null; // Redis restarted or flushed its scripts: load it again, once
      try {
        return fanOutPipelined(userIds, topicId, millis);
      } catch (NoScript again) {
        backOff(again);
        return 0;
      }
    }
  }

  /** Redis answered NOSCRIPT. */
  private static final class NoScript extends Exception {
    NoScript(Throwable cause) {
      super(cause);
    }
  }

  private int fanOutPipelined(Collection<Long> userIds, long topicId, long millis) throws NoScript {
    StatefulRedisConnection<String, String> c = pipelineConnection();
    if (c == null) {
      return 0;
    }
    try {
      RedisAsyncCommands<String, String> async = c.async();
      if (addSha == null) {
        addSha = c.sync().scriptLoad(ADD_SCRIPT);
      }
      String member = Long.toString(topicId);
      String score = Long.toString(millis);
      String capText = Integer.toString(cap);
      int added = 0;
      List<Long> all = List.copyOf(userIds);
      for (int from = 0; from < all.size(); from += FAN_OUT_CHUNK) {
        List<Long> chunk = all.subList(from, Math.min(all.size(), from + FAN_OUT_CHUNK));
        c.setAutoFlushCommands(false);
        List<io.lettuce.core.RedisFuture<Long>> futures = new ArrayList<>(chunk.size());
        try {
          for (long u : chunk) {
            futures.add(
                async.evalsha(
                    addSha,
                    ScriptOutputType.INTEGER,
                    new String[] {key(u)},
                    score,
                    member,
                    capText));
          }
        } finally {
          c.flushCommands();
          c.setAutoFlushCommands(true);
        }
        for (var f : futures) {
          Long r = f.get(10, TimeUnit.SECONDS);
          if (r != null && r == 1) {
            added++;
          }
        }
      }
      return added;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof io.lettuce.core.RedisNoScriptException) {
        throw new NoScript(e.getCause());
      }
      backOff(e);
      return 0;
    } catch (Exception e) {
      backOff(e);
      return 0;
    }
  }

  private static final int FAN_OUT_CHUNK = 1000;
  private StatefulRedisConnection<String, String> pipeline;

  /** The fan-out's own connection (its flushing is manual; see {@link #fanOut}). */
  @Nullable
  private StatefulRedisConnection<String, String> pipelineConnection() {
    if (System.nanoTime() < skipUntilNanos) {
      return null;
    }
    if (pipeline != null && pipeline.isOpen()) {
      return pipeline;
    }
    try {
      pipeline = redisClient.connect();
      pipeline.setTimeout(Duration.ofSeconds(10));
      return pipeline;
    } catch (RuntimeException e) {
      backOff(e);
      return null;
    }
  }

  /** Drops the Redis copy of every feed (the rebuild command starts with this). */
  long dropAll() {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return 0;
    }
    long n = 0;
    io.lettuce.core.ScanArgs args =
        io.lettuce.core.ScanArgs.Builder.matches(prefix + "feed:home:*").limit(1000);
    io.lettuce.core.KeyScanCursor<String> cur = cmd.scan(args);
    while (true) {
      if (!cur.getKeys().isEmpty()) {
        n += cmd.del(cur.getKeys().toArray(new String[0]));
      }
      if (cur.isFinished()) {
        break;
      }
      cur = cmd.scan(cur, args);
    }
    return n;
  }

  // ---- Redis connection ----

  @Nullable
  private RedisCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection();
    return c == null ? null : c.sync();
  }

  @Nullable
  private StatefulRedisConnection<String, String> connection() {
    if (System.nanoTime() < skipUntilNanos) {
      return null;
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c;
    }
    synchronized (this) {
      if (connection != null && connection.isOpen()) {
        return connection;
      }
      try {
        c = redisClient.connect();
        c.setTimeout(Duration.ofSeconds(2));
        connection = c;
        return c;
      } catch (RuntimeException e) {
        backOff(e);
        return null;
      }
    }
  }

  private void backOff(Exception e) {
    LOG.warn(
        "Redis unavailable for home feeds, using PostgreSQL for {}: {}", BACK_OFF, e.toString());
    skipUntilNanos = System.nanoTime() + BACK_OFF.toNanos();
    StatefulRedisConnection<String, String> c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
  }

  @PreDestroy
  synchronized void close() {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      c.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }
}
