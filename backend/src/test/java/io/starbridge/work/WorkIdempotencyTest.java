package io.starbridge.work;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every creating works request honours Idempotency-Key, as the API conventions promise. */
@MicronautTest(transactional = false)
class WorkIdempotencyTest extends ForumTest {

  private static TestClient.Response post(Account a, String path, Object body, String key) {
    return a.client().send("POST", path, body, Map.of("Idempotency-Key", key));
  }

  @Test
  void repeatedKeysCreateOnceAndReplayTheFirstAnswer() {
    Account author = fx().member("idemw");
    Account reader = fx().member("idemr");
    String board = fx().board();
    Map<String, Object> work = new HashMap<>();
    work.put("title", "幂等");
    work.put("type", "short_story");
    work.put("language", "zh-Hans");
    work.put("rating", "general");
    work.put("visibility", "public");
    work.put("board", board);
    long w = id(expect(201, post(author, "/api/v1/works", work, "work-1")));
    assertThat(id(expect(201, post(author, "/api/v1/works", work, "work-1")))).isEqualTo(w);

    Map<String, Object> chapter = Map.of("title", "一", "body", "第一章");
    TestClient.Response first =
        expect(201, post(author, "/api/v1/works/" + w + "/chapters", chapter, "ch-1"));
    TestClient.Response again =
        expect(201, post(author, "/api/v1/works/" + w + "/chapters", chapter, "ch-1"));
    assertThat(id(again)).isEqualTo(id(first));
    assertThat(
            ((List<?>) expect(200, anonymous().get("/api/v1/works/" + w)).get("chapters")).size())
        .isEqualTo(1);
    // The same key with another body is a conflict, not a second chapter.
    assertProblem(
        post(author, "/api/v1/works/" + w + "/chapters", Map.of("body", "别的"), "ch-1"),
        409,
        "/problems/conflict");

    Map<String, Object> comment = Map.of("body", "好看");
    long c =
        id(
            expect(
                201, post(reader, "/api/v1/works/" + w + "/chapters/1/comments", comment, "c-1")));
    assertThat(
            id(
                expect(
                    201,
                    post(reader, "/api/v1/works/" + w + "/chapters/1/comments", comment, "c-1"))))
        .isEqualTo(c);

    Map<String, Object> request = Map.of("workId", w, "language", "en");
    long r = id(expect(201, post(reader, "/api/v1/translation-requests", request, "tr-1")));
    assertThat(id(expect(201, post(reader, "/api/v1/translation-requests", request, "tr-1"))))
        .isEqualTo(r);

    Map<String, Object> series = Map.of("title", "系列");
    long s = id(expect(201, post(author, "/api/v1/series", series, "s-1")));
    assertThat(id(expect(201, post(author, "/api/v1/series", series, "s-1")))).isEqualTo(s);

    Map<String, Object> english = new HashMap<>(work);
    english.put("title", "Idempotent");
    english.put("language", "en");
    english.remove("board");
    long t = id(expect(201, author.client().post("/api/v1/works", english)));
    Map<String, Object> link = Map.of("workId", t);
    TestClient.Response linked =
        expect(201, post(author, "/api/v1/works/" + w + "/translations", link, "l-1"));
    TestClient.Response relinked =
        expect(201, post(author, "/api/v1/works/" + w + "/translations", link, "l-1"));
    assertThat(relinked.body()).isEqualTo(linked.body());
  }
}
