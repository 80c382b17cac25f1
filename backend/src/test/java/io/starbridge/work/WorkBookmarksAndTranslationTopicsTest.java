package io.starbridge.work;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WorkBookmarksAndTranslationTopicsTest extends ForumTest {

  private Map<String, Object> workBody(String title, String language, String visibility) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "summary");
    b.put("type", "novel");
    b.put("language", language);
    b.put("rating", "general");
    b.put("visibility", visibility);
    return b;
  }

  private long work(Account author, String title, String language, String board) {
    Map<String, Object> b = workBody(title, language, "public");
    if (board != null) {
      b.put("board", board);
    }
    return id(expect(201, author.client().post("/api/v1/works", b)));
  }

  private Long topicOf(long work) {
    return db.one(
            "select topic_id from works where id = ?",
            rs -> rs.getObject(1) == null ? null : rs.getLong(1),
            work)
        .orElse(null);
  }

  // ---- bookmarks ------------------------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void noteIsCookedTagsKeptAndPrivacyDecidesWhoSeesIt() {
    Account author = fx().member("writer");
    Account pub = fx().member("openreader");
    Account priv = fx().member("quietreader");
    long w = work(author, "Star Road", "en", null);
    expect(
        204,
        pub.client()
            .put(
                "/api/v1/works/" + w + "/bookmark",
                Map.of(
                    "note",
                    "Read the **ending** <script>alert(1)</script>",
                    "tags",
                    List.of("comfort read", "Hard SF", "hard sf"))));
    expect(
        204,
        priv.client()
            .put(
                "/api/v1/works/" + w + "/bookmark",
                Map.of("note", "mine only", "tags", List.of("later"), "private", true)));

    TestClient.Response mine = expect(200, pub.client().get("/api/v1/works/" + w));
    assertThat(mine.string("viewer.bookmark.noteHtml"))
        .contains("<strong>ending</strong>")
        .doesNotContain("<script>");
    assertThat(mine.string("viewer.bookmark.note")).startsWith("Read the **ending**");
    assertThat((List<Object>) mine.get("viewer.bookmark.tags"))
        .containsExactly("comfort read", "Hard SF");
    assertThat(((Number) mine.get("bookmarks")).intValue()).isEqualTo(2);
    assertThat(
            expect(200, priv.client().get("/api/v1/works/" + w)).get("viewer.bookmark.isPrivate"))
        .isEqualTo(true);

    // The work's list: public bookmarks for everyone, a private one for its owner only.
    List<Map<String, Object>> forAnon =
        expect(200, anonymous().get("/api/v1/works/" + w + "/bookmarks")).items();
    assertThat(forAnon).extracting(b -> handle(b)).containsExactly(pub.handle());
    assertThat(String.valueOf(forAnon.get(0).get("noteHtml"))).contains("<strong>ending");
    assertThat(expect(200, priv.client().get("/api/v1/works/" + w + "/bookmarks")).items())
        .extracting(b -> handle(b))
        .containsExactly(priv.handle(), pub.handle());
    assertThat(expect(200, author.client().get("/api/v1/works/" + w + "/bookmarks")).items())
        .extracting(b -> handle(b))
        .containsExactly(pub.handle());

    // Changing it to private takes it off the public list; the count stays.
    expect(204, pub.client().put("/api/v1/works/" + w + "/bookmark", Map.of("isPrivate", true)));
    assertThat(expect(200, anonymous().get("/api/v1/works/" + w + "/bookmarks")).items()).isEmpty();
    assertThat(fx().eventTypes("work", w)).contains("WorkBookmarked", "WorkBookmarkUpdated");
  }

  @Test
  void validationNamesTheFields() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long w = work(author, "Star Road", "en", null);
    TestClient.Response longNote =
        reader.client().put("/api/v1/works/" + w + "/bookmark", Map.of("note", "长".repeat(5001)));
    assertProblem(longNote, 400, "/problems/validation");
    assertThat(longNote.string("errors.0.field")).isEqualTo("note");
    // 5,000 CJK characters are within the limit.
    expect(
        204,
        reader.client().put("/api/v1/works/" + w + "/bookmark", Map.of("note", "长".repeat(5000))));

    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("tag " + i);
    }
    TestClient.Response tooMany =
        reader.client().put("/api/v1/works/" + w + "/bookmark", Map.of("tags", many));
    assertProblem(tooMany, 400, "/problems/validation");
    assertThat(tooMany.string("errors.0.field")).isEqualTo("tags");
    TestClient.Response tooLong =
        reader
            .client()
            .put(
                "/api/v1/works/" + w + "/bookmark",
                Map.of("tags", List.of("fine", "x".repeat(101))));
    assertProblem(tooLong, 400, "/problems/validation");
    assertThat(tooLong.string("errors.0.field")).isEqualTo("tags[1]");
    // The failed attempts left the earlier bookmark as it was.
    assertThat(
            expect(200, reader.client().get("/api/v1/works/" + w)).string("viewer.bookmark.note"))
        .hasSize(5000);
  }

  @Test
  void myBookmarksListPostsAndWorksFilterableByKindAndTag() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long post = fx().firstPostId(fx().topic(author, fx().board()));
    expect(
        204, reader.client().put("/api/v1/posts/" + post + "/bookmark", Map.of("note", "a post")));
    long first = work(author, "First", "en", null);
    long second = work(author, "Second", "en", null);
    expect(
        204,
        reader
            .client()
            .put(
                "/api/v1/works/" + first + "/bookmark",
                Map.of("note", "*loved*", "tags", List.of("Reread"), "private", true)));
    expect(
        204,
        reader
            .client()
            .put("/api/v1/works/" + second + "/bookmark", Map.of("tags", List.of("later"))));

    List<Map<String, Object>> all =
        expect(200, reader.client().get("/api/v1/me/bookmarks")).items();
    assertThat(all).extracting(b -> b.get("kind")).containsExactly("work", "work", "post");
    assertThat(((Number) all.get(2).get("postId")).longValue()).isEqualTo(post);
    assertThat(all.get(2).get("note")).isEqualTo("a post");
    Map<String, Object> saved = map(all.get(1).get("work"));
    assertThat(((Number) map(saved.get("work")).get("id")).longValue()).isEqualTo(first);
    assertThat(map(saved.get("bookmark")).get("noteHtml").toString()).contains("<em>loved</em>");
    assertThat(map(saved.get("bookmark")).get("isPrivate")).isEqualTo(true);

    assertThat(expect(200, reader.client().get("/api/v1/me/bookmarks?tag=reread")).items())
        .extracting(b -> ((Number) map(map(b.get("work")).get("work")).get("id")).longValue())
        .containsExactly(first);
    assertThat(expect(200, reader.client().get("/api/v1/me/bookmarks?kind=post")).items())
        .extracting(b -> b.get("kind"))
        .containsExactly("post");
    assertThat(
            expect(200, reader.client().get("/api/v1/me/bookmarks?kind=post&tag=reread")).items())
        .isEmpty();
    assertProblem(
        reader.client().get("/api/v1/me/bookmarks?kind=topic"), 400, "/problems/validation");

    // Pages follow on across both kinds.
    TestClient.Response page1 = expect(200, reader.client().get("/api/v1/me/bookmarks?limit=2"));
    assertThat(page1.items()).hasSize(2);
    TestClient.Response page2 =
        expect(
            200,
            reader
                .client()
                .get("/api/v1/me/bookmarks?limit=2&cursor=" + page1.string("nextCursor")));
    assertThat(page2.items()).extracting(b -> b.get("kind")).containsExactly("post");

    // A work gone back to draft drops out of the reader's list.
    expect(200, author.client().patch("/api/v1/works/" + second, Map.of("visibility", "draft")));
    assertThat(expect(200, reader.client().get("/api/v1/me/bookmarks?kind=work")).items())
        .hasSize(1);
  }

  // ---- a translation's discussion -------------------------------------------------------------

  @Test
  void aTranslationLinkedAfterItsTopicStartedIsHiddenUntilGrantedAndShownOnGrant() {
    Account author = fx().member("writer");
    Account translator = fx().member("translator");
    Account stranger = fx().member("stranger");
    String board = fx().board();
    long original = work(author, "星际旅人", "zh-Hans", board);
    long translation = work(translator, "Star Wanderer", "en", board);
    Long topic = topicOf(translation);
    assertThat(topic).isNotNull();
    expect(200, stranger.client().get("/api/v1/topics/" + topic));

    expect(
        201,
        translator
            .client()
            .post("/api/v1/works/" + original + "/translations", Map.of("workId", translation)));
    // Its own topic, not the original's, hidden while the permission is requested.
    assertThat(topicOf(translation)).isEqualTo(topic).isNotEqualTo(topicOf(original));
    assertProblem(stranger.client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
    expect(200, translator.client().get("/api/v1/topics/" + topic));
    assertThat(fx().eventTypes("topic", topic)).contains("TopicHidden");

    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + original + "/translations/" + translation,
                Map.of("state", "granted")));
    expect(200, stranger.client().get("/api/v1/topics/" + topic));
    assertThat(fx().eventTypes("topic", topic)).contains("TopicUnhidden");

    // Declining later hides it again.
    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + original + "/translations/" + translation,
                Map.of("state", "declined")));
    assertProblem(stranger.client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
  }

  @Test
  void grantingStartsTheDiscussionInTheSameTransaction() {
    Account author = fx().member("writer");
    Account translator = fx().member("translator");
    Account stranger = fx().member("stranger");
    String board = fx().board();
    long original = work(author, "星际旅人", "zh-Hans", board);
    // A draft translation names its board, is linked, then published: its discussion waits.
    Map<String, Object> b = workBody("Star Wanderer", "en", "draft");
    b.put("board", board);
    long translation = id(expect(201, translator.client().post("/api/v1/works", b)));
    expect(
        201,
        translator
            .client()
            .post("/api/v1/works/" + original + "/translations", Map.of("workId", translation)));
    expect(
        200,
        translator.client().patch("/api/v1/works/" + translation, Map.of("visibility", "public")));
    assertThat(topicOf(translation)).isNull();

    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + original + "/translations/" + translation,
                Map.of("state", "granted")));
    Long topic = topicOf(translation);
    assertThat(topic).isNotNull().isNotEqualTo(topicOf(original));
    TestClient.Response seen = expect(200, stranger.client().get("/api/v1/topics/" + topic));
    assertThat(seen.string("title")).contains("Star Wanderer");
    // Started by the translator, not by the author who granted.
    assertThat(
            db.one(
                    "select author_id from posts where topic_id = ? and post_number = 1",
                    rs -> rs.getLong(1),
                    topic)
                .orElseThrow())
        .isEqualTo(translator.id());
    TestClient.Response work = expect(200, stranger.client().get("/api/v1/works/" + translation));
    assertThat(((Number) work.get("topicId")).longValue()).isEqualTo(topic);
  }

  // ---- series order, the caller's series, co-author invitations ------------------------------

  @Test
  void seriesReorderAndTheCreatorsSeriesList() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long a = work(author, "One", "en", null);
    long b = work(author, "Two", "en", null);
    long c = work(author, "Three", "en", null);
    long sid = id(expect(201, author.client().post("/api/v1/series", Map.of("title", "Trilogy"))));
    for (long w : List.of(a, b, c)) {
      expect(200, author.client().put("/api/v1/series/" + sid + "/works/" + w, null));
    }
    TestClient.Response reordered =
        expect(
            200,
            author
                .client()
                .put("/api/v1/series/" + sid + "/order", Map.of("workIds", List.of(c, a, b))));
    assertThat(ids(reordered.get("works"))).containsExactly(c, a, b);
    assertThat(ids(expect(200, reader.client().get("/api/v1/series/" + sid)).get("works")))
        .containsExactly(c, a, b);
    assertThat(fx().eventTypes("series", sid)).contains("SeriesReordered");

    TestClient.Response missing =
        author.client().put("/api/v1/series/" + sid + "/order", Map.of("workIds", List.of(c, a)));
    assertProblem(missing, 400, "/problems/validation");
    assertThat(missing.string("errors.0.field")).isEqualTo("workIds");
    assertProblem(
        reader
            .client()
            .put("/api/v1/series/" + sid + "/order", Map.of("workIds", List.of(a, b, c))),
        403,
        "/problems/forbidden");

    List<Map<String, Object>> mine = array(expect(200, author.client().get("/api/v1/me/series")));
    assertThat(mine).extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(sid);
    assertThat(((Number) mine.get(0).get("position")).intValue()).isEqualTo(3);
    assertThat(array(expect(200, reader.client().get("/api/v1/me/series")))).isEmpty();
  }

  @Test
  void pendingCoauthorInvitationsAreListedForTheInviteeUntilAnswered() {
    Account author = fx().member("writer");
    Account invitee = fx().member("invitee");
    Map<String, Object> b = workBody("Draft together", "en", "draft");
    long w = id(expect(201, author.client().post("/api/v1/works", b)));
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + w + "/coauthors", Map.of("handle", invitee.handle())));
    List<Map<String, Object>> pending =
        array(expect(200, invitee.client().get("/api/v1/me/work-invitations")));
    assertThat(pending).extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(w);
    assertThat(array(expect(200, author.client().get("/api/v1/me/work-invitations")))).isEmpty();
    expect(204, invitee.client().delete("/api/v1/works/" + w + "/coauthors/me"));
    assertThat(array(expect(200, invitee.client().get("/api/v1/me/work-invitations")))).isEmpty();
    assertProblem(anonymous().get("/api/v1/me/work-invitations"), 401, "/problems/unauthorized");
  }

  private static List<Long> ids(Object works) {
    List<Long> out = new ArrayList<>();
    for (Object o : (List<?>) works) {
      out.add(((Number) map(o).get("id")).longValue());
    }
    return out;
  }

  private List<Map<String, Object>> array(TestClient.Response r) {
    try {
      return json.readValue(
          r.body(),
          io.micronaut.core.type.Argument.listOf(
              io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String handle(Map<String, Object> bookmark) {
    return String.valueOf(map(bookmark.get("user")).get("handle"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
