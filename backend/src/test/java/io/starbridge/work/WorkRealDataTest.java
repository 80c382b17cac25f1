package io.starbridge.work;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.search.SearchIndex;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/**
 * Works on real-world data: long Chinese chapters, hundreds of chapters, emoji and traditional
 * titles, tags in mixed case and width, hostile text, oversized bodies.
 */
@MicronautTest(transactional = false)
class WorkRealDataTest extends ForumTest {
  @Inject SearchIndex index;

  /** Han characters only, so every character is exactly one word. */
  private static final String HAN =
      "星际航行的飞船穿过量子泡沫她在第七个轨道站观景窗前写下这封信宇宙很大生活很小" + "黑暗森林里每个文明都是带枪的猎人潜行于林间轻轻拨开挡路的树枝竭力不让脚步发出声音";

  private static String han(int n, long seed) {
    var random = new java.util.Random(seed);
    StringBuilder b = new StringBuilder(n + n / 400);
    for (int i = 0; i < n; i++) {
      if (i > 0 && i % 400 == 0) {
        b.append("\n\n");
      }
      b.append(HAN.charAt(random.nextInt(HAN.length())));
    }
    return b.toString();
  }

  private static String nonce() {
    StringBuilder b = new StringBuilder("zq");
    var random = ThreadLocalRandom.current();
    for (int i = 0; i < 12; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }

  /** JSON with every non-ASCII character escaped as backslash-u, as Python's json.dumps writes. */
  private static String asciiJson(Map<String, String> fields) {
    StringBuilder b = new StringBuilder("{");
    for (var e : fields.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(e.getKey()).append("\":\"");
      for (char c : e.getValue().toCharArray()) {
        if (c == '\n') {
          b.append("\\n");
        } else if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20 || c > 0x7e) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append('}').toString();
  }

  private Map<String, Object> workBody(String title) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "长篇连载");
    b.put("type", "novel");
    b.put("language", "zh-Hans");
    b.put("rating", "general");
    b.put("visibility", "public");
    return b;
  }

  private long work(Account author, String title) {
    return id(expect(201, author.client().post("/api/v1/works", workBody(title))));
  }

