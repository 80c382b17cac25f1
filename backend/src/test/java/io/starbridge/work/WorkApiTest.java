package io.starbridge.work;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WorkApiTest extends ForumTest {
  @Inject Chapters chapters;

  private Map<String, Object> workBody(String title, String visibility) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "一个关于**星际航行**的故事");
    b.put("type", "novel");
    b.put("language", "zh-Hans");
    b.put("genres", List.of("hard-sf", "first-contact"));
    b.put("tags", List.of("曲率引擎"));
    b.put("rating", "teen");
    b.put("warnings", List.of("violence"));
    b.put("visibility", visibility);
    return b;
  }

  private long work(Account author, String visibility) {
    return id(expect(201, author.client().post("/api/v1/works", workBody("星际旅人", visibility))));
  }

  private void chapter(Account author, long work, String title, String body) {
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + work + "/chapters", Map.of("title", title, "body", body)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void createPublishReadAndDiscuss() {
    Account author = fx().member("writer");
    String board = fx().board();
    Map<String, Object> body = workBody("深空回声", "public");
    body.put("board", board);
    TestClient.Response created = expect(201, author.client().post("/api/v1/works", body));
    long id = id(created);
    assertThat(created.string("visibility")).isEqualTo("public");
    assertThat(created.string("summaryHtml")).contains("<strong>星际航行</strong>");
    assertThat((List<Object>) created.get("genres")).containsExactly("hard-sf", "first-contact");
    assertThat(created.get("topicId")).isNotNull();
    long topicId = ((Number) created.get("topicId")).longValue();
    TestClient.Response topic = expect(200, anonymous().get("/api/v1/topics/" + topicId));
    assertThat(topic.string("title")).contains("深空回声");

    chapter(author, id, "第一章", "宇宙很大。\n\nThe universe is big.");
    chapter(author, id, "第二章", "生活很小");
    TestClient.Response view = expect(200, anonymous().get("/api/v1/works/" + id));
    // 宇宙很大 (4) + The universe is big (4) = 8; 生活很小 = 4
    assertThat(((Number) view.get("wordCount")).intValue()).isEqualTo(12);
    assertThat(((Number) view.get("chapterCount")).intValue()).isEqualTo(2);
    List<Map<String, Object>> toc = list(view.get("chapters"));
    assertThat(toc).extracting(c -> c.get("title")).containsExactly("第一章", "第二章");
    assertThat(view.get("summary")).isNull();

    TestClient.Response ch = expect(200, anonymous().get("/api/v1/works/" + id + "/chapters/2"));
    assertThat(ch.string("bodyHtml")).contains("生活很小");
    assertThat(((Number) ch.get("previous")).intValue()).isEqualTo(1);
    assertThat(ch.get("next")).isNull();
    assertThat(ch.get("body")).isNull();

    // chapter comments are posts in the discussion topic
    Account commenter = fx().member("commenter");
    TestClient.Response comment =
        expect(
            201,
            commenter
                .client()
                .post("/api/v1/works/" + id + "/chapters/2/comments", Map.of("body", "写得真好！")));
    assertThat(((Number) comment.get("topicId")).longValue()).isEqualTo(topicId);
    List<Map<String, Object>> comments =
        array(expect(200, anonymous().get("/api/v1/works/" + id + "/chapters/2/comments")));
    assertThat(comments)
        .extracting(c -> String.valueOf(c.get("bodyHtml")))
        .anyMatch(h -> h.contains("写得真好"));
    assertThat(array(expect(200, anonymous().get("/api/v1/works/" + id + "/chapters/1/comments"))))
        .isEmpty();

    List<String> events = fx().eventTypes("work", id);
    assertThat(events).contains("WorkCreated", "WorkPublished");
    assertThat(fx().events("work", id).get(1).payload())
        .contains("\"workId\"")
        .contains("\"authorIds\"")
        .contains("\"visibility\": \"public\"");

    // edits keep revisions; reorder; delete
    expect(
        200,
        author.client().patch("/api/v1/works/" + id + "/chapters/1", Map.of("body", "宇宙非常大。")));
    long chapterOne =
        db.one(
                "select id from chapters where work_id = ? and position = 1",
                rs -> rs.getLong(1),
                id)
            .orElseThrow();
    assertThat(
            db.list(
                "select body from chapter_revisions where chapter_id = ? order by revision",
                rs -> rs.getString(1),
                chapterOne))
        .containsExactly("宇宙很大。\n\nThe universe is big.", "宇宙非常大。");
    assertThat(fx().eventTypes("chapter", chapterOne))
        .contains("ChapterPublished", "ChapterEdited");
    TestClient.Response edited = expect(200, anonymous().get("/api/v1/works/" + id));
    assertThat(((Number) edited.get("wordCount")).intValue()).isEqualTo(5 + 4);

    long chapterTwo =
        db.one(
                "select id from chapters where work_id = ? and position = 2",
                rs -> rs.getLong(1),
                id)
            .orElseThrow();
    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + id + "/chapters/order",
                Map.of("chapterIds", List.of(chapterTwo, chapterOne))));
    assertThat(expect(200, anonymous().get("/api/v1/works/" + id + "/chapters/1")).string("title"))
        .isEqualTo("第二章");
    expect(204, author.client().delete("/api/v1/works/" + id + "/chapters/1"));
    TestClient.Response after = expect(200, anonymous().get("/api/v1/works/" + id));
    assertThat(list(after.get("chapters"))).extracting(c -> c.get("title")).containsExactly("第一章");

    // strangers cannot edit; the author can; the owner deletes
    Account stranger = fx().member("stranger");
    assertProblem(
        stranger.client().patch("/api/v1/works/" + id, Map.of("title", "x")),
        403,
        "/problems/forbidden");
    expect(200, author.client().patch("/api/v1/works/" + id, Map.of("status", "complete")));
    assertThat(fx().eventTypes("work", id)).contains("WorkUpdated");
    expect(204, author.client().delete("/api/v1/works/" + id));
    assertProblem(anonymous().get("/api/v1/works/" + id), 404, "/problems/not-found");
    assertThat(fx().eventTypes("work", id)).contains("WorkDeleted");
  }

  @Test
  void publishingAndRevisingAChapterRegistersBothInTheCopyrightRegistry() {
    Account author = fx().member("regw");
    long work = work(author, "public");
    String paragraph = "　　" + fx().uniqueSlug("p") + " 她在第七个轨道站的观景窗前写下了这封信。";
    chapter(author, work, "第一章", paragraph + "\n\n第二段同样足够长，也会被登记。");
    TestClient anon = anonymous();
    List<Map<String, Object>> found =
        anon.post("/api/v1/registry/verify", Map.of("text", paragraph.trim())).items();
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("kind")).isEqualTo("publication");
    assertThat(found.get(0).get("match")).isEqualTo("paragraph");

    expect(
        200,
        author
            .client()
            .patch(
                "/api/v1/works/" + work + "/chapters/1",
                Map.of("body", paragraph + "\n\n修订后的第二段，依然足够长，会再次登记。")));
    List<Map<String, Object>> both =
        anon.post("/api/v1/registry/verify", Map.of("text", paragraph.trim())).items();
    assertThat(both).extracting(i -> i.get("kind")).containsExactly("publication", "revision");
  }

  @Test
  void aSignedInWorkStartsNoDiscussionInABoardAnonymousReadersSee() {
    Account author = fx().member("sidisc");
    String board = fx().board();
    Map<String, Object> body = workBody("只给会员看的作品", "signed_in");
    body.put("board", board);
    long id = id(expect(201, author.client().post("/api/v1/works", body)));
    assertThat(expect(200, author.client().get("/api/v1/works/" + id)).get("topicId")).isNull();
    assertThat(anonymous().get("/api/v1/boards/" + board + "/topics").items()).isEmpty();

    expect(200, author.client().patch("/api/v1/works/" + id, Map.of("visibility", "public")));
    Object topicId = expect(200, author.client().get("/api/v1/works/" + id)).get("topicId");
    assertThat(topicId).isNotNull();
    assertThat(anonymous().get("/api/v1/boards/" + board + "/topics").items())
        .extracting(i -> i.get("id"))
        .containsExactly(topicId);
  }

  @Test
  void validationErrorsNameTheField() {
    Account author = fx().member("writer");
    Map<String, Object> body = workBody("", "public");
    assertProblem(author.client().post("/api/v1/works", body), 400, "/problems/validation");
    body = workBody("ok", "public");
    body.put("type", "poem");
    assertProblem(author.client().post("/api/v1/works", body), 400, "/problems/validation");
    assertProblem(
        anonymous().post("/api/v1/works", workBody("x", "public")), 401, "/problems/unauthorized");
  }

  /** Every kind of reader against every visibility. */
  @Test
  void visibilityMatrix() {
    Account author = fx().member("writer");
    Account coauthor = fx().member("coauthor");
    Account follower = fx().member("follower");
    Account stranger = fx().member("stranger");
    Account admin = fx().admin();
    expect(204, follower.client().put("/api/v1/users/" + author.handle() + "/follow", null));

    long draft = work(author, "draft");
    long signedIn = work(author, "signed_in");
    long pub = work(author, "public");
    for (long w : List.of(draft, signedIn, pub)) {
      chapter(author, w, "一", "正文");
      expect(
          201,
          author
              .client()
              .post("/api/v1/works/" + w + "/coauthors", Map.of("handle", coauthor.handle())));
      expect(200, coauthor.client().post("/api/v1/works/" + w + "/coauthors/accept", null));
    }
    // An English translation by a translator, not yet permitted.
    Account translator = fx().member("translator");
    Map<String, Object> tb = workBody("Star Wanderer", "public");
    tb.put("language", "en");
    long translation = id(expect(201, translator.client().post("/api/v1/works", tb)));
    chapter(translator, translation, "One", "Text");
    TestClient.Response linked =
        expect(
            201,
            translator
                .client()
                .post("/api/v1/works/" + pub + "/translations", Map.of("workId", translation)));
    assertThat(linked.string("state")).isEqualTo("requested");

    TestClient anon = anonymous();
    Map<String, TestClient> readers = new LinkedHashMap<>();
    readers.put("author", author.client());
    readers.put("coauthor", coauthor.client());
    readers.put("follower", follower.client());
    readers.put("stranger", stranger.client());
    readers.put("admin", admin.client());
    readers.put("anonymous", anon);
    readers.put("translator", translator.client());

    Map<String, List<Long>> expected = new HashMap<>();
    expected.put("author", List.of(draft, signedIn, pub, translation)); // original author sees it
    expected.put("coauthor", List.of(draft, signedIn, pub, translation));
    expected.put("follower", List.of(signedIn, pub));
    expected.put("stranger", List.of(signedIn, pub));
    expected.put("admin", List.of(draft, signedIn, pub, translation));
    expected.put("anonymous", List.of(pub));
    expected.put("translator", List.of(signedIn, pub, translation));

    for (var e : readers.entrySet()) {
      List<Long> seen = new ArrayList<>();
      for (long w : List.of(draft, signedIn, pub, translation)) {
        TestClient.Response r = e.getValue().get("/api/v1/works/" + w);
        if (r.status() == 200) {
          seen.add(w);
          expect(200, e.getValue().get("/api/v1/works/" + w + "/chapters/1"));
          expect(
              200,
              e.getValue().get("/api/v1/works/" + w + "/download.html", Map.of("Accept", "*/*")));
        } else {
          assertProblem(r, 404, "/problems/not-found");
          assertProblem(
              e.getValue().get("/api/v1/works/" + w + "/chapters"), 404, "/problems/not-found");
          assertProblem(
              e.getValue().get("/api/v1/works/" + w + "/download.epub", Map.of("Accept", "*/*")),
              404,
              "/problems/not-found");
        }
      }
      assertThat(seen).as(e.getKey()).containsExactlyElementsOf(expected.get(e.getKey()));
      // The author's profile lists what the reader may read of the author's works.
      List<Long> listed =
          expect(200, e.getValue().get("/api/v1/users/" + author.handle() + "/works?limit=100"))
              .items()
              .stream()
              .map(m -> ((Number) m.get("id")).longValue())
              .toList();
      List<Long> ownWorks = new ArrayList<>(expected.get(e.getKey()));
      ownWorks.remove(translation);
      assertThat(listed).as(e.getKey()).containsExactlyInAnyOrderElementsOf(ownWorks);
      long count =
          ((Number)
                  expect(200, e.getValue().get("/api/v1/users/" + author.handle()))
                      .get("counts.works"))
              .longValue();
      assertThat(count).as(e.getKey()).isEqualTo(ownWorks.size());
      // Translations list of the original
      if (seen.contains(pub)) {
        List<Long> translations =
            array(expect(200, e.getValue().get("/api/v1/works/" + pub + "/translations"))).stream()
                .map(m -> ((Number) ((Map<?, ?>) m.get("work")).get("id")).longValue())
                .toList();
        assertThat(translations.contains(translation))
            .as(e.getKey())
            .isEqualTo(seen.contains(translation));
      }
    }

    // Only the original's authors decide; then everybody sees the translation.
    assertProblem(
        translator
            .client()
            .put(
                "/api/v1/works/" + pub + "/translations/" + translation,
                Map.of("state", "granted")),
        403,
        "/problems/forbidden");
    TestClient.Response granted =
        expect(
            200,
            coauthor
                .client()
                .put(
                    "/api/v1/works/" + pub + "/translations/" + translation,
                    Map.of("state", "granted")));
    assertThat(granted.string("state")).isEqualTo("granted");
    expect(200, anon.get("/api/v1/works/" + translation));
    TestClient.Response t = expect(200, anon.get("/api/v1/works/" + translation));
    assertThat(((Number) t.get("translationOf.id")).longValue()).isEqualTo(pub);
    expect(
        200,
        author
            .client()
            .put(
                "/api/v1/works/" + pub + "/translations/" + translation,
                Map.of("state", "declined")));
    assertProblem(anon.get("/api/v1/works/" + translation), 404, "/problems/not-found");
    assertThat(fx().eventTypes("work", translation))
        .contains(
            "TranslationPermissionRequested",
            "TranslationPermissionGranted",
            "TranslationPermissionDeclined");

    // Listing: SQL agrees with the Guardian (no drafts in listings, even for the author).
    for (var e : readers.entrySet()) {
      List<Long> listed =
          expect(200, e.getValue().get("/api/v1/works?limit=100&tag=曲率引擎")).items().stream()
              .map(m -> ((Number) m.get("id")).longValue())
              .filter(List.of(draft, signedIn, pub, translation)::contains)
              .toList();
      List<Long> want = new ArrayList<>(expected.get(e.getKey()));
      want.remove(draft);
      assertThat(listed).as(e.getKey()).containsExactlyInAnyOrderElementsOf(want);
    }

    // Co-authors edit; strangers cannot; only the owner deletes.
    expect(200, coauthor.client().patch("/api/v1/works/" + draft, Map.of("title", "改名")));
    assertProblem(
        stranger.client().patch("/api/v1/works/" + pub, Map.of("title", "x")),
        403,
        "/problems/forbidden");
    assertProblem(
        stranger.client().patch("/api/v1/works/" + draft, Map.of("title", "x")),
        404,
        "/problems/not-found");
    assertProblem(coauthor.client().delete("/api/v1/works/" + pub), 403, "/problems/forbidden");
    expect(204, admin.client().delete("/api/v1/works/" + signedIn));
  }

  @Test
  void kudosBookmarksSubscriptionsAndHits() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long w = work(author, "public");
    chapter(author, w, "一", "正文");
    assertProblem(
        author.client().put("/api/v1/works/" + w + "/kudos", null), 403, "/problems/forbidden");
    assertProblem(
        anonymous().put("/api/v1/works/" + w + "/kudos", null), 401, "/problems/unauthorized");
    expect(204, reader.client().put("/api/v1/works/" + w + "/kudos", null));
    expect(204, reader.client().put("/api/v1/works/" + w + "/kudos", null));
    expect(
        204,
        reader
            .client()
            .put(
                "/api/v1/works/" + w + "/bookmark",
                Map.of("note", "好看", "tags", List.of("reread"), "isPrivate", true)));
    expect(204, reader.client().put("/api/v1/works/" + w + "/subscribe", null));
    expect(
        204,
        reader
            .client()
            .put("/api/v1/works/" + w + "/position", Map.of("chapter", 1, "progress", 0.5)));
    TestClient.Response v = expect(200, reader.client().get("/api/v1/works/" + w));
    assertThat(((Number) v.get("kudos")).intValue()).isEqualTo(1);
    assertThat(((Number) v.get("bookmarks")).intValue()).isEqualTo(1);
    assertThat(v.get("viewer.kudos")).isEqualTo(true);
    assertThat(v.get("viewer.subscribed")).isEqualTo(true);
    assertThat(v.string("viewer.bookmark.note")).isEqualTo("好看");
    assertThat(v.get("viewer.bookmark.isPrivate")).isEqualTo(true);
    assertThat(((Number) v.get("viewer.position.chapter")).intValue()).isEqualTo(1);
    assertThat(fx().eventTypes("work", w))
        .contains("KudosGiven", "WorkSubscribed", "WorkBookmarked");
    assertThat(fx().eventTypes("work", w).stream().filter("KudosGiven"::equals).count())
        .isEqualTo(1);

    // hits: once per reader per hour
    reader.client().get("/api/v1/works/" + w);
    long hits =
        ((Number) expect(200, reader.client().get("/api/v1/works/" + w)).get("hits")).longValue();
    assertThat(hits).isEqualTo(1);

    expect(204, reader.client().delete("/api/v1/works/" + w + "/kudos"));
    expect(204, reader.client().delete("/api/v1/works/" + w + "/bookmark"));
    expect(204, reader.client().delete("/api/v1/works/" + w + "/subscribe"));
    TestClient.Response after = expect(200, reader.client().get("/api/v1/works/" + w));
    assertThat(((Number) after.get("kudos")).intValue()).isZero();
    assertThat(((Number) after.get("bookmarks")).intValue()).isZero();
    assertThat(after.get("viewer.subscribed")).isEqualTo(false);

    // sort by kudos puts a work with kudos first among these
    long other = work(author, "public");
    expect(204, reader.client().put("/api/v1/works/" + other + "/kudos", null));
    List<Long> byKudos =
        expect(200, anonymous().get("/api/v1/works?sort=kudos&limit=100")).items().stream()
            .map(m -> ((Number) m.get("id")).longValue())
            .filter(List.of(w, other)::contains)
            .toList();
    assertThat(byKudos).containsExactly(other, w);
  }

  @Test
  void listingFiltersIncludeAndExcludeTagsAndPages() {
    Account author = fx().member("writer");
    String marker = "mk" + Long.toString(System.nanoTime() % 1_000_000, 36);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> b = workBody("作品" + i, "public");
      b.put("tags", i % 2 == 0 ? List.of(marker, "cyberpunk") : List.of(marker));
      b.put("language", i == 4 ? "en" : "zh-Hans");
      ids.add(id(expect(201, author.client().post("/api/v1/works", b))));
    }
    assertThat(listIds("/api/v1/works?limit=100&tag=" + marker))
        .containsExactlyElementsOf(reversed(ids));
    assertThat(listIds("/api/v1/works?limit=100&tag=" + marker + "&tag=cyberpunk"))
        .containsExactly(ids.get(4), ids.get(2), ids.get(0));
    assertThat(listIds("/api/v1/works?limit=100&tag=" + marker + "&excludeTag=cyberpunk"))
        .containsExactly(ids.get(3), ids.get(1));
    assertThat(listIds("/api/v1/works?limit=100&tag=" + marker + "&language=en"))
        .containsExactly(ids.get(4));
    assertThat(listIds("/api/v1/works?limit=100&tag=" + marker + "&type=comic")).isEmpty();
    // cursor paging over the same filter
    TestClient.Response p1 = expect(200, anonymous().get("/api/v1/works?limit=2&tag=" + marker));
    String cursor = p1.string("nextCursor");
    assertThat(cursor).isNotNull();
    TestClient.Response p2 =
        expect(200, anonymous().get("/api/v1/works?limit=2&tag=" + marker + "&cursor=" + cursor));
    assertThat(p2.items())
        .extracting(m -> ((Number) m.get("id")).longValue())
        .containsExactly(ids.get(2), ids.get(1));
    assertProblem(anonymous().get("/api/v1/works?sort=worst"), 400, "/problems/validation");
  }

  @Test
  void scheduledChapterAppearsWhenItsTimeComes() throws Exception {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long w = work(author, "public");
    chapter(author, w, "一", "正文");
    Instant at = Instant.now().plusSeconds(2);
    TestClient.Response scheduled =
        expect(
            201,
            author
                .client()
                .post(
                    "/api/v1/works/" + w + "/chapters",
                    Map.of("title", "二", "body", "未来的章节", "publishAt", at.toString())));
    assertThat(scheduled.get("publishedAt")).isNull();
    assertProblem(
        reader.client().get("/api/v1/works/" + w + "/chapters/2"), 404, "/problems/not-found");
    assertThat(list(expect(200, reader.client().get("/api/v1/works/" + w)).get("chapters")))
        .hasSize(1);
    assertThat(list(expect(200, author.client().get("/api/v1/works/" + w)).get("chapters")))
        .hasSize(2);
    long chapterId = ((Number) scheduled.get("id")).longValue();
    assertThat(fx().eventTypes("chapter", chapterId)).doesNotContain("ChapterPublished");
    Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 200);
    chapters.publishDue();
    TestClient.Response ch = expect(200, reader.client().get("/api/v1/works/" + w + "/chapters/2"));
    assertThat(ch.string("bodyHtml")).contains("未来的章节");
    assertThat(fx().eventTypes("chapter", chapterId)).containsOnlyOnce("ChapterPublished");
    TestClient.Response view = expect(200, reader.client().get("/api/v1/works/" + w));
    assertThat(((Number) view.get("wordCount")).intValue()).isEqualTo(2 + 5);
  }

  @Test
  void epubIsAValidZipWithEveryChapter() throws Exception {
    Account author = fx().member("writer");
    long w = work(author, "public");
    chapter(
        author, w, "第一章 <启程>", "第一段 & more<br>\n\n![img](https://example.org/a.png)\n\n---\n\n文字");
    chapter(author, w, "第二章", "第二段 **粗体**");
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/v1/works/" + w + "/download.epub"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/epub+zip");
    byte[] bytes = r.body();
    // The first local header: "mimetype", stored (method 0), content right after the name.
    assertThat(new String(bytes, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
    assertThat(bytes[8] | (bytes[9] << 8)).isZero();
    assertThat(new String(bytes, 38, 20, StandardCharsets.US_ASCII))
        .isEqualTo("application/epub+zip");
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, Integer> methods = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        methods.put(e.getName(), e.getMethod());
      }
    }
    assertThat(files.keySet().iterator().next()).isEqualTo("mimetype");
    assertThat(methods.get("mimetype")).isEqualTo(ZipEntry.STORED);
    assertThat(files.get("META-INF/container.xml")).contains("OEBPS/content.opf");
    String opf = files.get("OEBPS/content.opf");
    assertThat(opf)
        .contains("version=\"3.0\"")
        .contains("<dc:title>星际旅人</dc:title>")
        .contains("dcterms:modified");
    assertThat(opf)
        .contains("href=\"chapter-1.xhtml\"")
        .contains("href=\"chapter-2.xhtml\"")
        .contains("properties=\"nav\"");
    assertThat(files)
        .containsKeys(
            "OEBPS/nav.xhtml",
            "OEBPS/title.xhtml",
            "OEBPS/chapter-1.xhtml",
            "OEBPS/chapter-2.xhtml");
    assertThat(files.get("OEBPS/chapter-1.xhtml")).contains("第一段").contains("&lt;启程&gt;");
    assertThat(files.get("OEBPS/chapter-2.xhtml")).contains("<strong>粗体</strong>");
    // Every XML file is well-formed.
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".xhtml")
          || f.getKey().endsWith(".xml")
          || f.getKey().endsWith(".opf")) {
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(f.getValue().getBytes(StandardCharsets.UTF_8)));
      }
    }
    TestClient.Response html =
        expect(
            200,
            anonymous()
                .get("/api/v1/works/" + w + "/download.html", Map.of("Accept", "text/html")));
    assertThat(html.body()).contains("第一段").contains("第二段");
  }

  @Test
  void seriesAndTranslationRequests() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long a = work(author, "public");
    long b = work(author, "draft");
    TestClient.Response s =
        expect(
            201, author.client().post("/api/v1/series", Map.of("title", "星际三部曲", "summary", "三部")));
    long sid = id(s);
    expect(200, author.client().put("/api/v1/series/" + sid + "/works/" + a, null));
    expect(200, author.client().put("/api/v1/series/" + sid + "/works/" + b, null));
    assertProblem(
        reader.client().put("/api/v1/series/" + sid + "/works/" + a, null),
        403,
        "/problems/forbidden");
    TestClient.Response forReader = expect(200, reader.client().get("/api/v1/series/" + sid));
    assertThat(list(forReader.get("works")))
        .extracting(m -> ((Number) m.get("id")).longValue())
        .containsExactly(a);
    TestClient.Response forAuthor = expect(200, author.client().get("/api/v1/series/" + sid));
    assertThat(list(forAuthor.get("works")))
        .extracting(m -> ((Number) m.get("id")).longValue())
        .containsExactly(a, b);
    assertThat(list(expect(200, reader.client().get("/api/v1/works/" + a)).get("series")))
        .hasSize(1);
    expect(200, author.client().patch("/api/v1/series/" + sid, Map.of("title", "新名字")));
    expect(204, reader.client().put("/api/v1/series/" + sid + "/subscribe", null));
    expect(204, author.client().delete("/api/v1/series/" + sid + "/works/" + b));

    TestClient.Response req =
        expect(
            201,
            reader
                .client()
                .post(
                    "/api/v1/translation-requests",
                    Map.of("workId", a, "language", "en", "note", "please")));
    assertThat(((Number) req.get("work.id")).longValue()).isEqualTo(a);
    assertProblem(
        reader.client().post("/api/v1/translation-requests", Map.of("workId", a, "language", "en")),
        409,
        "/problems/conflict");
    assertProblem(
        reader.client().post("/api/v1/translation-requests", Map.of("workId", b, "language", "en")),
        404,
        "/problems/not-found");
    assertThat(listIds("/api/v1/translation-requests?language=en&work=" + a)).hasSize(1);
    // A translation into English fulfils it.
    Account translator = fx().member("translator");
    Map<String, Object> tb = workBody("Trilogy", "public");
    tb.put("language", "en");
    long t = id(expect(201, translator.client().post("/api/v1/works", tb)));
    expect(
        201, translator.client().post("/api/v1/works/" + a + "/translations", Map.of("workId", t)));
    assertThat(listIds("/api/v1/translation-requests?language=en&work=" + a)).isEmpty();
  }

  @Test
  void coauthorInvitationFlow() {
    Account owner = fx().member("owner");
    Account co = fx().member("co");
    long w = work(owner, "draft");
    expect(
        201,
        owner.client().post("/api/v1/works/" + w + "/coauthors", Map.of("handle", co.handle())));
    TestClient.Response invited = expect(200, co.client().get("/api/v1/works/" + w));
    assertThat(invited.get("permissions.canAcceptInvitation")).isEqualTo(true);
    assertThat(invited.get("permissions.canEdit")).isEqualTo(false);
    assertProblem(
        co.client().patch("/api/v1/works/" + w, Map.of("title", "x")), 403, "/problems/forbidden");
    assertProblem(
        owner.client().post("/api/v1/works/" + w + "/coauthors", Map.of("handle", co.handle())),
        409,
        "/problems/conflict");
    TestClient.Response accepted =
        expect(200, co.client().post("/api/v1/works/" + w + "/coauthors/accept", null));
    assertThat(list(accepted.get("authors")))
        .extracting(m -> m.get("handle"))
        .containsExactly(owner.handle(), co.handle());
    assertThat(fx().eventTypes("work", w)).contains("CoauthorInvited", "CoauthorAccepted");
    expect(204, co.client().delete("/api/v1/works/" + w + "/coauthors/me"));
    assertProblem(co.client().get("/api/v1/works/" + w), 404, "/problems/not-found");
  }

  @Test
  void coverUploadUsesTheImagePipelineAndOnlyAuthorsMayChangeIt() throws Exception {
    Account author = fx().member("writer");
    Account stranger = fx().member("stranger");
    long w = work(author, "public");
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(1600, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(img, "png", png);
    assertProblem(
        upload(stranger.client(), "/api/v1/works/" + w + "/cover", png.toByteArray()),
        403,
        "/problems/forbidden");
    TestClient.Response r =
        expect(200, upload(author.client(), "/api/v1/works/" + w + "/cover", png.toByteArray()));
    String url = r.string("coverUrl");
    assertThat(url).startsWith("/media/cv-").endsWith(".jpg");
    assertThat(expect(200, anonymous().get("/api/v1/works/" + w)).string("coverUrl"))
        .isEqualTo(url);
    assertProblem(
        upload(
            author.client(),
            "/api/v1/works/" + w + "/cover",
            "not an image".getBytes(StandardCharsets.UTF_8)),
        400,
        "/problems/validation");
    expect(204, author.client().delete("/api/v1/works/" + w + "/cover"));
    assertThat(expect(200, anonymous().get("/api/v1/works/" + w)).get("coverUrl")).isNull();
  }

  private static TestClient.Response upload(TestClient client, String path, byte[] file) {
    String boundary = "----sbwork" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return client.send(
        "PUT",
        path,
        body.toByteArray(),
        Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
  }

  private List<Long> listIds(String path) {
    return expect(200, anonymous().get(path)).items().stream()
        .map(m -> ((Number) m.get("id")).longValue())
        .toList();
  }

  private static <T> List<T> reversed(List<T> in) {
    List<T> out = new ArrayList<>(in);
    java.util.Collections.reverse(out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
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
}
