package io.starbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Live delivery across two app nodes sharing one PostgreSQL and one Redis: the stream is open on
 * the second node, the write happens on the first, and a reconnect with Last-Event-ID replays what
 * was missed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationStreamTest extends ForumTest {
  private EmbeddedServer second;

  @io.micronaut.context.annotation.Value("${starbridge.redis.key-prefix}")
  String redisPrefix;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startSecondNode() {
    second =
        ApplicationContext.builder()
            .environments("test")
            // The same PostgreSQL and Redis, and the same key prefix: one cluster of two nodes.
            .properties(
                Map.of("micronaut.server.port", -1, "starbridge.redis.key-prefix", redisPrefix))
            .run(EmbeddedServer.class);
  }

  @AfterAll
  void stopSecondNode() {
    if (second != null) {
      second.getApplicationContext().close();
    }
  }

  /** One SSE event: its id (or null), name and data line. */
  record Sse(String id, String name, String data) {}

  /** Reads an event stream in the background into a queue of events. */
  final class Stream1 implements AutoCloseable {
    final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
    final Thread reader;
    volatile Stream<String> lines;

    Stream1(URI base, String token, String lastEventId) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve("/api/v1/notifications/stream"))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "text/event-stream");
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      HttpRequest req = b.build();
      reader =
          new Thread(
              () -> {
                try {
                  HttpResponse<Stream<String>> r =
                      http.send(req, HttpResponse.BodyHandlers.ofLines());
                  lines = r.body();
                  String id = null;
                  String name = null;
                  StringBuilder data = new StringBuilder();
                  for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                      if (data.length() > 0) {
                        events.add(new Sse(id, name, data.toString()));
                      }
                      id = null;
                      name = null;
                      data.setLength(0);
                    } else if (line.startsWith("id:")) {
                      id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                      name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                      data.append(line.substring(5).trim());
                    }
                  }
                } catch (Exception e) {
                  // closed
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    Sse next(String name, long millis) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      while (System.nanoTime() < end) {
        Sse e = events.poll(50, TimeUnit.MILLISECONDS);
        if (e != null && name.equals(e.name())) {
          return e;
        }
      }
      return null;
    }

    @Override
    public void close() {
      if (lines != null) {
        lines.close();
      }
      reader.interrupt();
    }
  }

  private String token(Account who) {
    var r = who.client().post("/api/v1/me/tokens", Map.of("name", "sse"));
    assertThat(r.status()).isEqualTo(201);
    return r.string("token");
  }

  @Test
  void aNotificationReachesAStreamOnAnotherNodeWithinASecondAndAReconnectReplaysWhatWasMissed()
      throws Exception {
    Account b = fx().member("bee");
    Account a = fx().member("aye");
    long topic = fx().topic(b, fx().board());
    String token = token(b);
    URI node2 = URI.create(second.getURL().toString());
    URI node1 = URI.create(server.getURL().toString());
    String lastId;
    try (Stream1 s = new Stream1(node2, token, null)) {
      Sse hello = s.next("unread", 5000);
      assertThat(hello).as("the stream opens with the unread count").isNotNull();
      assertThat(hello.data()).contains("\"unreadCount\":0");

      long start = System.nanoTime();
      assertThat(fx().createReply(a, topic, "A reply that must arrive live").status())
          .isEqualTo(201);
      Sse live = s.next("notification", 5000);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(live).as("live notification").isNotNull();
      assertThat(live.data()).contains("\"kind\":\"reply\"").contains("\"unreadCount\":1");
      assertThat(live.id()).isNotBlank();
      System.out.println("SSE cross-node delivery: " + millis + " ms");
      assertThat(millis).as("delivery time across nodes").isLessThan(1500);
      lastId = live.id();
    }

    // Offline: two more replies; the stream comes back on the other node with Last-Event-ID.
    fx().createReply(a, topic, "Missed while offline, one");
    fx().createReply(fx().member("cee"), topic, "Missed while offline, two");
    NotificationApiTest.await(b, i -> i.size() >= 3);
    try (Stream1 s = new Stream1(node1, token, lastId)) {
      List<Sse> replayed = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Sse e = s.next("notification", 5000);
        assertThat(e).as("replayed event %s", i).isNotNull();
        replayed.add(e);
      }
      assertThat(replayed.get(0).data()).contains("\"kind\":\"reply\"");
      assertThat(Long.parseLong(replayed.get(1).id()))
          .isGreaterThan(Long.parseLong(replayed.get(0).id()))
          .isGreaterThan(Long.parseLong(lastId));
      assertThat(s.next("notification", 700)).as("nothing replayed twice").isNull();
    }
  }
}
