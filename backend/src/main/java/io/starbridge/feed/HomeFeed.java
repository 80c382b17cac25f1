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
 * the people, boards, groups and tags they follow, replies in topics they watch, announcements of
 * their groups, new chapters of followed authors' and subscribed works, minus people they muted or
 * blocked and muted topics, boards and groups); Redis keeps a copy per person, the sorted set
 * {@code feed:home:{userId}} (member: see {@link FeedItems}, score: time in ms), capped at {@code
 * starbridge.feed.cap} items.
 *
 * <ul>
 *   <li>Writes fan out ({@link #fanOut}) to the feeds that exist (warm); a missing feed is cold and
 *       is rebuilt from PostgreSQL on its first read. An empty feed keeps a sentinel member so it
 *       stays warm.
 *   <li>Authors with more followers than {@code starbridge.feed.big-source-followers} are not
 *       fanned out; their topics are merged in at read time.
 *   <li>Reads re-check every item with the reader's read scope and Guardian ({@link FeedItems}), so
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

  /**
   * What a feed is, newest first: new topics from followed people, boards, groups and tags; replies
   * in topics one watches (watching on the topic, or on its board or group unless the topic has a
   * level of its own); announcements of groups one belongs to; new chapters of works by followed
   * authors or subscribed to. Minus one's own, people one muted or blocked, and muted topics,
   * boards and groups. Parameters: user, upper time bound (exclusive), per-part limit ×4, cursor
   * (ms, member), limit. Each part reads its own index newest first; the cursor is applied on top.
   */
  static final String FEED_SQL =
      """
          with me as (select ?::bigint as uid, ?::timestamptz as upto),
          watched as (
              select w.target_id as topic_id from watches w, me
               where w.user_id = me.uid and w.target_type = 'topic' and w.level = 'watching'
              union
              select t.id from watches w cross join me join topics t on t.board_id = w.target_id
               where w.user_id = me.uid and w.target_type = 'board' and w.level = 'watching'
              union
              select t.id from watches w cross join me join topics t on t.group_id = w.target_id
               where w.user_id = me.uid and w.target_type = 'group' and w.level = 'watching'
          )
          select x.member, x.at from (
            (select t.id::text as member, t.created_at as at from topics t, me
              where t.deleted_at is null and t.author_id <> me.uid and t.created_at < me.upto
                and (exists (select 1 from user_follows f where f.follower_id = me.uid and f.followee_id = t.author_id)
                  or exists (select 1 from board_follows f where f.user_id = me.uid and f.board_id = t.board_id)
                  or exists (select 1 from group_follows f where f.user_id = me.uid and f.group_id = t.group_id)
                  or exists (select 1 from tag_follows f where f.user_id = me.uid and f.tag = any(t.tags)))
                and not exists (select 1 from user_ignores i where i.user_id = me.uid and i.target_id = t.author_id)
                and not exists (select 1 from watches w where w.user_id = me.uid and w.level = 'muted'
                      and ((w.target_type = 'board' and w.target_id = t.board_id)
                        or (w.target_type = 'group' and w.target_id = t.group_id)
                        or (w.target_type = 'topic' and w.target_id = t.id)))
              order by t.created_at desc, t.id desc limit ?)
            union all
            (select 'a' || t.id, t.announced_at from topics t cross join me
               join group_members m on m.group_id = t.group_id and m.user_id = me.uid and m.state = 'active'
              where t.announced_at is not null and t.deleted_at is null and t.author_id <> me.uid
                and t.announced_at < me.upto
                and not exists (select 1 from user_ignores i where i.user_id = me.uid and i.target_id = t.author_id)
                and not exists (select 1 from watches w where w.user_id = me.uid and w.level = 'muted'
                      and ((w.target_type = 'group' and w.target_id = t.group_id)
                        or (w.target_type = 'topic' and w.target_id = t.id)))
              order by t.announced_at desc limit ?)
            union all
            (select 'p' || p.id, p.created_at from watched wt cross join me
               join topics t on t.id = wt.topic_id and t.deleted_at is null
               join posts p on p.topic_id = t.id
              where p.post_number > 1 and p.deleted_at is null and p.author_id <> me.uid
                and p.created_at < me.upto
                and not exists (select 1 from watches o where o.user_id = me.uid and o.target_type = 'topic'
                      and o.target_id = t.id and o.level <> 'watching')
                and not exists (select 1 from user_ignores i where i.user_id = me.uid and i.target_id = p.author_id)
              order by p.created_at desc limit ?)
            union all
            (select 'c' || c.id, c.published_at from chapters c cross join me
               join works w on w.id = c.work_id and w.deleted_at is null and w.visibility <> 'draft'
              where c.published_at is not null and c.deleted_at is null and c.published_at < me.upto
                and (exists (select 1 from work_subscriptions s where s.user_id = me.uid and s.work_id = w.id)
                  or exists (select 1 from work_authors a join user_follows f
                               on f.followee_id = a.user_id and f.follower_id = me.uid
                              where a.work_id = w.id and a.state = 'active'))
                and not exists (select 1 from work_authors a where a.work_id = w.id and a.user_id = me.uid)
                and not exists (select 1 from work_authors a join user_ignores i
                               on i.target_id = a.user_id and i.user_id = me.uid
                              where a.work_id = w.id and a.state = 'active')
              order by c.published_at desc limit ?)
          ) x
          where (floor(extract(epoch from x.at) * 1000)::bigint, x.member collate "C") < (?, ?)
          order by floor(extract(epoch from x.at) * 1000)::bigint desc, x.member collate "C" desc
          limit ?
          """;

  private final Db db;
  private final FeedItems feedItems;
  private final RedisClient redisClient;
  private final String prefix;
  private final int cap;
  private final int bigSource;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long skipUntilNanos;
  private volatile String addSha;

  @jakarta.inject.Inject
  public HomeFeed(
      Db db,
      FeedItems feedItems,
      RedisClient redisClient,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix,
      @Value("${starbridge.feed.cap:800}") int cap,
      @Value("${starbridge.feed.big-source-followers:2000}") int bigSource) {
    this(db, feedItems, redisClient, prefix, cap, bigSource, BACK_OFF);
  }

  HomeFeed(
      Db db,
      FeedItems feedItems,
      RedisClient redisClient,
      String prefix,
      int cap,
      int bigSource,
      Duration backOff) {
    this.db = db;
    this.feedItems = feedItems;
    this.redisClient = redisClient;
    this.prefix = prefix;
    this.cap = cap;
    this.bigSource = bigSource;
    this.backOff = backOff;
  }

  private final Duration backOff;

  /**
   * Set when Redis failed: fan-outs and refreshes were skipped meanwhile (and a restarted Redis may
   * hold an old snapshot), so the feeds it holds may lack items or keep unfollowed ones. The next
   * connection drops them all; each is rebuilt from PostgreSQL on its next read.
   */
  private volatile boolean stale;

  String key(long userId) {
    return prefix + "feed:home:" + userId;
  }

  int cap() {
    return cap;
  }

  int bigSourceFollowers() {
    return bigSource;
  }

  /** An item: its member ({@link FeedItems}: a topic id, or a kind letter and an id) and ms. */
  record Entry(String member, long millis) {}

  /** Sorts after every member: the start of a feed. */
  static final String TOP = "~";

  // ---- reads ----

  /** GET /feed: the caller's timeline, newest first, keyset-paged by (time, member). */
  public Page<FeedItem> page(Guardian g, @Nullable Integer limitParam, @Nullable String cursor) {
    int limit = Cursors.limit(limitParam, 20, 100);
    long userId = g.actor().id();
    long beforeMillis = Long.MAX_VALUE;
    String beforeMember = TOP;
    if (cursor != null && !cursor.isBlank()) {
      List<String> parts = Cursors.decode(cursor, 2);
      try {
        beforeMillis = Long.parseLong(parts.get(0));
      } catch (NumberFormatException e) {
        throw Cursors.invalid();
      }
      beforeMember = parts.get(1);
      if (beforeMember.isEmpty()) {
        throw Cursors.invalid();
      }
    }
    int want = limit + 1;
    int fetch = want * 2 + 10; // room for items the re-check drops
    List<Entry> candidates = fromRedis(userId, beforeMillis, beforeMember, fetch);
    boolean complete;
    if (candidates == null) {
      candidates = fromDatabase(userId, beforeMillis, beforeMember, fetch);
      complete = candidates.size() < fetch;
    } else {
      complete = candidates.size() < fetch;
      List<Entry> big = bigSources(userId, beforeMillis, beforeMember, fetch);
      if (!big.isEmpty()) {
        candidates = merge(candidates, big, fetch);
        complete = complete && big.size() < fetch;
      }
    }
    List<FeedItem> items = hydrate(g, candidates, want);
    String next = null;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      FeedItem last = items.get(limit - 1);
      next = Cursors.encode(Long.toString(last.at().toEpochMilli()), last.key());
    } else if (!complete && !candidates.isEmpty()) {
      Entry last = candidates.get(candidates.size() - 1);
      next = Cursors.encode(Long.toString(last.millis()), last.member());
    }
    return new Page<>(items, next);
  }

  /**
   * Hydrates candidates (newest first) until {@code want} items survive the re-check: the first
   * round takes exactly {@code want}, as usually nothing is dropped; later rounds take what is
   * missing with room to spare. Reading cards is most of a feed read's cost, so the common page
   * reads no card it does not return.
   */
  private List<FeedItem> hydrate(Guardian g, List<Entry> candidates, int want) {
    List<FeedItem> out = new ArrayList<>();
    java.util.Set<Long> shownTopics = new java.util.HashSet<>();
    int from = 0;
    int chunk = want;
    while (from < candidates.size() && out.size() < want) {
      int to = Math.min(candidates.size(), from + chunk);
      out.addAll(feedItems.hydrate(g, candidates.subList(from, to), shownTopics));
      from = to;
      chunk = (want - out.size()) * 2 + 10;
    }
    return out;
  }

  /** From the Redis copy (rebuilt first when cold), or null when Redis does not answer. */
  @Nullable
  List<Entry> fromRedis(long userId, long beforeMillis, String beforeMember, int fetch) {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return null;
    }
    try {
      String key = key(userId);
      Range<Number> range =
          beforeMillis == Long.MAX_VALUE
              ? Range.create(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
              : Range.create(Double.NEGATIVE_INFINITY, (double) beforeMillis);
      List<ScoredValue<String>> raw =
          cmd.zrevrangebyscoreWithScores(key, range, Limit.create(0, fetch + 20));
      // A warm feed answers with items (or its sentinel); only an empty answer may mean a cold
      // feed, so the common read is one round trip.
      if (raw.isEmpty() && cmd.exists(key) == 0) {
        rebuild(userId, true);
        raw = cmd.zrevrangebyscoreWithScores(key, range, Limit.create(0, fetch + 20));
      }
      List<Entry> out = new ArrayList<>();
      for (ScoredValue<String> v : raw) {
        if (SENTINEL.equals(v.getValue())) {
          continue;
        }
        Entry e = new Entry(v.getValue(), (long) v.getScore());
        if (before(e, beforeMillis, beforeMember)) {
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
      Comparator.comparingLong(Entry::millis).thenComparing(Entry::member).reversed();

  private static boolean before(Entry e, long millis, String member) {
    return e.millis() < millis || (e.millis() == millis && e.member().compareTo(member) < 0);
  }

  private static List<Entry> merge(List<Entry> a, List<Entry> b, int max) {
    Map<String, Entry> all = new LinkedHashMap<>();
    a.forEach(e -> all.put(e.member(), e));
    b.forEach(e -> all.putIfAbsent(e.member(), e));
    List<Entry> out = new ArrayList<>(all.values());
    out.sort(NEWEST_FIRST);
    return out.size() > max ? out.subList(0, max) : out;
  }

  /** The truth: the feed computed in PostgreSQL (used when Redis is away, and to rebuild). */
  List<Entry> fromDatabase(long userId, long beforeMillis, String beforeMember, int limit) {
    Instant upto =
        beforeMillis == Long.MAX_VALUE
            ? Instant.parse("9999-01-01T00:00:00Z")
            : Instant.ofEpochMilli(beforeMillis + 1);
    int part = limit + 20; // ties at the cursor's millisecond are dropped after the union
    return db.list(
        FEED_SQL,
        rs -> new Entry(rs.getString(1), Db.instant(rs, "at").toEpochMilli()),
        userId,
        upto,
        part,
        part,
        part,
        part,
        beforeMillis,
        beforeMember,
        limit);
  }

  /**
   * Topics and published chapters by followed authors too big to fan out, merged at read time (the
   * re-check then applies to them as to every item).
   */
  List<Entry> bigSources(long userId, long beforeMillis, String beforeMember, int limit) {
    List<Long> big = bigAuthors();
    if (big.isEmpty()) {
      return List.of();
    }
    Instant before =
        beforeMillis == Long.MAX_VALUE
            ? Instant.parse("9999-01-01T00:00:00Z")
            : Instant.ofEpochMilli(beforeMillis + 1);
    return db
        .list(
            """
            select x.member, x.at from (
              (select t.id::text as member, t.created_at as at from user_follows f
                 join topics t on t.author_id = f.followee_id and t.deleted_at is null
                where f.follower_id = ? and f.followee_id = any(?) and t.created_at < ?
                order by t.created_at desc, t.id desc limit ?)
              union
              (select 'c' || c.id, c.published_at from user_follows f
                 join work_authors a on a.user_id = f.followee_id and a.state = 'active'
                 join works w on w.id = a.work_id and w.deleted_at is null and w.visibility <> 'draft'
                 join chapters c on c.work_id = w.id
                where f.follower_id = ? and f.followee_id = any(?)
                  and c.published_at is not null and c.deleted_at is null and c.published_at < ?
                  and not exists (select 1 from work_authors m where m.work_id = w.id and m.user_id = ?)
                order by c.published_at desc limit ?)
            ) x
            order by x.at desc, x.member collate "C" desc
            """,
            rs -> new Entry(rs.getString(1), Db.instant(rs, "at").toEpochMilli()),
            userId,
            big,
            before,
            limit + 20,
            userId,
            big,
            before,
            userId,
            limit + 20)
        .stream()
        .filter(e -> before(e, beforeMillis, beforeMember))
        .limit(limit)
        .toList();
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
    return rebuild(userId, false);
  }

  /**
   * With {@code cold} (a reader found no feed): the feed is made warm before PostgreSQL is read, so
   * fan-outs that happen meanwhile (on the outbox tailer, while this runs on a request thread) land
   * in it and are carried over instead of being skipped. Refreshes after a follow change run on the
   * tailer itself, between fan-outs, and replace the feed outright (so unfollowing removes that
   * source's items at once).
   */
  boolean rebuild(long userId, boolean cold) {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return false;
    }
    String key = key(userId);
    long readFrom = cold ? System.currentTimeMillis() - RACE_MARGIN_MS : Long.MAX_VALUE;
    if (cold) {
      try {
        cmd.zadd(key, io.lettuce.core.ZAddArgs.Builder.nx(), 0, SENTINEL);
      } catch (RuntimeException e) {
        backOff(e);
        return false;
      }
    }
    List<Entry> entries = fromDatabase(userId, Long.MAX_VALUE, TOP, cap);
    try {
      String tmp = key + ":building:" + java.util.UUID.randomUUID();
      List<ScoredValue<String>> values = new ArrayList<>();
      values.add(ScoredValue.just(0, SENTINEL));
      for (Entry e : entries) {
        values.add(ScoredValue.just(e.millis(), e.member()));
      }
      @SuppressWarnings("unchecked")
      ScoredValue<String>[] arr = values.toArray(new ScoredValue[0]);
      cmd.zadd(tmp, arr);
      if (swapSha == null) {
        swapSha = cmd.scriptLoad(SWAP_SCRIPT);
      }
      try {
        cmd.evalsha(
            swapSha,
            ScriptOutputType.INTEGER,
            new String[] {key, tmp},
            Long.toString(readFrom),
            Integer.toString(cap));
      } catch (io.lettuce.core.RedisNoScriptException e) {
        swapSha = cmd.scriptLoad(SWAP_SCRIPT);
        cmd.evalsha(
            swapSha,
            ScriptOutputType.INTEGER,
            new String[] {key, tmp},
            Long.toString(readFrom),
            Integer.toString(cap));
      }
      return true;
    } catch (RuntimeException e) {
      backOff(e);
      return false;
    }
  }

  /**
   * Replaces a feed (KEYS[1]) by its rebuilt copy (KEYS[2]), keeping the items that reached the old
   * one since the rebuild started reading (score >= ARGV[1]), then trims to the cap (ARGV[2]).
   */
  private static final String SWAP_SCRIPT =
      "local r = redis.call('zrangebyscore', KEYS[1], ARGV[1], '+inf', 'WITHSCORES') "
          + "for i = 1, #r, 2 do redis.call('zadd', KEYS[2], r[i + 1], r[i]) end "
          + "redis.call('rename', KEYS[2], KEYS[1]) "
          + "redis.call('zremrangebyrank', KEYS[1], 0, -(tonumber(ARGV[2]) + 2)) return 1";

  /** Items newer than this before a rebuild's read are carried over (clock skew, slow reads). */
  private static final long RACE_MARGIN_MS = 10_000;

  private volatile String swapSha;

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
   * Adds an item (a member, see {@link FeedItems}) to each of these (warm) feeds; returns how many
   * feeds took it. The script calls go out pipelined on a connection of their own (auto-flush off):
   * one write per chunk of feeds instead of one per feed, which is what lets a post reach thousands
   * of feeds within a second.
   */
  synchronized int fanOut(Collection<Long> userIds, String member, long millis) {
    if (userIds.isEmpty()) {
      return 0;
    }
    try {
      return fanOutPipelined(userIds, member, millis);
    } catch (NoScript e) {
      addSha = null; // Redis restarted or flushed its scripts: load it again, once
      try {
        return fanOutPipelined(userIds, member, millis);
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

  private int fanOutPipelined(Collection<Long> userIds, String member, long millis)
      throws NoScript {
    StatefulRedisConnection<String, String> c = pipelineConnection();
    if (c == null) {
      return 0;
    }
    try {
      RedisAsyncCommands<String, String> async = c.async();
      if (addSha == null) {
        addSha = c.sync().scriptLoad(ADD_SCRIPT);
      }
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
    return cmd == null ? 0 : dropAll(cmd);
  }

  private long dropAll(RedisCommands<String, String> cmd) {
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
      StatefulRedisConnection<String, String> fresh = null;
      try {
        fresh = redisClient.connect();
        c = fresh;
        c.setTimeout(Duration.ofSeconds(2));
        if (stale) {
          stale = false;
          long dropped = dropAll(c.sync());
          LOG.info(
              "Redis answers again: dropped {} home feeds that may have missed writes; each is rebuilt on its next read",
              dropped);
        }
        connection = c;
        return c;
      } catch (RuntimeException e) {
        backOff(e);
        if (fresh != null) {
          fresh.close();
        }
        return null;
      }
    }
  }

  private void backOff(Exception e) {
    LOG.warn(
        "Redis unavailable for home feeds, using PostgreSQL for {}: {}", backOff, e.toString());
    stale = true;
    skipUntilNanos = System.nanoTime() + backOff.toNanos();
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
