package io.starbridge.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TopicViewsTest {
  @Inject RedisClient redisClient;
  @Inject Db db;

  @Test
  void whenRedisIsGoneViewsGoUncountedWithoutAnError() {
    StatefulRedisConnection<String, String> connection = redisClient.connect();
    TopicViews views = new TopicViews(connection, db, "sb-views-down-test:");
    connection.close();
    assertThatCode(() -> views.record(1, 2L, "127.0.0.1")).doesNotThrowAnyException();
    assertThatCode(() -> views.record(1, null, "127.0.0.1")).doesNotThrowAnyException();
    assertThat(views.flush()).isZero();
  }
}
