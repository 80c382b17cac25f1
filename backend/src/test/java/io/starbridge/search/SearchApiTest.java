package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** The index follows the forum through the outbox; search answers as the API contract says. */
@MicronautTest(transactional = false)
class SearchApiTest extends ForumTest {
  @Inject SearchIndex index;

  private void caughtUp() {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).as("indexer caught up").isTrue();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private TestClient.Response search(TestClient c, String query) {
    TestClient.Response r = c.get("/api/v1/search?" + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r;
  }

  private List<Object> ids(TestClient c, String query) {
    return search(c, query).items().stream()
        .map(i -> i.get("id"))
        .map(o -> (Object) ((Number) o).longValue())
        .toList();
  }

  private long topic(Account who, String board, String title, String body, List<String> tags) {
    Map<String, Object> req = new HashMap<>();
    req.put("board", board);
    req.put("title", title);
    req.put("body", body);
    req.put("tags", tags);
    return id(fx().expect(201, who.client().post("/api/v1/topics", req)));
  }

  @Test
  void createEditMoveDeleteChangeTheResults() {
    Account admin = fx().admin();
    String board = fx().board();
    String staffBoard = fx().board(Map.of("readAccess", "staff"));
    long t = topic(admin, board, "曲率引擎的原理讨论", "光速飞船需要曲率驱动 warp drives", List.of("物理"));
    caughtUp();
    TestClient anon = anonymous();
    String inBoard = "&board=" + board;
    assertThat(ids(anon, "q=" + enc("曲率") + inBoard)).containsExactly(t);
    assertThat(ids(anon, "q=" + enc("引擎") + inBoard))
        .as("bigram recall inside a word")
        .containsExactly(t);
    assertThat(ids(anon, "q=drive" + inBoard)).as("English stemming").containsExactly(t);

    fx().expect(200, admin.client().patch("/api/v1/topics/" + t, Map.of("title", "虫洞航行的原理讨论")));
    caughtUp();
    assertThat(ids(anon, "q=" + enc("虫洞") + inBoard)).containsExactly(t);
    assertThat(ids(anon, "q=" + enc("引擎") + inBoard)).isEmpty();

    long reply = fx().reply(admin, t);
    fx().expect(
            200,
            admin.client().patch("/api/v1/posts/" + reply, Map.of("body", "戴森球 dyson sphere")));
    caughtUp();
    TestClient.Response hit = search(anon, "q=" + enc("戴森球") + inBoard);
    assertThat(hit.items()).hasSize(1);
    assertThat(hit.items().get(0)).containsEntry("type", "post");
    assertThat((String) hit.items().get(0).get("snippetHtml")).contains("<mark>");
    assertThat((String) hit.items().get(0).get("url")).endsWith("/" + t + "/2");

    fx().expect(200, admin.client().patch("/api/v1/topics/" + t, Map.of("board", staffBoard)));
    caughtUp();
    assertThat(ids(anon, "q=" + enc("虫洞"))).doesNotContain(t);
    assertThat(ids(anon, "q=" + enc("戴森球"))).doesNotContain(reply);
    assertThat(ids(admin.client(), "q=" + enc("虫洞") + "&board=" + staffBoard)).containsExactly(t);

    fx().expect(204, admin.client().delete("/api/v1/posts/" + reply));
    caughtUp();
    assertThat(ids(admin.client(), "q=" + enc("戴森球") + "&board=" + staffBoard)).isEmpty();
    fx().expect(204, admin.client().delete("/api/v1/topics/" + t));
    caughtUp();
    assertThat(ids(admin.client(), "q=" + enc("虫洞") + "&board=" + staffBoard)).isEmpty();
  }

  @Test
  void chineseQueriesOfOneAndTwoCharactersTraditionalAndFullWidth() {
    Account admin = fx().admin();
    String board = fx().board();
    String b = "&board=" + board;
    long simplified = topic(admin, board, "量子纠缠与星际通信", "讨论量子纠缠能否超光速。", List.of());
    long traditional = topic(admin, board, "銀河帝國的興衰", "關於銀河帝國與機器人的小說。", List.of());
    long latin = topic(admin, board, "Foundation ABC notes", "Full width test ＸＹＺ", List.of());
    caughtUp();
    TestClient anon = anonymous();
    assertThat(ids(anon, "q=" + enc("糾纏") + b)).as("traditional query").containsExactly(simplified);
    assertThat(ids(anon, "q=" + enc("银河") + b)).as("simplified query").containsExactly(traditional);
    assertThat(ids(anon, "q=" + enc("帝国") + b)).containsExactly(traditional);
    assertThat(ids(anon, "q=" + enc("纠") + b)).as("one character").containsExactly(simplified);
    assertThat(ids(anon, "q=" + enc("ａｂｃ") + b)).as("full-width query").containsExactly(latin);
    assertThat(ids(anon, "q=xyz" + b)).as("full-width text").containsExactly(latin);
    assertThat(ids(anon, "q=" + enc("量子 foundation") + b)).as("every word must match").isEmpty();
    assertThat(ids(anon, "q=" + enc("\"星际通信\"") + b)).containsExactly(simplified);
    assertThat(ids(anon, "q=" + enc("量子 -超光速") + b)).isEmpty();
    TestClient.Response r = search(anon, "q=" + enc("銀河") + b);
    assertThat((String) r.items().get(0).get("titleHtml")).isEqualTo("<mark>銀河</mark>帝國的興衰");
  }

  @Test
  void operatorsFiltersSortCursorsAndBadSyntax() {
    Account admin = fx().admin();
    Account author = fx().member("writer");
    String board = fx().board();
    String b = "&board=" + board;
    long tagged = topic(admin, board, "深空探测器 A", "探测器 probe one", List.of("space"));
    long other = topic(admin, board, "深空探测器 B", "探测器 probe two <b>bold</b>", List.of());
    long byAuthor = topic(author, board, "深空探测器 C", "探测器 probe three", List.of());
    caughtUp();
    TestClient anon = anonymous();
    assertThat(ids(anon, "q=" + enc("探测器 #space") + b)).containsExactly(tagged);
    assertThat(ids(anon, "q=" + enc("探测器 tag:space") + b)).containsExactly(tagged);
    assertThat(ids(anon, "q=" + enc("探测器 @" + author.handle()) + b)).containsExactly(byAuthor);
    assertThat(ids(anon, "q=" + enc("探测器 board:" + board)))
        .containsExactlyInAnyOrder(tagged, other, byAuthor);
    assertThat(ids(anon, "q=" + enc("探测器 type:user") + b)).isEmpty();
    assertThat(ids(anon, "q=" + enc("探测器 before:2000-01-01") + b)).isEmpty();
    assertThat(ids(anon, "q=" + enc("探测器 after:2000-01-01") + b)).hasSize(3);
    assertThat(ids(anon, "sort=newest&q=" + enc("探测器") + b))
        .containsExactly(byAuthor, other, tagged);

    TestClient.Response page1 = search(anon, "limit=2&sort=newest&q=" + enc("探测器") + b);
    assertThat(page1.get("total")).isEqualTo(3);
    assertThat(page1.get("totalExact")).isEqualTo(true);
    String cursor = page1.string("nextCursor");
    assertThat(cursor).isNotNull();
    TestClient.Response page2 =
        search(anon, "limit=2&sort=newest&q=" + enc("探测器") + b + "&cursor=" + cursor);
    assertThat(page2.items()).hasSize(1);
    assertThat(page2.get("nextCursor")).isNull();

    for (String bad :
        List.of("\"unclosed", "-", "type:", "((", "AND OR NOT", "title:[a TO", "*?~^", "：：")) {
      search(anon, "q=" + enc(bad));
    }
    assertProblem(anon.get("/api/v1/search?q=x&cursor=nope"), 400, "/problems/validation");

    TestClient.Response snippet = search(anon, "q=bold" + b);
    assertThat((String) snippet.items().get(0).get("snippetHtml"))
        .contains("&lt;b&gt;<mark>bold</mark>&lt;/b&gt;")
        .doesNotContain("<b>");
  }

  @Test
  void aLatinRunWithDigitsMatchesExactlyNotLoosely() {
    Account admin = fx().admin();
    String board = fx().board();
    String stem = io.starbridge.support.Fixtures.letters(6);
    long wanted = topic(admin, board, "Model " + stem + "81cd", "spec sheet", List.of());
    long other = topic(admin, board, "Model " + stem + "81ef", "spec sheet", List.of());
    caughtUp();
    assertThat(ids(anonymous(), "q=" + stem + "81cd"))
        .containsExactly(wanted)
        .doesNotContain(other);
  }

  @Test
  void usersAreFoundByHandleAndName() {
    Account m = fx().member("stellar");
    caughtUp();
    TestClient.Response r = search(anonymous(), "type=user&q=" + m.handle());
    assertThat(r.items()).extracting(i -> i.get("url")).contains("/u/" + m.handle());
    TestClient.Response s =
        anonymous().get("/api/v1/search/suggest?q=" + enc("@" + m.handle().substring(0, 6)));
    assertThat(s.status()).isEqualTo(200);
    assertThat((List<?>) s.get("users")).isNotEmpty();
  }

  @Test
  void suggestionsCompleteTitlesAndTagsTheCallerMayRead() {
    Account admin = fx().admin();
    String open = fx().board();
    String closed = fx().board(Map.of("readAccess", "staff"));
    topic(admin, open, "Dyson swarm engineering 戴森云", "x", List.of("megastructure"));
    topic(admin, closed, "Dysonic secret plans 机密", "x", List.of("megasecret"));
    caughtUp();
    TestClient.Response anon = anonymous().get("/api/v1/search/suggest?q=dyso");
    assertThat(anon.status()).isEqualTo(200);
    assertThat(anon.get("titles").toString()).contains("Dyson swarm").doesNotContain("secret");
    assertThat(anonymous().get("/api/v1/search/suggest?q=" + enc("戴森")).get("titles").toString())
        .contains("Dyson swarm");
    assertThat(anonymous().get("/api/v1/search/suggest?q=" + enc("#megas")).get("tags").toString())
        .contains("megastructure")
        .doesNotContain("megasecret");
    assertThat(
            admin.client().get("/api/v1/search/suggest?q=" + enc("#megas")).get("tags").toString())
        .contains("megasecret");
  }

  @Test
  void crashBetweenApplyAndCommitLosesNothingAndDuplicatesNothing() throws Exception {
    Account admin = fx().admin();
    String board = fx().board();
    long t = topic(admin, board, "奥尔特云的彗星", "彗星 comet", List.of());
    caughtUp();
    index.crashAndReopen();
    long t2 = topic(admin, board, "柯伊伯带的矮行星", "矮行星 dwarf", List.of());
    caughtUp();
    TestClient anon = anonymous();
    assertThat(ids(anon, "q=" + enc("彗星") + "&board=" + board)).containsExactly(t);
    assertThat(ids(anon, "q=" + enc("矮行星") + "&board=" + board)).containsExactly(t2);
    // Re-applying every event again changes nothing: one document per key.
    index.replay(0);
    long docs =
        index
            .withSearcher(s -> count(s, new TermQuery(new Term(SearchFields.KEY, "topic:" + t))))
            .orElseThrow();
    assertThat(docs).isEqualTo(1);
    OutboxCursor c = index.position();
    assertThat(c.lastAppliedId()).isGreaterThan(0);
  }

  private static long count(
      org.apache.lucene.search.IndexSearcher s, org.apache.lucene.search.Query q) {
    try {
      return s.count(q);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rebuildWhileServingThenSwap() throws Exception {
    Account admin = fx().admin();
    String board = fx().board();
    long t = topic(admin, board, "环形世界的建造", "环形世界 ringworld", List.of());
    caughtUp();
    String before = index.position().xid();
    var done = index.rebuildAsync();
    // While the rebuild runs the old generation keeps answering.
    assertThat(ids(anonymous(), "q=ringworld&board=" + board)).containsExactly(t);
    long t2 = topic(admin, board, "环形世界的第二部", "ringworld two", List.of());
    assertThat(done.get()).startsWith("gen-");
    caughtUp();
    assertThat(ids(anonymous(), "q=ringworld&board=" + board)).containsExactlyInAnyOrder(t, t2);
    assertThat(index.isRebuilding()).isFalse();
    assertThat(index.generations()).containsExactly(done.get());
    assertThat(before).isNotNull();
  }

  @Test
  void aCorruptIndexIsRebuiltAtStartWhileSearchSaysSo() throws Exception {
    Account admin = fx().admin();
    String board = fx().board();
    long t = topic(admin, board, "黑洞信息悖论", "霍金辐射 hawking", List.of());
    caughtUp();
    String before = SearchRebuild.readCurrent(index.root());
    index.stop();
    // Damage every segments file of the serving generation.
    try (var files = java.nio.file.Files.list(index.root().resolve(before))) {
      for (var f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        java.nio.file.Files.write(f, new byte[] {1, 2, 3, 4});
      }
    }
    index.start();
    TestClient.Response during = search(anonymous(), "q=hawking&board=" + board);
    assertThat(during.map()).containsKey("rebuilding");
    caughtUp();
    assertThat(SearchRebuild.readCurrent(index.root())).isNotEqualTo(before);
    TestClient.Response after = search(anonymous(), "q=hawking&board=" + board);
    assertThat(after.get("rebuilding")).isEqualTo(false);
    assertThat(ids(anonymous(), "q=hawking&board=" + board)).containsExactly(t);
  }
}
