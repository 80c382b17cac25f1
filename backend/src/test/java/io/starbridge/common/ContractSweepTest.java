package io.starbridge.common;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by probing the works, IP, discovery and moderation endpoints against the API
 * contract with bad input: every refusal is a 400 /problems/validation that names the field.
 */
@MicronautTest(transactional = false)
class ContractSweepTest extends ForumTest {

  private long publicWork(Account author) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Sweep");
    b.put("type", "short_story");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", "public");
    long id = id(expect(201, author.client().post("/api/v1/works", b)));
    expect(201, author.client().post("/api/v1/works/" + id + "/chapters", Map.of("body", "Text")));
    return id;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private static void assertFieldError(TestClient.Response r, String field) {
    assertProblem(r, 400, "/problems/validation");
    assertThat(r.string("errors.0.field")).as("field of %s", r.body()).isEqualTo(field);
  }

  @Test
  void controlCharactersInQueryOrPathNameTheParameter() {
    assertFieldError(anonymous().get("/api/v1/works?tag=a%00b"), "tag");
    assertFieldError(anonymous().get("/api/v1/hot?board=x%00"), "board");
    assertFieldError(fx().admin().client().get("/api/v1/mod/log?actor=%00"), "actor");
    assertFieldError(
        fx().admin().client().post("/api/v1/mod/users/a%00b/silence", Map.of("reason", "spam")),
        "path");
    // Ordinary escapes still pass.
    expect(200, anonymous().get("/api/v1/works?tag=a%20b"));
  }

  @Test
  void replacingRightsNeedsTheListAndCleanValues() {
    Account author = fx().member("rights");
    long work = publicWork(author);
    String path = "/api/v1/works/" + work + "/rights";
    expect(
        200,
        author
            .client()
            .put(
                path, Map.of("rights", List.of(Map.of("medium", "games", "status", "available")))));

    Map<String, Object> nullList = new HashMap<>();
    nullList.put("rights", null);
    assertFieldError(author.client().put(path, nullList), "rights");
    assertFieldError(author.client().put(path, Map.of()), "rights");
    assertFieldError(
        author
            .client()
            .put(
                path,
                Map.of(
                    "rights",
                    List.of(
                        Map.of("medium", "games", "status", "available", "terms", "a\u0000b")))),
        "rights[0].terms");
    assertFieldError(
        author
            .client()
            .put(
                path,
                Map.of(
                    "rights",
                    List.of(
                        Map.of(
                            "medium",
                            "translation",
                            "status",
                            "available",
                            "language",
                            "<script>")))),
        "rights[0].language");

    // None of the refused requests touched the stored rights.
    List<Map<String, Object>> stored = list(expect(200, anonymous().get(path)).get("rights"));
    assertThat(stored).extracting(r -> r.get("medium")).containsExactly("games");
    // Clearing is still possible, explicitly.
    expect(200, author.client().put(path, Map.of("rights", List.of())));
    assertThat(list(expect(200, anonymous().get(path)).get("rights"))).isEmpty();
  }

