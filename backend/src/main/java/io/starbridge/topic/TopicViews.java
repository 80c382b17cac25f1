package io.starbridge.topic;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic view counts without a database write per page view. A view counts once per viewer (user, or
 * hashed IP for anonymous readers) per topic per hour: {@code SET NX EX 3600} on a marker key.
 * Counted views accumulate in one Redis hash; every few seconds a flush renames the hash (so views
 * arriving meanwhile start a new one, and concurrent flushes on other nodes cannot take the same
 * counts), then adds its counts to PostgreSQL in one {@code UPDATE … FROM unnest(ids, counts)}.
 *
 * <p>View counts are derived data: when Redis does not answer, views go uncounted for a while and
 * nobody sees an error.
 */
@Singleton
public class TopicViews {
  private static final Logger LOG = LoggerFactory.getLogger(TopicViews.class);
  private static final Duration WINDOW = Duration.ofHours(1);
  private static final Duration BACK_OFF = Duration.ofSeconds(30);

  private final StatefulRedisConnection<String, String> redis;
  private final Db db;
  private final String prefix;
  private final String pending;
  private volatile long skipUntilNanos;

  TopicViews(
      StatefulRedisConnection<String, String> redis,
      Db db,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.redis = redis;
    this.db = db;
    this.prefix = prefix + "tv:";
    this.pending = this.prefix + "pending";
  }

  /** Counts a view of {@code topicId} by a user ({@code userId}) or else an IP address. */
  public void record(long topicId, Long userId, String ip) {
    if (System.nanoTime() < skipUntilNanos) {
      return;
    }
    String viewer = userId != null ? "u" + userId : "ip" + sha256(ip);
    try {
      RedisCommands<String, String> cmd = redis.sync();
      String first =
          cmd.set(prefix + "seen:" + topicId + ":" + viewer, "1", SetArgs.Builder.nx().ex(WINDOW));
      if ("OK".equals(first)) {
        cmd.hincrby(pending, Long.toString(topicId), 1);
      }
    } catch (RedisException | IllegalStateException e) {
      backOff(e);
    }
  }

  /** Moves the buffered counts into PostgreSQL; returns how many topics it touched. */
  @Scheduled(
      fixedDelay = "${starbridge.views.flush-interval:10s}",
      initialDelay = "${starbridge.views.flush-interval:10s}")
  public int flush() {
    if (System.nanoTime() < skipUntilNanos) {
      return 0;
    }
    String batch = prefix + "flushing:" + UUID.randomUUID();
    Map<String, String> counts;
    try {
      RedisCommands<String, String> cmd = redis.sync();
      if (cmd.exists(pending) == 0) {
        return 0;
      }
      cmd.rename(pending, batch);
      counts = cmd.hgetall(batch);
    } catch (RedisException e) {
      // "no such key": another node flushed first. Anything else: Redis is unwell.
      if (e.getMessage() == null || !e.getMessage().contains("no such key")) {
        backOff(e);
      }
      return 0;
    }
    if (counts.isEmpty()) {
      return 0;
    }
    try {
      int n = write(counts);
      redis.sync().del(batch);
      return n;
    } catch (RuntimeException e) {
      // Put the counts back for the next flush rather than lose them.
      LOG.warn("Could not flush topic views, keeping them in Redis: {}", e.toString());
      try {
        RedisCommands<String, String> cmd = redis.sync();
        counts.forEach((topic, count) -> cmd.hincrby(pending, topic, Long.parseLong(count)));
        cmd.del(batch);
      } catch (RedisException again) {
        backOff(again);
      }
      return 0;
    }
  }

  /** One statement for the whole batch: the ids and counts travel as two arrays. */
  private int write(Map<String, String> counts) {
    List<Long> ids = new ArrayList<>(counts.size());
    List<Long> views = new ArrayList<>(counts.size());
    counts.forEach(
        (id, n) -> {
          ids.add(Long.parseLong(id));
          views.add(Long.parseLong(n));
        });
    return db.update(
        "update topics t set view_count = t.view_count + v.n from unnest(?::bigint[], ?::bigint[]) as v(id, n) where t.id = v.id",
        ids,
        views);
  }

  private void backOff(RuntimeException e) {
    LOG.warn(
        "Redis unavailable for view counting, pausing for {} s: {}",
        BACK_OFF.toSeconds(),
        e.toString());
    skipUntilNanos = System.nanoTime() + BACK_OFF.toNanos();
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