  private byte[] download(long work, String ext) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(server.getURL() + "/api/v1/works/" + work + "/download." + ext))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static Map<String, String> unzip(byte[] bytes) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  @Test
  void aChapterOfAHundredThousandChineseCharacters() throws Exception {
    Account author = fx().member("longw");
    long w = work(author, "十万字的一章");
    String word = nonce();
    String body = word + "\n\n" + han(100_000, 1);
    long started = System.nanoTime();
    TestClient.Response created =
        expect(
            201,
            author
                .client()
                .post("/api/v1/works/" + w + "/chapters", Map.of("title", "第一章", "body", body)));
    // Cooking, counting, registering and the outbox of 100,000 characters stay well under this.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(((Number) created.get("wordCount")).intValue()).isEqualTo(100_001);
    TestClient.Response view = expect(200, anonymous().get("/api/v1/works/" + w));
    assertThat(((Number) view.get("wordCount")).intValue()).isEqualTo(100_001);
    String tail = body.substring(body.length() - 300);
    assertThat(
            expect(200, anonymous().get("/api/v1/works/" + w + "/chapters/1")).string("bodyHtml"))
        .contains(tail);

    // Downloads carry the whole text; the EPUB stays valid XML.
    assertThat(new String(download(w, "html"), StandardCharsets.UTF_8)).contains(tail);
    Map<String, String> files = unzip(download(w, "epub"));
    assertThat(files.keySet().iterator().next()).isEqualTo("mimetype");
    String xhtml = files.get("OEBPS/chapter-1.xhtml");
    assertThat(xhtml).contains(tail);
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));

    // The registry hashed its paragraphs; search indexed its text.
    String paragraph = body.split("\n\n")[5];
    List<Map<String, Object>> found =
        anonymous().post("/api/v1/registry/verify", Map.of("text", paragraph)).items();
    assertThat(found).isNotEmpty();
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    TestClient.Response hits = anonymous().get("/api/v1/search?q=" + word + "&type=work");
    assertThat(hits.items()).extracting(i -> ((Number) i.get("id")).longValue()).containsExactly(w);
  }

  @Test
  void aLongChapterFitsTheBodyLimitEvenWithEveryCharacterEscaped() {
    Account author = fx().member("escw");
    long w = work(author, "二十万字");
    // 200,000 characters escaped as \\uXXXX are 1.2 MB of JSON: over the general 1 MB cap.
    String json = asciiJson(Map.of("title", "第二章", "body", han(200_000, 2)));
    assertThat(json.length()).isGreaterThan(1024 * 1024);
    TestClient.Response r =
        author
            .client()
            .send(
                "POST",
                "/api/v1/works/" + w + "/chapters",
                json,
                Map.of("Content-Type", "application/json"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(((Number) r.get("wordCount")).intValue()).isEqualTo(200_000);
    // Editing it takes the same body.
    TestClient.Response edited =
        author
            .client()
            .send(
                "PATCH",
                "/api/v1/works/" + w + "/chapters/1",
                json,
                Map.of("Content-Type", "application/json"));
    assertThat(edited.status()).isEqualTo(200);

    // Over the chapter cap, and other JSON over 1 MB: 413 problems, never a 500.
    byte[] huge = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    assertProblem(
        author
            .client()
            .send(
                "POST",
                "/api/v1/works/" + w + "/chapters",
                huge,
                Map.of("Content-Type", "application/json")),
        413,
        "/problems/payload-too-large");
    assertProblem(
        author
            .client()
            .send("POST", "/api/v1/works", json, Map.of("Content-Type", "application/json")),
        413,
        "/problems/payload-too-large");
    assertProblem(
        author
            .client()
            .send("PATCH", "/api/v1/works/" + w, json, Map.of("Content-Type", "application/json")),
        413,
        "/problems/payload-too-large");
    // Over the chapter length (500,000 characters) but within the body cap: a field error.
    TestClient.Response tooLong =
        author
            .client()
            .post(
                "/api/v1/works/" + w + "/chapters",
                Map.of("title", "太长", "body", "字".repeat(500_001)));
    assertProblem(tooLong, 400, "/problems/validation");
    assertThat(tooLong.string("errors.0.field")).isEqualTo("body");
    // Broken JSON is a 400.
    assertProblem(
        author
            .client()
            .send(
                "POST",
                "/api/v1/works/" + w + "/chapters",
                "{\"title\": \"x\", \"body\": ",
                Map.of("Content-Type", "application/json")),
        400,
        "/problems/malformed-request");
  }

  @Test
  @SuppressWarnings("unchecked")
  void threeHundredChapters() throws Exception {
    Account author = fx().member("serialw");
    long w = work(author, "三百章连载");
    for (int i = 1; i <= 300; i++) {
      expect(
          201,
          author
              .client()
              .post(
                  "/api/v1/works/" + w + "/chapters",
                  Map.of("title", "第" + i + "章", "body", "第" + i + "章的正文。" + han(50, i))));
    }
    long started = System.nanoTime();
    TestClient.Response view = expect(200, anonymous().get("/api/v1/works/" + w));
    List<Map<String, Object>> toc = (List<Map<String, Object>>) view.get("chapters");
    assertThat(toc).hasSize(300);
    assertThat(toc.get(299).get("title")).isEqualTo("第300章");
    assertThat(((Number) view.get("chapterCount")).intValue()).isEqualTo(300);

    // One chapter: its text and its neighbours, without the others.
    TestClient.Response middle =
        expect(200, anonymous().get("/api/v1/works/" + w + "/chapters/150"));
    assertThat(middle.string("bodyHtml")).contains("第150章的正文");
    assertThat(((Number) middle.get("previous")).intValue()).isEqualTo(149);
    assertThat(((Number) middle.get("next")).intValue()).isEqualTo(151);
    TestClient.Response first = expect(200, anonymous().get("/api/v1/works/" + w + "/chapters/1"));
    assertThat(first.get("previous")).isNull();
    assertThat(((Number) first.get("next")).intValue()).isEqualTo(2);
    TestClient.Response last = expect(200, anonymous().get("/api/v1/works/" + w + "/chapters/300"));
    assertThat(((Number) last.get("previous")).intValue()).isEqualTo(299);
    assertThat(last.get("next")).isNull();
    assertProblem(
        anonymous().get("/api/v1/works/" + w + "/chapters/301"), 404, "/problems/not-found");

    // The entire work in slices of 50.
    List<Map<String, Object>> slice =
        array(expect(200, anonymous().get("/api/v1/works/" + w + "/chapters?from=101&limit=50")));
    assertThat(slice).hasSize(50);
    assertThat(((Number) slice.get(0).get("position")).intValue()).isEqualTo(101);
    assertThat(((Number) slice.get(0).get("previous")).intValue()).isEqualTo(100);
    assertThat(((Number) slice.get(49).get("position")).intValue()).isEqualTo(150);
    assertThat(((Number) slice.get(49).get("next")).intValue()).isEqualTo(151);
    List<Map<String, Object>> end =
        array(expect(200, anonymous().get("/api/v1/works/" + w + "/chapters?from=291&limit=50")));
    assertThat(end).hasSize(10);
    assertThat(end.get(9).get("next")).isNull();
    assertProblem(
        anonymous().get("/api/v1/works/" + w + "/chapters?limit=51"), 400, "/problems/validation");
    assertProblem(
        anonymous().get("/api/v1/works/" + w + "/chapters?limit=0"), 400, "/problems/validation");
    assertThat(array(expect(200, anonymous().get("/api/v1/works/" + w + "/chapters"))))
        .hasSize(300);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

    // Listing stays a page, and the EPUB has every chapter.
    TestClient.Response listing = expect(200, anonymous().get("/api/v1/works?limit=5"));
    assertThat(listing.items()).hasSizeLessThanOrEqualTo(5);
    Map<String, String> files = unzip(download(w, "epub"));
    assertThat(files).containsKeys("OEBPS/chapter-1.xhtml", "OEBPS/chapter-300.xhtml");
    assertThat(files.keySet().stream().filter(k -> k.startsWith("OEBPS/chapter-"))).hasSize(300);
  }

  @Test
  @SuppressWarnings("unchecked")
  void emojiTraditionalTitlesAndTagsInMixedCaseAndWidth() {
    Account author = fx().member("tagw");
    String title = "🚀 銀河便車指南：終極問題的答案 👩‍🚀 " + nonce();
    Map<String, Object> body = workBody(title);
    body.put("language", "zh-Hant");
    body.put("genres", List.of("ＳＦ", "SF", "sf", "Ｓｐａｃｅ　Ｏｐｅｒａ", "space opera"));
    body.put("tags", List.of("銀河", "銀河", "星艦"));
    body.put("warnings", List.of("Violence", "violence", "ＶＩＯＬＥＮＣＥ", "血腥"));
    TestClient.Response created = expect(201, author.client().post("/api/v1/works", body));
    long w = id(created);
    assertThat(created.string("title")).isEqualTo(title);
    assertThat((List<Object>) created.get("genres")).containsExactly("sf", "space-opera");
    assertThat((List<Object>) created.get("tags")).containsExactly("銀河", "星艦");
    assertThat((List<Object>) created.get("warnings")).containsExactly("Violence", "血腥");
    assertThat(expect(200, anonymous().get("/api/v1/works/" + w)).string("title")).isEqualTo(title);

    // Filters take either spelling; include and exclude combine.
    for (String spelling : List.of("SF", "ＳＦ", "sf")) {
      assertThat(
              ids(anonymous().get("/api/v1/works?limit=100&language=zh-Hant&tag=" + enc(spelling))))
          .contains(w);
    }
    Map<String, Object> other = workBody("另一部 " + nonce());
    other.put("genres", List.of("sf"));
    long plain = id(expect(201, author.client().post("/api/v1/works", other)));
    List<Long> both =
        ids(anonymous().get("/api/v1/works?limit=100&tag=sf&excludeTag=" + enc("Ｓｐａｃｅ Ｏｐｅｒａ")));
    assertThat(both).contains(plain).doesNotContain(w);
    assertThat(ids(anonymous().get("/api/v1/works?limit=100&tag=sf&tag=" + enc("銀河"))))
        .contains(w)
        .doesNotContain(plain);
    assertThat(ids(anonymous().get("/api/v1/works?limit=100&tag=sf&excludeTag=" + enc("ｓｆ"))))
        .isEmpty();

    // A title of 200 characters (emoji count as one) is fine; 201 is a field error.
    String longTitle = "🚀".repeat(200);
    assertThat(
            expect(201, author.client().post("/api/v1/works", workBody(longTitle))).string("title"))
        .isEqualTo(longTitle);
    TestClient.Response tooLong = author.client().post("/api/v1/works", workBody("銀".repeat(201)));
    assertProblem(tooLong, 400, "/problems/validation");
    assertThat(tooLong.string("errors.0.field")).isEqualTo("title");
    // 31 distinct tags are too many; 30 are fine.
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      many.add("标签" + i);
    }
    Map<String, Object> tagged = workBody("标签很多");
    tagged.put("tags", many.subList(0, 30));
    expect(201, author.client().post("/api/v1/works", tagged));
    tagged.put("tags", many);
    assertProblem(author.client().post("/api/v1/works", tagged), 400, "/problems/validation");
  }

  @Test
  void listingAndSeriesEdgeCases() {
    TestClient anon = anonymous();
    TestClient.Response badSort = anon.get("/api/v1/works?sort=popularity");
    assertProblem(badSort, 400, "/problems/validation");
    assertThat(badSort.body()).contains("sort");
    for (String sort : List.of("date", "kudos", "bookmarks", "hits")) {
      expect(200, anon.get("/api/v1/works?sort=" + sort));
    }
    assertProblem(anon.get("/api/v1/works?limit=0"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/works?limit=101"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/works?limit=abc"), 400, "/problems/validation");
    expect(200, anon.get("/api/v1/works?limit=100"));
    assertProblem(anon.get("/api/v1/works?type=poem"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/works?language=fr"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/works?cursor=garbage"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/series/987654321"), 404, "/problems/not-found");
    assertProblem(
        anon.get("/api/v1/translation-requests?language=fr"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/translation-requests?limit=0"), 400, "/problems/validation");
    assertProblem(anon.get("/api/v1/works/987654321"), 404, "/problems/not-found");
    assertProblem(anon.get("/api/v1/works/987654321/chapters"), 404, "/problems/not-found");
  }

  @Test
  void translationRequestsMustBeAnswerable() {
    Account author = fx().member("reqw");
    Account reader = fx().member("reqr");
    long original = work(author, "原作 " + nonce());
    TestClient.Response same =
        reader
            .client()
            .post(
                "/api/v1/translation-requests", Map.of("workId", original, "language", "zh-Hans"));
    assertProblem(same, 400, "/problems/validation");
    assertThat(same.string("errors.0.field")).isEqualTo("language");
    assertProblem(
        reader
            .client()
            .post("/api/v1/translation-requests", Map.of("workId", 987654321L, "language", "en")),
        404,
        "/problems/not-found");
    expect(
        201,
        reader
            .client()
            .post("/api/v1/translation-requests", Map.of("workId", original, "language", "en")));
    assertProblem(
        reader
            .client()
            .post("/api/v1/translation-requests", Map.of("workId", original, "language", "en")),
        409,
        "/problems/conflict");

    // A translation is not itself translated: ask for the original.
    Map<String, Object> english = workBody("The Original " + nonce());
    english.put("language", "en");
    long translation = id(expect(201, author.client().post("/api/v1/works", english)));
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + original + "/translations", Map.of("workId", translation)));
    TestClient.Response ofTranslation =
        reader
            .client()
            .post(
                "/api/v1/translation-requests",
                Map.of("workId", translation, "language", "zh-Hant"));
    assertProblem(ofTranslation, 400, "/problems/validation");
    assertThat(ofTranslation.string("errors.0.field")).isEqualTo("workId");
    // Linking the author's own English translation fulfilled the reader's request.
    assertThat(
            reader
                .client()
                .get("/api/v1/translation-requests?language=en&work=" + original)
                .items())
        .isEmpty();
  }

  @Test
  void hostileTextNeverRunsAndNeverFails() throws Exception {
    Account author = fx().member("xssw");
    String script = "<script>alert('x')</script>";
    String hostile =
        script
            + " [click](javascript:alert(1)) <img src=x onerror=alert(1)>"
            + " <a href=\"javascript:alert(2)\">a</a> <iframe src=\"https://evil.example\"></iframe>"
            + " <svg onload=alert(3)></svg>";
    Map<String, Object> body = workBody(script + " 标题");
    body.put("summary", hostile);
    body.put("tags", List.of("标签"));
    body.put("warnings", List.of(script));
    TestClient.Response created = expect(201, author.client().post("/api/v1/works", body));
    long w = id(created);
    assertClean(created.string("summaryHtml"));
    Map<String, String> chapter = new HashMap<>();
    chapter.put("title", script);
    chapter.put("body", hostile + "\n\n正文");
    chapter.put("notesBefore", hostile);
    chapter.put("notesAfter", hostile);
    TestClient.Response ch =
        expect(201, author.client().post("/api/v1/works/" + w + "/chapters", chapter));
    assertClean(ch.string("bodyHtml"));
    assertClean(ch.string("notesBeforeHtml"));
    assertClean(ch.string("notesAfterHtml"));
    TestClient.Response bookmark =
        author
            .client()
            .put(
                "/api/v1/works/" + w + "/bookmark",
                Map.of("note", hostile, "tags", List.of(script)));
    assertThat(bookmark.status()).isLessThan(500);

    // The downloads escape the title and carry no script.
    String html = new String(download(w, "html"), StandardCharsets.UTF_8);
    assertClean(html);
    assertThat(html).contains("&lt;script&gt;");
    Map<String, String> files = unzip(download(w, "epub"));
    for (var f : files.entrySet()) {
      if (f.getKey().endsWith(".xhtml")) {
        assertClean(f.getValue());
      }
    }

    // Hostile unicode: a field error or success, never a 500.
    List<String> nasty =
        List.of(
            "e" + "\u0301".repeat(20_000),
            "\u202Egnp.exe",
            "a\u0000b",
            "\uFEFF\u200B\u200D",
            "𝕳𝖊𝖑𝖑𝖔 " + "🏳️‍🌈".repeat(50),
            "﷽".repeat(300));
    for (String s : nasty) {
      Map<String, Object> b = workBody(s);
      b.put("summary", s);
      b.put("tags", List.of("标签"));
      TestClient.Response r = author.client().post("/api/v1/works", b);
      assertThat(r.status()).as(s.substring(0, Math.min(10, s.length()))).isLessThan(500);
      TestClient.Response c =
          author.client().post("/api/v1/works/" + w + "/chapters", Map.of("title", s, "body", s));
      assertThat(c.status()).isLessThan(500);
      if (c.status() >= 400) {
        assertThat(c.contentType()).startsWith("application/problem+json");
      }
    }
    // A lone surrogate escaped in JSON is refused, not stored.
    TestClient.Response lone =
        author
            .client()
            .send(
                "POST",
                "/api/v1/works/" + w + "/chapters",
                "{\"title\":\"\\ud800\",\"body\":\"x\\ud800y\"}",
                Map.of("Content-Type", "application/json"));
    assertThat(lone.status()).isLessThan(500);
    // Nulls inside lists are field errors too.
    Map<String, Object> nulls = workBody("空值");
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    nulls.put("tags", withNull);
    nulls.put("warnings", withNull);
    assertProblem(author.client().post("/api/v1/works", nulls), 400, "/problems/validation");
  }

  /** Parsed as a browser would: no script, frame or event handler, no javascript: link. */
  private static void assertClean(String html) {
    var doc = org.jsoup.Jsoup.parse(html);
    assertThat(doc.select("script, iframe, svg, object, embed")).isEmpty();
    for (var el : doc.getAllElements()) {
      for (var a : el.attributes()) {
        assertThat(a.getKey()).doesNotStartWith("on");
        assertThat(a.getValue().strip().toLowerCase()).doesNotStartWith("javascript:");
      }
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<Long> ids(TestClient.Response r) {
    assertThat(r.status()).isEqualTo(200);
    return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
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
