package io.starbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AnonymousPageCacheTest extends ForumTest {
  @Test
  void anonymousListsAreCachedUntilTheNextWrite() {
    String board = fx().board();
    Account author = fx().member("cache");
    long first = fx().topic(author, board);
    String path = "/api/v1/boards/" + board + "/topics";

    TestClient.Response miss = anonymous().get(path);
    TestClient.Response hit = anonymous().get(path);
    assertThat(miss.header("X-Cache")).isEmpty();
    assertThat(hit.header("X-Cache")).contains("hit");
    assertThat(hit.body()).isEqualTo(miss.body());
    assertThat(hit.header("Content-Security-Policy")).isPresent();

    long second = fx().topic(author, board);
    TestClient.Response after = anonymous().get(path);
    assertThat(after.header("X-Cache")).as("a committed write invalidates").isEmpty();
    assertThat(after.items())
        .extracting(m -> ((Number) m.get("id")).longValue())
        .contains(first, second);

    // post pages too: a reply shows at once
    fx().reply(fx().member("replier"), second);
    anonymous().get("/api/v1/topics/" + second + "/posts");
    fx().createReply(author, second, "another reply that anonymous readers must see at once");
    assertThat(anonymous().get("/api/v1/topics/" + second + "/posts").body())
        .contains("another reply that anonymous readers must see at once");
  }

  @Test
  void signedInReadersAreNeverServedFromTheCache() {
    String board = fx().board();
    Account reader = fx().member("reader");
    fx().topic(fx().member("writer"), board);
    reader.client().get("/api/v1/boards/" + board + "/topics");
    TestClient.Response r = reader.client().get("/api/v1/boards/" + board + "/topics");
    assertThat(r.header("X-Cache")).isEmpty();
    assertThat(r.items().get(0)).containsKey("unreadCount");
    assertThat(r.items().get(0).get("unreadCount")).isNotNull();
    assertThat(
            anonymous()
                .get("/api/v1/boards/" + board + "/topics", Map.of())
                .items()
                .get(0)
                .get("unreadCount"))
        .isNull();
  }
}
