package io.starbridge.notify;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Wakes open notification streams. After the notifier commits, it announces the recipients' ids on
 * a Redis channel; every node (itself included) wakes its local streams of those users, which then
 * read what is new from PostgreSQL. The message carries no content, only user ids. While Redis
 * pub/sub is away, the announcing node still wakes its own streams and the others catch up at their
 * next heartbeat.
 */
@Context
class LiveNotifications {
  private static final Logger LOG = LoggerFactory.getLogger(LiveNotifications.class);

  private final String node = UUID.randomUUID().toString();
  private final String channel;
  private final ConcurrentHashMap<Long, Set<Sinks.Many<Long>>> streams = new ConcurrentHashMap<>();
  private final RedisClient redis;
  private volatile StatefulRedisPubSubConnection<String, String> subscriber;
  private volatile StatefulRedisPubSubConnection<String, String> publisher;

  LiveNotifications(RedisClient redis, @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.redis = redis;
    this.channel = prefix + "notify";
    connect();
  }

  /** Subscribes (again): at start, and every few seconds while pub/sub is away. */
  @Scheduled(fixedDelay = "5s", initialDelay = "5s")
  synchronized void connect() {
    if (subscriber != null && publisher != null && subscriber.isOpen() && publisher.isOpen()) {
      return;
    }
    close();
    try {
      StatefulRedisPubSubConnection<String, String> sub = redis.connectPubSub();
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
              if (channel.equals(ch)) {
                int bar = message.indexOf('|');
                if (bar > 0 && !message.substring(0, bar).equals(node)) {
                  for (String id : message.substring(bar + 1).split(",")) {
                    if (!id.isEmpty()) {
                      wake(Long.parseLong(id));
                    }
                  }
                }
              }
            }
          });
      sub.sync().subscribe(channel);
      subscriber = sub;
      publisher = redis.connectPubSub();
    } catch (RuntimeException e) {
      LOG.warn(
          "Redis pub/sub unavailable: live notifications reach this node only ({})", e.toString());
    }
  }

  /** Wakes the streams of these users here and on every other node. */
  void announce(Collection<Long> userIds) {
    userIds.forEach(this::wake);
    var pub = publisher;
    if (pub != null) {
      try {
        pub.async()
            .publish(
                channel,
                node
                    + "|"
                    + userIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
      } catch (RuntimeException e) {
        LOG.debug("Could not broadcast notifications: {}", e.toString());
      }
    }
  }

  /** A stream of wake-ups for one user; cancelling it unregisters. */
  Flux<Long> wakeups(long userId) {
    Sinks.Many<Long> sink = Sinks.many().multicast().directBestEffort();
    streams.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(sink);
    return sink.asFlux()
        .doFinally(
            s ->
                streams.computeIfPresent(
                    userId,
                    (k, set) -> {
                      set.remove(sink);
                      return set.isEmpty() ? null : set;
                    }));
  }

  int openStreams() {
    return streams.values().stream().mapToInt(Set::size).sum();
  }

  private void wake(long userId) {
    Set<Sinks.Many<Long>> set = streams.get(userId);
    if (set != null) {
      for (Sinks.Many<Long> s : set) {
        synchronized (s) {
          s.tryEmitNext(userId);
        }
      }
    }
  }

  @PreDestroy
  synchronized void close() {
    if (subscriber != null) {
      subscriber.close();
      subscriber = null;
    }
    if (publisher != null) {
      publisher.close();
      publisher = null;
    }
  }
}
