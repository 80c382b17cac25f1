package io.starbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.starbridge.common.ApiException;
import io.starbridge.common.ProblemType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With Redis unreachable, limits still hold (per node) instead of failing open or erroring. */
class RateLimiterFallbackTest {
  @Test
  void aDeadRedisFallsBackToInMemoryBuckets() {
    RedisClient dead = RedisClient.create("redis://127.0.0.1:1");
    try {
      RateLimiter limiter = new RateLimiter(dead, "test:");
      RateLimiter.Limit limit = new RateLimiter.Limit("fallback", 2, Duration.ofMinutes(1));
      limiter.consume(limit, "k");
      limiter.consume(limit, "k");
      assertThatThrownBy(() -> limiter.consume(limit, "k"))
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).type()).isEqualTo(ProblemType.RATE_LIMITED))
          .satisfies(e -> assertThat(((ApiException) e).retryAfter()).isPositive());
      limiter.consume(limit, "another-key");
    } finally {
      dead.shutdown();
    }
  }
}