  @Test
  void controlCharactersInModerationTextsAreFieldErrors() {
    Account author = fx().member("reported");
    long work = publicWork(author);
    Account reader = fx().member("reporter");
    assertFieldError(
        reader
            .client()
            .post(
                "/api/v1/reports",
                Map.of(
                    "targetType", "work", "targetId", work, "reason", "spam", "note", "a\u0000")),
        "note");

    long report =
        id(
            expect(
                201,
                reader
                    .client()
                    .post(
                        "/api/v1/reports",
                        Map.of("targetType", "work", "targetId", work, "reason", "spam"))));
    TestClient admin = fx().admin().client();
    assertFieldError(
        admin.post(
            "/api/v1/mod/reports/" + report + "/resolve",
            Map.of("action", "dismiss", "note", "x\u0000")),
        "note");
    // Still open: a clean note resolves it.
    expect(
        200,
        admin.post(
            "/api/v1/mod/reports/" + report + "/resolve",
            Map.of("action", "dismiss", "note", "ok")));

    assertFieldError(
        admin.post(
            "/api/v1/mod/users/" + author.handle() + "/silence", Map.of("reason", "spam\u0000")),
        "reason");
    assertFieldError(
        admin.post(
            "/api/v1/mod/users/" + author.handle() + "/suspend", Map.of("reason", "\u0001x")),
        "reason");
    assertThat(
            db.one("select status from users where id = ?", rs -> rs.getString(1), author.id())
                .orElseThrow())
        .isEqualTo("active");
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDeclaresTheConflictAnswers() {
    Map<String, Object> paths =
        (Map<String, Object>) expect(200, anonymous().get("/openapi")).map().get("paths");
    for (String[] op :
        List.of(
            new String[] {"/api/v1/works/{id}/translations", "post"},
            new String[] {"/api/v1/translation-requests", "post"},
            new String[] {"/api/v1/mod/reports/{id}/resolve", "post"})) {
      Map<String, Object> operation =
          (Map<String, Object>) ((Map<String, Object>) paths.get(op[0])).get(op[1]);
      assertThat((Map<String, Object>) operation.get("responses"))
          .as("%s %s", op[1], op[0])
          .containsKey("409");
    }
  }

  @Test
  void controlCharactersInACoauthorHandleAreAFieldError() {
    Account owner = fx().member("coowner");
    long work = publicWork(owner);
    assertFieldError(
        owner.client().post("/api/v1/works/" + work + "/coauthors", Map.of("handle", "ab\u0000c")),
        "handle");
    assertThat(
            db.count(
                "select count(*) from work_authors where work_id = ? and role = 'coauthor'", work))
        .isZero();
  }

  @Test
  void markingNotificationsReadNeedsIdsOrAll() {
    TestClient reader = fx().member("reader").client();
    assertFieldError(reader.post("/api/v1/notifications/read", Map.of()), "ids");
    assertFieldError(reader.post("/api/v1/notifications/read", Map.of("all", false)), "ids");
    expect(200, reader.post("/api/v1/notifications/read", Map.of("all", true)));
    expect(200, reader.post("/api/v1/notifications/read", Map.of("ids", List.of())));
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() {
    Account reader = fx().member("typer");
    long work = publicWork(fx().member("typed"));
    assertFieldError(
        reader.client().put("/api/v1/works/" + work + "/position", Map.of("chapter", "one")),
        "chapter");
  }

  @Test
  void aBookmarkIsPrivateOnlyByABoolean() {
    Account reader = fx().member("keeper");
    long work = publicWork(fx().member("kept"));
    String path = "/api/v1/works/" + work + "/bookmark";
    // "yes" used to be read as false: a public bookmark the reader meant to hide.
    TestClient.Response yes = reader.client().put(path, Map.of("private", "yes"));
    assertProblem(yes, 400, "/problems/validation");
    assertThat(yes.string("errors.0.field")).isEqualTo("private");
    assertProblem(
        reader.client().put(path, Map.of("isPrivate", "no")), 400, "/problems/validation");
    assertThat(
            db.count(
                "select count(*) from work_bookmarks where work_id = ? and user_id = ?",
                work,
                reader.id()))
        .isZero();

    expect(204, reader.client().put(path, Map.of("private", true)));
    assertThat(expect(200, anonymous().get("/api/v1/works/" + work + "/bookmarks")).items())
        .isEmpty();
    expect(204, reader.client().put(path, Map.of("isPrivate", false)));
    assertThat(expect(200, anonymous().get("/api/v1/works/" + work + "/bookmarks")).items())
        .hasSize(1);
  }

  @Test
  void profilePrivacySwitchesTakeOnlyBooleans() {
    Account member = fx().member("shy");
    TestClient.Response r = member.client().patch("/api/v1/me", Map.of("hideFollowers", "yes"));
    assertFieldError(r, "hideFollowers");
    assertFieldError(
        member.client().patch("/api/v1/me", Map.of("hideActivity", 1)), "hideActivity");
    expect(200, member.client().patch("/api/v1/me", Map.of("hideFollowers", true)));
    assertThat(
            db.one(
                    "select hide_followers from users where id = ?",
                    rs -> rs.getBoolean(1),
                    member.id())
                .orElseThrow())
        .isTrue();
  }
}
