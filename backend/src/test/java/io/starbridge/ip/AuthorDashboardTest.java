package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.registry.RegistryQueries;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class AuthorDashboardTest extends ForumTest {
  @Inject RegistryQueries registry;

  private long work(Account author, String title, String visibility, String board) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "s");
    b.put("type", "short_story");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", visibility);
    if (board != null) {
      b.put("board", board);
    }
    return id(expect(201, author.client().post("/api/v1/works", b)));
  }

  private void chapter(Account author, long work, String body) {
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + work + "/chapters", Map.of("title", "One", "body", body)));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stats(TestClient.Response dashboard, long work) {
    return list(dashboard.get("works")).stream()
        .filter(w -> ((Number) w.get("id")).longValue() == work)
        .findFirst()
        .orElse(null);
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void showsTheCallersWorksWithTheirCounts() {
    Account author = fx().member("dashauthor");
    Account owner = fx().member("dashowner");
    Account reader = fx().member("dashreader");
    String board = fx().board();
    String unique = io.starbridge.support.Fixtures.letters(12);
    long mine = work(author, "Mine " + unique, "public", board);
    chapter(author, mine, "Four words right here " + unique);
    long draft = work(author, "Draft " + unique, "draft", null);
    long shared = work(owner, "Shared " + unique, "public", null);
    long notMine = work(owner, "Not mine " + unique, "public", null);
    long invitedOnly = work(owner, "Invited " + unique, "public", null);
    expect(
        201,
        owner
            .client()
            .post("/api/v1/works/" + shared + "/coauthors", Map.of("handle", author.handle())));
    expect(200, author.client().post("/api/v1/works/" + shared + "/coauthors/accept", null));
    expect(
        201,
        owner
            .client()
            .post(
                "/api/v1/works/" + invitedOnly + "/coauthors", Map.of("handle", author.handle())));

    expect(204, reader.client().put("/api/v1/works/" + mine + "/kudos", null));
    expect(204, reader.client().put("/api/v1/works/" + mine + "/subscribe", null));
    expect(200, reader.client().get("/api/v1/works/" + mine));
    expect(
        201,
        reader
            .client()
            .post("/api/v1/works/" + mine + "/chapters/1/comments", Map.of("body", "Lovely")));
    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + mine + "/rights",
                Map.of("rights", List.of(Map.of("medium", "games", "status", "available")))));
    TestClient.Response draftEntry =
        expect(
            201,
            author.client().post("/api/v1/registry/drafts", Map.of("text", "Draft " + unique)));

    TestClient.Response dashboard = expect(200, author.client().get("/api/v1/me/dashboard"));
    List<Long> ids = list(dashboard.get("works")).stream().map(w -> number(w, "id")).toList();
    assertThat(ids).contains(mine, draft, shared).doesNotContain(notMine, invitedOnly);

    Map<String, Object> m = stats(dashboard, mine);
    assertThat(m.get("title")).isEqualTo("Mine " + unique);
    assertThat(m.get("visibility")).isEqualTo("public");
    assertThat(number(m, "chapters")).isEqualTo(1);
    assertThat(number(m, "wordCount")).isEqualTo(5);
    assertThat(number(m, "kudos")).isEqualTo(1);
    assertThat(number(m, "subscribers")).isEqualTo(1);
    assertThat(number(m, "comments")).isEqualTo(1);
    assertThat(number(m, "hits")).isEqualTo(1);
    List<Map<String, Object>> days = list(m.get("hitsByDay"));
    assertThat(days).hasSize(30);
    assertThat(number(days.get(29), "hits")).isEqualTo(1);
    assertThat(days.stream().mapToLong(d -> number(d, "hits")).sum()).isEqualTo(1);
    assertThat(list(m.get("rights"))).extracting(r -> r.get("medium")).containsExactly("games");
    long published = registry.entriesOfWork(mine, 10).get(0).id();
    @SuppressWarnings("unchecked")
    Map<String, Object> regs = (Map<String, Object>) m.get("registrations");
    assertThat(number(regs, "count")).isEqualTo(1);
    assertThat(number((Map<String, Object>) regs.get("latest"), "id")).isEqualTo(published);

    Map<String, Object> d = stats(dashboard, draft);
    assertThat(d.get("visibility")).isEqualTo("draft");
    assertThat(number((Map<String, Object>) d.get("registrations"), "count")).isZero();

    // the caller's registrations, newest first, the draft by hash included
    List<Map<String, Object>> entries = list(dashboard.get("registrations"));
    assertThat(entries).extracting(e -> number(e, "id")).startsWith(id(draftEntry), published);
    assertThat(entries.get(0).get("kind")).isEqualTo("draft");
    assertThat(entries.get(1).get("workTitle")).isEqualTo("Mine " + unique);
  }

  @Test
  void anotherUsersWorksNeverAppearAndAnonymousMustSignIn() {
    Account author = fx().member("dashsolo");
    Account other = fx().member("dashother");
    long mine = work(author, "Solo " + UUID.randomUUID(), "public", null);
    TestClient.Response draftEntry =
        expect(
            201,
            author
                .client()
                .post("/api/v1/registry/drafts", Map.of("text", "Secret " + UUID.randomUUID())));
    TestClient.Response theirs = expect(200, other.client().get("/api/v1/me/dashboard"));
    assertThat(list(theirs.get("works"))).isEmpty();
    assertThat(list(theirs.get("registrations")))
        .extracting(e -> number(e, "id"))
        .doesNotContain(id(draftEntry));
    assertThat(stats(expect(200, author.client().get("/api/v1/me/dashboard")), mine)).isNotNull();
    assertProblem(anonymous().get("/api/v1/me/dashboard"), 401, "/problems/unauthorized");
  }
}
