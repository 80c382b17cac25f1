package io.starbridge.forum;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every forum endpoint against every kind of caller: anonymous, a member (trust level 0) who is not
 * the author, the author, a moderator, an admin and a silenced member. Each case gets fresh
 * content; the expected status says who may do what (and 401 vs 403 vs 404).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest extends ForumTest {
  enum Who {
    ANONYMOUS,
    MEMBER,
    AUTHOR,
    MODERATOR,
    ADMIN,
    SILENCED
  }

  /** Fresh content for one case: a topic and a reply by the author, in a public board. */
  record Scene(String board, long topic, long firstPost, long reply) {}

  record Case(
      String name, BiFunction<TestClient, Scene, TestClient.Response> call, int[] expected) {}

  private final EnumMap<Who, Account> people = new EnumMap<>(Who.class);
  private String board;

  @BeforeAll
  void people() {
    people.put(Who.MEMBER, fx().member("member"));
    people.put(Who.AUTHOR, fx().member("author"));
    people.put(Who.MODERATOR, fx().moderator());
    people.put(Who.ADMIN, fx().admin());
    people.put(Who.SILENCED, fx().silenced());
    board = fx().board();
  }

  /** Made by the (rate-limit exempt) admin, then handed to the author. */
  private Scene scene() {
    long topic = fx().topic(fx().admin(), board);
    long reply = fx().reply(fx().admin(), topic);
    long author = people.get(Who.AUTHOR).id();
    db.update(
        "update topics set author_id = ?, last_poster_id = ? where id = ?", author, author, topic);
    db.update("update posts set author_id = ? where topic_id = ?", author, topic);
    return new Scene(board, topic, fx().firstPostId(topic), reply);
  }

  private static int[] expect(
      int anonymous, int member, int author, int moderator, int admin, int silenced) {
    return new int[] {anonymous, member, author, moderator, admin, silenced};
  }

  private static Case c(
      String name, BiFunction<TestClient, Scene, TestClient.Response> call, int[] expected) {
    return new Case(name, call, expected);
  }

  Stream<Arguments> cases() {
    Map<String, Object> newTopic =
        Map.of("title", "A topic from the matrix", "body", "matrix body");
    List<Case> cases =
        List.of(
            c(
                "GET /boards",
                (cl, s) -> cl.get("/api/v1/boards"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "GET /boards/{slug}",
                (cl, s) -> cl.get("/api/v1/boards/" + s.board()),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "POST /boards",
                (cl, s) ->
                    cl.post(
                        "/api/v1/boards",
                        Map.of("slug", fx().uniqueSlug("m"), "nameZh", "矩阵", "nameEn", "Matrix")),
                expect(401, 403, 403, 403, 201, 403)),
            c(
                "PATCH /boards/{slug}",
                (cl, s) -> cl.patch("/api/v1/boards/" + fx().board(), Map.of("nameEn", "Renamed")),
                expect(401, 403, 403, 403, 200, 403)),
            c(
                "DELETE /boards/{slug}",
                (cl, s) -> cl.delete("/api/v1/boards/" + fx().board()),
                expect(401, 403, 403, 403, 204, 403)),
            c(
                "PUT /boards/{slug}/follow",
                (cl, s) -> cl.put("/api/v1/boards/" + s.board() + "/follow", null),
                expect(401, 204, 204, 204, 204, 204)),
            c(
                "DELETE /boards/{slug}/follow",
                (cl, s) -> cl.delete("/api/v1/boards/" + s.board() + "/follow"),
                expect(401, 204, 204, 204, 204, 204)),
            c(
                "GET /boards/{slug}/topics",
                (cl, s) -> cl.get("/api/v1/boards/" + s.board() + "/topics"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "GET /topics",
                (cl, s) -> cl.get("/api/v1/topics"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "GET /tags/{tag}/topics",
                (cl, s) -> cl.get("/api/v1/tags/scifi/topics"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "POST /topics",
                (cl, s) -> cl.post("/api/v1/topics", with(newTopic, "board", s.board())),
                expect(401, 201, 201, 201, 201, 403)),
            c(
                "GET /topics/{id}",
                (cl, s) -> cl.get("/api/v1/topics/" + s.topic()),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "PATCH /topics/{id} title",
                (cl, s) ->
                    cl.patch(
                        "/api/v1/topics/" + s.topic(), Map.of("title", "Retitled in the matrix")),
                expect(401, 403, 200, 200, 200, 403)),
            c(
                "PATCH /topics/{id} pin",
                (cl, s) -> cl.patch("/api/v1/topics/" + s.topic(), Map.of("pinned", "board")),
                expect(401, 403, 403, 200, 200, 403)),
            c(
                "PATCH /topics/{id} lock",
                (cl, s) -> cl.patch("/api/v1/topics/" + s.topic(), Map.of("locked", true)),
                expect(401, 403, 403, 200, 200, 403)),
            c(
                "DELETE /topics/{id}",
                (cl, s) -> cl.delete("/api/v1/topics/" + s.topic()),
                expect(401, 403, 204, 204, 204, 403)),
            c(
                "POST /topics/{id}/read",
                (cl, s) ->
                    cl.post("/api/v1/topics/" + s.topic() + "/read", Map.of("postNumber", 2)),
                expect(401, 204, 204, 204, 204, 204)),
            c(
                "GET /topics/{id}/posts",
                (cl, s) -> cl.get("/api/v1/topics/" + s.topic() + "/posts"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "POST /topics/{id}/posts",
                (cl, s) ->
                    cl.post(
                        "/api/v1/topics/" + s.topic() + "/posts", Map.of("body", "matrix reply")),
                expect(401, 201, 201, 201, 201, 403)),
            c(
                "GET /posts/{id}",
                (cl, s) -> cl.get("/api/v1/posts/" + s.reply()),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "PATCH /posts/{id}",
                (cl, s) ->
                    cl.patch("/api/v1/posts/" + s.reply(), Map.of("body", "edited in the matrix")),
                expect(401, 403, 200, 200, 200, 403)),
            c(
                "DELETE /posts/{id}",
                (cl, s) -> cl.delete("/api/v1/posts/" + s.reply()),
                expect(401, 403, 204, 204, 204, 403)),
            c(
                "POST /posts/{id}/restore",
                (cl, s) -> {
                  fx().admin().client().delete("/api/v1/posts/" + s.reply());
                  return cl.post("/api/v1/posts/" + s.reply() + "/restore", null);
                },
                expect(401, 403, 403, 200, 200, 403)),
            c(
                "GET /posts/{id}/revisions",
                (cl, s) -> cl.get("/api/v1/posts/" + s.reply() + "/revisions"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "PUT /posts/{id}/reactions/{kind}",
                (cl, s) -> cl.put("/api/v1/posts/" + s.reply() + "/reactions/like", null),
                expect(401, 200, 403, 200, 200, 403)),
            c(
                "DELETE /posts/{id}/reactions/{kind}",
                (cl, s) -> cl.delete("/api/v1/posts/" + s.reply() + "/reactions/like"),
                expect(401, 200, 200, 200, 200, 200)),
            c(
                "GET /posts/{id}/reactions",
                (cl, s) -> cl.get("/api/v1/posts/" + s.reply() + "/reactions"),
                expect(200, 200, 200, 200, 200, 200)),
            c(
                "PUT /posts/{id}/bookmark",
                (cl, s) -> cl.put("/api/v1/posts/" + s.reply() + "/bookmark", Map.of("note", "n")),
                expect(401, 204, 204, 204, 204, 204)),
            c(
                "DELETE /posts/{id}/bookmark",
                (cl, s) -> cl.delete("/api/v1/posts/" + s.reply() + "/bookmark"),
                expect(401, 204, 204, 204, 204, 204)),
            c(
                "GET /me/bookmarks",
                (cl, s) -> cl.get("/api/v1/me/bookmarks"),
                expect(401, 200, 200, 200, 200, 200)),
            c(
                "GET /drafts",
                (cl, s) -> cl.get("/api/v1/drafts"),
                expect(401, 200, 200, 200, 200, 200)),
            c(
                "PUT /drafts/{key}",
                (cl, s) -> cl.put("/api/v1/drafts/reply:" + s.topic(), Map.of("body", "draft")),
                expect(401, 200, 200, 200, 200, 200)),
            c(
                "DELETE /drafts/{key}",
                (cl, s) -> cl.delete("/api/v1/drafts/reply:" + s.topic()),
                expect(401, 204, 204, 204, 204, 204)));
    List<Arguments> out = new ArrayList<>();
    for (Case kase : cases) {
      for (Who who : Who.values()) {
        out.add(Arguments.of(kase.name(), who, kase));
      }
    }
    return out.stream();
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> m = new java.util.HashMap<>(base);
    m.put(key, value);
    return m;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void answersByRole(String name, Who who, Case kase) {
    Scene scene = scene();
    TestClient client = who == Who.ANONYMOUS ? anonymous() : people.get(who).client();
    TestClient.Response r = kase.call().apply(client, scene);
    int expected = kase.expected()[who.ordinal()];
    assertThat(r.status()).as("%s as %s: %s", name, who, r.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(r.contentType()).startsWith("application/problem+json");
      String type = r.string("type");
      switch (expected) {
        case 401 -> assertThat(type).isEqualTo("/problems/unauthorized");
        case 403 -> assertThat(type).isIn("/problems/forbidden", "/problems/account-silenced");
        default -> assertThat(type).isNotBlank();
      }
      if (who == Who.SILENCED
          && expected == 403
          && !name.contains("/boards")
          && !name.contains("restore")
          && !name.contains("pin")
          && !name.contains("lock")) {
        assertThat(type).as("%s as silenced", name).isEqualTo("/problems/account-silenced");
      }
    }
  }
}
