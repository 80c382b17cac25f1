package io.starbridge.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Value;
import io.starbridge.common.ApiException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token-bucket rate limits shared by all nodes through Redis (Bucket4j's Lettuce integration). When
 * Redis does not answer, each node falls back to in-memory buckets, so limits stay in force (per
 * node) instead of failing open or failing the request.
 */
@Singleton
public class RateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private static final int MAX_LOCAL_BUCKETS = 100_000;

  /** A named limit: {@code capacity} events per {@code period}, refilled gradually. */
  public record Limit(String name, long capacity, Duration period) {
    BucketConfiguration configuration() {
      return BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
          .build();
    }
  }

  private final RedisClient redisClient;
  private final String prefix;
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile ProxyManager<String> proxyManager;
  private volatile long redisRetryAfterNanos;
  private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

  public RateLimiter(
      RedisClient redisClient, @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.redisClient = redisClient;
    this.prefix = prefix + "rl:";
  }

  /** Takes one token or throws 429 with the time until one is available. */
  public void consume(Limit limit, String key) {
    ConsumptionProbe probe = withBucket(limit, key, b -> b.tryConsumeAndReturnRemaining(1));
    if (!probe.isConsumed()) {
      throw ApiException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** Takes one token of the signed-in actor's own bucket, unless the Guardian exempts it. */
  public void consume(Limit limit, Guardian guardian) {
    if (guardian.isSignedIn() && guardian.isRateLimited()) {
      consume(limit, Long.toString(guardian.actor().id()));
    }
  }

  /**
   * A write: one token of the actor's bucket ({@code limits.forActor}: tighter for new users) and
   * one of the client address's shared write bucket. Staff are exempt from both.
   */
  public void consumeWrite(Limits limits, Limit limit, Guardian guardian, String ip) {
    if (!guardian.isSignedIn() || !guardian.isRateLimited()) {
      return;
    }
    consume(limits.forActor(limit, guardian), Long.toString(guardian.actor().id()));
    consume(limits.writesPerIp, ip);
  }

  /** Throws 429 if no token is left, without taking one (for "failures only" limits). */
  public void check(Limit limit, String key) {
    EstimationProbe probe = withBucket(limit, key, b -> b.estimateAbilityToConsume(1));
    if (!probe.canBeConsumed()) {
      throw ApiException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** Records one event (e.g. a failed login) whether or not tokens are left. */
  public void record(Limit limit, String key) {
    withBucket(limit, key, b -> b.tryConsume(1));
  }

  public void reset(Limit limit, String key) {
    withBucket(
        limit,
        key,
        b -> {
          b.reset();
          return null;
        });
  }

  private <T> T withBucket(Limit limit, String key, java.util.function.Function<Bucket, T> action) {
    String fullKey = prefix + limit.name() + ":" + key;
    Optional<ProxyManager<String>> redis = redisManager();
    if (redis.isPresent()) {
      try {
        BucketProxy bucket = redis.get().builder().build(fullKey, limit::configuration);
        return action.apply(bucket);
      } catch (RuntimeException e) {
        markRedisDown(e);
      }
    }
    return action.apply(localBucket(fullKey, limit));
  }

  private LocalBucket localBucket(String key, Limit limit) {
    if (local.size() > MAX_LOCAL_BUCKETS) {
      local.clear(); // crude but bounded: the fallback must never exhaust memory
    }
    return local.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build());
  }

  private Optional<ProxyManager<String>> redisManager() {
    if (proxyManager != null) {
      return Optional.of(proxyManager);
    }
    if (System.nanoTime() < redisRetryAfterNanos) {
      return Optional.empty();
    }
    synchronized (this) {
      if (proxyManager == null) {
        try {
          connection =
              redisClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
          connection.setTimeout(Duration.ofSeconds(2));
          proxyManager =
              Bucket4jLettuce.casBasedBuilder(connection)
                  .expirationAfterWrite(
                      ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                          Duration.ofMinutes(1)))
                  .build();
        } catch (RuntimeException e) {
          markRedisDown(e);
          return Optional.empty();
        }
      }
      return Optional.of(proxyManager);
    }
  }

  private void markRedisDown(RuntimeException e) {
    LOG.warn(
        "Redis unavailable for rate limiting, using in-memory buckets for 30 s: {}", e.toString());
    redisRetryAfterNanos = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    StatefulRedisConnection<String, byte[]> c = connection;
    proxyManager = null;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // already broken
      }
    }
  }

  @PreDestroy
  void close() {
    if (connection != null) {
      connection.close();
    }
  }

  static Supplier<BucketConfiguration> config(Limit limit) {
    return limit::configuration;
  }
}
