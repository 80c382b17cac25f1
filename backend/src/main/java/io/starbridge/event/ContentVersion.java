package io.starbridge.event;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A counter that moves whenever content visible to anonymous readers may have changed: every
 * committed write that publishes an outbox event bumps it. Caches of anonymous pages key on it, so
 * they are never stale. Shared by all nodes through Redis; while Redis is away each node keeps its
 * own counter (its own writes still invalidate at once, other nodes' within the cache TTL).
 */
@Singleton
public class ContentVersion {
  private static final Logger LOG = LoggerFactory.getLogger(ContentVersion.class);
  private static final Duration RETRY = Duration.ofSeconds(30);

  private final StatefulRedisConnection<String, String> redis;
  private final String key;
  private final AtomicLong local = new AtomicLong();
  private volatile long redisDownUntil;

  public ContentVersion(
      StatefulRedisConnection<String, String> redis,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.redis = redis;
    this.key = prefix + "content-version";
  }

  /** The current version; "local:n" values never equal a Redis one. */
  public String current() {
    if (System.nanoTime() >= redisDownUntil) {
      try {
        String v = redis.sync().get(key);
        return "r" + (v == null ? "0" : v);
      } catch (RuntimeException e) {
        down(e);
      }
    }
    return "l" + local.get();
  }

  public void bump() {
    local.incrementAndGet();
    if (System.nanoTime() >= redisDownUntil) {
      try {
        redis.sync().incr(key);
      } catch (RuntimeException e) {
        down(e);
      }
    }
  }

  private void down(RuntimeException e) {
    LOG.warn("Redis unavailable for the content version, using a local counter: {}", e.toString());
    redisDownUntil = System.nanoTime() + RETRY.toNanos();
  }
}
