package io.starbridge.feed;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import io.starbridge.topic.TopicListItem;
import io.starbridge.topic.TopicQueries;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is hot now, per board, per group and site-wide, in Redis sorted sets {@code hot:site},
 * {@code hot:board:{id}}, {@code hot:group:{id}}.
 *
 * <p>Score of a topic = {@code ln(1 + likes + 2·replies + ln(1 + views)) + ln 2 · hoursSinceEpoch /
 * HALF_LIFE_HOURS}: the log of its engagement weight times {@code 2^(age/half-life)}. Comparing two
 * topics by {@code weight · 2^(-(now - createdAt)/halfLife)} is the same at every moment as
 * comparing these scores, so scores never need re-computing as time passes — only when a topic's
 * counts change ({@link #touch}, from the outbox) or views were flushed ({@link #rebuild}, every
 * few minutes and on demand). A topic's score halves (in weight) every {@value #HALF_LIFE_HOURS} h;
 * topics older than {@value #WINDOW_DAYS} days leave the lists. Reads re-check the caller's read
 * scope and fall back to the SQL hot list when Redis is away.
 */
@Singleton
public class HotLists {
  private static final Logger LOG = LoggerFactory.getLogger(HotLists.class);
  static final double HALF_LIFE_HOURS = 12;
  static final int WINDOW_DAYS = 7;
  static final int KEEP = 1000;
  private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
  private static final Duration BACK_OFF = Duration.ofSeconds(10);

  private final Db db;
  private final TopicQueries topics;
  private final RedisClient redisClient;
  private final String prefix;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long skipUntilNanos;

  public HotLists(
      Db db,
      TopicQueries topics,
      RedisClient redisClient,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.db = db;
    this.topics = topics;
    this.redisClient = redisClient;
    this.prefix = prefix + "hot:";
  }

  @Serdeable
  public record TagCount(String tag, long count) {}

  @Serdeable
  public record HotPage(List<TopicListItem> items, @Nullable String nextCursor) {}

  private record Row(long id, Long boardId, Long groupId, double weight, Instant createdAt) {}

  static double score(double weight, Instant createdAt) {
    double hours = Duration.between(EPOCH, createdAt).toSeconds() / 3600.0;
    return Math.log(1 + weight) + Math.log(2) * hours / HALF_LIFE_HOURS;
  }

  private static final String ROW_SQL =
      "select t.id, t.board_id, t.group_id, t.created_at,"
          + " (t.like_count + 2 * t.reply_count)::float8 + ln(1 + t.view_count::float8) as weight"
          + " from topics t";

  private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getLong("id"),
        Db.nullableLong(rs, "board_id"),
        Db.nullableLong(rs, "group_id"),
        rs.getDouble("weight"),
        Db.instant(rs, "created_at"));
  }

  /** Re-scores one topic (its counts changed), or removes it when deleted or too old. */
  void touch(@Nullable Long topicId) {
    if (topicId == null) {
      return;
    }
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return;
    }
    var row =
        db.one(
            ROW_SQL
                + " where t.id = ? and t.deleted_at is null and t.created_at > now() - make_interval(days => ?)",
            this::row,
            topicId,
            WINDOW_DAYS);
    try {
      String member = Long.toString(topicId);
      if (row.isEmpty()) {
        db.one(
                "select board_id, group_id from topics where id = ?",
                rs -> new Long[] {Db.nullableLong(rs, "board_id"), Db.nullableLong(rs, "group_id")},
                topicId)
            .ifPresent(
                bg -> {
                  cmd.zrem(prefix + "site", member);
                  cmd.zrem(placeKey(bg[0], bg[1]), member);
                });
        return;
      }
      Row r = row.get();
      double s = score(r.weight(), r.createdAt());
      cmd.zadd(prefix + "site", s, member);
      cmd.zadd(placeKey(r.boardId(), r.groupId()), s, member);
    } catch (RuntimeException e) {
      backOff(e);
    }
  }

  private String placeKey(Long boardId, Long groupId) {
    return boardId != null ? prefix + "board:" + boardId : prefix + "group:" + groupId;
  }

  /** Recomputes every hot list from PostgreSQL; returns how many topics it scored. */
  @Scheduled(fixedDelay = "${starbridge.hot.rebuild-interval:5m}", initialDelay = "30s")
  public int rebuild() {
    RedisCommands<String, String> cmd = commands();
    if (cmd == null) {
      return 0;
    }
    List<Row> rows =
        db.list(
            ROW_SQL
                + " where t.deleted_at is null and t.created_at > now() - make_interval(days => ?)",
            this::row,
            WINDOW_DAYS);
    try {
      java.util.Map<String, java.util.Map<String, Double>> lists = new java.util.HashMap<>();
      for (Row r : rows) {
        double s = score(r.weight(), r.createdAt());
        String m = Long.toString(r.id());
        lists.computeIfAbsent(prefix + "site", k -> new java.util.HashMap<>()).put(m, s);
        lists
            .computeIfAbsent(placeKey(r.boardId(), r.groupId()), k -> new java.util.HashMap<>())
            .put(m, s);
      }
      // Replace each list atomically (build aside, then rename); drop lists that became empty.
      List<String> existing = new ArrayList<>();
      var args = io.lettuce.core.ScanArgs.Builder.matches(prefix + "*").limit(1000);
      var cur = cmd.scan(args);
      while (true) {
        existing.addAll(cur.getKeys());
        if (cur.isFinished()) {
          break;
        }
        cur = cmd.scan(cur, args);
      }
      for (var e : lists.entrySet()) {
        String tmp = e.getKey() + ":building";
        cmd.del(tmp);
        List<io.lettuce.core.ScoredValue<String>> values = new ArrayList<>();
        e.getValue().forEach((m, s) -> values.add(io.lettuce.core.ScoredValue.just(s, m)));
        for (int i = 0; i < values.size(); i += 1000) {
          @SuppressWarnings("unchecked")
          io.lettuce.core.ScoredValue<String>[] chunk =
              values
                  .subList(i, Math.min(values.size(), i + 1000))
                  .toArray(new io.lettuce.core.ScoredValue[0]);
          cmd.zadd(tmp, chunk);
        }
        cmd.zremrangebyrank(tmp, 0, -(KEEP + 1));
        cmd.rename(tmp, e.getKey());
      }
      for (String k : existing) {
        if (!lists.containsKey(k) && !k.endsWith(":building")) {
          cmd.del(k);
        }
      }
      return rows.size();
    } catch (RuntimeException e) {
      backOff(e);
      return 0;
    }
  }

  /** GET /hot: the hottest topics of a board, a group or the site the caller may read. */
  public HotPage hot(
      Guardian g, @Nullable Long boardId, @Nullable Long groupId, @Nullable Integer limitParam) {
    int limit = Cursors.limit(limitParam, 20, 100);
    String key =
        boardId != null
            ? prefix + "board:" + boardId
            : groupId != null ? prefix + "group:" + groupId : prefix + "site";
    RedisCommands<String, String> cmd = commands();
    if (cmd != null) {
      try {
        List<String> ids = cmd.zrevrange(key, 0, limit * 3L + 10);
        List<TopicListItem> items =
            siteWide(boardId, groupId, topics.cards(g, ids.stream().map(Long::parseLong).toList()));
        return new HotPage(items.size() > limit ? items.subList(0, limit) : items, null);
      } catch (RuntimeException e) {
        backOff(e);
      }
    }
    // Redis away: the same formula's SQL twin (the topic lists' sort=hot).
    return new HotPage(fallback(g, boardId, groupId, limit), null);
  }

  private List<TopicListItem> fallback(Guardian g, Long boardId, Long groupId, int limit) {
    List<Long> ids =
        db.list(
            "select t.id from topics t where t.deleted_at is null"
                + " and t.created_at > now() - make_interval(days => ?)"
                + (boardId != null ? " and t.board_id = " + boardId : "")
                + (groupId != null ? " and t.group_id = " + groupId : "")
                + " order by ln(1 + (t.like_count + 2 * t.reply_count)::float8 + ln(1 + t.view_count::float8))"
                + " + ln(2) * extract(epoch from t.created_at - timestamptz '2025-01-01') / 3600 / ? desc"
                + " limit ?",
            rs -> rs.getLong(1),
            WINDOW_DAYS,
            HALF_LIFE_HOURS,
            limit * 3 + 10);
    List<TopicListItem> items = siteWide(boardId, groupId, topics.cards(g, ids));
    return items.size() > limit ? items.subList(0, limit) : items;
  }

  /** Site-wide lists keep restricted and secret discussions inside their groups. */
  private static List<TopicListItem> siteWide(
      Long boardId, Long groupId, List<TopicListItem> items) {
    if (boardId != null || groupId != null) {
      return items;
    }
    return items.stream()
        .filter(i -> i.group() == null || "public".equals(i.group().visibility()))
        .toList();
  }

  /**
   * Trending tags of the last 24 hours: per tag, the topics the caller may read that were created
   * or replied to in that time.
   */
  public List<TagCount> trendingTags(Guardian g, int limit) {
    return db.list(
        "select tag, count(*) as n from topics t"
            + " left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id,"
            + " unnest(t.tags) as tag"
            + " where t.deleted_at is null and t.last_posted_at > now() - interval '24 hours'"
            + " and "
            + g.readableScope().topicsReadable("t", "b", "g")
            + " group by tag order by n desc, tag limit ?",
        rs -> new TagCount(rs.getString(1), rs.getLong(2)),
        limit);
  }

  @Nullable
  private RedisCommands<String, String> commands() {
    if (System.nanoTime() < skipUntilNanos) {
      return null;
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c.sync();
    }
    synchronized (this) {
      try {
        if (connection == null || !connection.isOpen()) {
          connection = redisClient.connect();
          connection.setTimeout(Duration.ofSeconds(2));
        }
        return connection.sync();
      } catch (RuntimeException e) {
        backOff(e);
        return null;
      }
    }
  }

  private void backOff(RuntimeException e) {
    LOG.warn("Redis unavailable for hot lists: {}", e.toString());
    skipUntilNanos = System.nanoTime() + BACK_OFF.toNanos();
  }

  @PreDestroy
  void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
