package io.starbridge.draft;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class DraftApiTest extends ForumTest {

  @Test
  void aDraftIsSavedReplacedListedAndDiscarded() {
    Account me = fx().member("writer");
    TestClient.Response saved =
        me.client()
            .put(
                "/api/v1/drafts/new-topic:writing",
                Map.of("body", "半成品", "title", "未完", "tags", List.of("scifi")));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.string("key")).isEqualTo("new-topic:writing");
    me.client().put("/api/v1/drafts/reply:42", Map.of("body", "", "replyTo", 7));
    me.client().put("/api/v1/drafts/new-topic:writing", Map.of("body", "更完整"));
    TestClient.Response one = me.client().get("/api/v1/drafts/new-topic:writing");
    assertThat(one.string("body")).isEqualTo("更完整");
    assertThat(one.get("title")).isNull();
    assertThat(one.get("tags")).isEqualTo(List.of());
    List<Map<String, Object>> items = me.client().get("/api/v1/drafts").items();
    assertThat(items)
        .extracting(m -> m.get("key"))
        .containsExactly("new-topic:writing", "reply:42");
    assertThat(items.get(1).get("replyTo")).isEqualTo(7);
    assertThat(me.client().delete("/api/v1/drafts/reply:42").status()).isEqualTo(204);
    assertThat(me.client().delete("/api/v1/drafts/reply:42").status()).isEqualTo(204);
    assertProblem(me.client().get("/api/v1/drafts/reply:42"), 404, "/problems/not-found");
  }

  @Test
  void draftsAreNeverVisibleToAnyoneElse() {
    Account me = fx().member("writer");
    me.client().put("/api/v1/drafts/new-topic", Map.of("body", "secret plot"));
    assertProblem(
        fx().member("snoop").client().get("/api/v1/drafts/new-topic"), 404, "/problems/not-found");
    assertThat(fx().admin().client().get("/api/v1/drafts").items()).isEmpty();
    assertProblem(anonymous().get("/api/v1/drafts"), 401, "/problems/unauthorized");
    assertProblem(
        anonymous().put("/api/v1/drafts/new-topic", Map.of("body", "x")),
        401,
        "/problems/unauthorized");
  }

  @Test
  void badKeysAndBodiesAreRefused() {
    TestClient c = fx().member("writer").client();
    assertProblem(
        c.put("/api/v1/drafts/whatever", Map.of("body", "x")), 400, "/problems/validation");
    assertProblem(
        c.put("/api/v1/drafts/reply:abc", Map.of("body", "x")), 400, "/problems/validation");
    assertProblem(c.get("/api/v1/drafts/edit:0"), 400, "/problems/validation");
    assertProblem(
        c.put("/api/v1/drafts/reply:1", Map.of("body", "字".repeat(32_001))),
        400,
        "/problems/validation");
    assertProblem(c.put("/api/v1/drafts/reply:1", Map.of()), 400, "/problems/validation");
    assertProblem(
        c.put("/api/v1/drafts/reply:1", Map.of("body", "x", "extra", 1)),
        400,
        "/problems/validation");
    assertProblem(c.put("/api/v1/drafts/reply:1", "{"), 400, "/problems/malformed-request");
  }

  @Test
  void silencedMembersMayKeepDrafts() {
    assertThat(
            fx().silenced()
                .client()
                .put("/api/v1/drafts/new-topic", Map.of("body", "later"))
                .status())
        .isEqualTo(200);
  }
}
