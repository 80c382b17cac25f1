package io.starbridge.event;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A counter that moves whenever content visible to anonymous readers may have changed: every
 * committed write that publishes an outbox event bumps it, and the bump is broadcast to the other
 * nodes over Redis pub/sub. Caches of anonymous pages key on it, so they are not served stale.
 * Reading it costs no I/O. While pub/sub is away, other nodes' writes reach a node's cache only
 * through the cache's short TTL; the node's own writes still invalidate at once.
 */
@Singleton
public class ContentVersion {
  private static final Logger LOG = LoggerFactory.getLogger(ContentVersion.class);

  private final String node = UUID.randomUUID().toString();
  private final AtomicLong counter = new AtomicLong();
  private final String channel;
  private final StatefulRedisPubSubConnection<String, String> subscriber;
  private final StatefulRedisPubSubConnection<String, String> publisher;

  public ContentVersion(
      RedisClient redis, @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.channel = prefix + "content-version";
    StatefulRedisPubSubConnection<String, String> sub = null;
    StatefulRedisPubSubConnection<String, String> pub = null;
    try {
      sub = redis.connectPubSub();
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String from) {
              if (channel.equals(ch) && !node.equals(from)) {
                counter.incrementAndGet();
              }
            }
          });
      sub.async().subscribe(channel);
      pub = redis.connectPubSub();
    } catch (RuntimeException e) {
      LOG.warn(
          "Redis pub/sub unavailable: anonymous caches see other nodes' writes only after their TTL ({})",
          e.toString());
    }
    this.subscriber = sub;
    this.publisher = pub;
  }

  public String current() {
    return node + ":" + counter.get();
  }

  public void bump() {
    counter.incrementAndGet();
    if (publisher != null) {
      try {
        publisher.async().publish(channel, node);
      } catch (RuntimeException e) {
        LOG.debug("Could not broadcast a content change: {}", e.toString());
      }
    }
  }

  @PreDestroy
  void close() {
    if (subscriber != null) {
      subscriber.close();
    }
    if (publisher != null) {
      publisher.close();
    }
  }
}
