package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search meets moderation and works: hidden posts and topics leave results and totals (and come
 * back when restored); works are found by their chapter text with their visibility's access token,
 * drafts never.
 */
@MicronautTest(transactional = false)
class SearchModerationWorksTest extends ForumTest {
  @Inject SearchIndex index;

  private void caughtUp() {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
  }

  /**
   * A word of random letters only: the analyzer splits letters from digits, and a query made of
   * several short tokens also matches loosely (other tests' words would then match too).
   */
  private static String nonce() {
    StringBuilder b = new StringBuilder("zq");
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 12; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }

  /** The ids of the hits of {@code q}, after checking that the total agrees with the items. */
  private static List<Long> ids(TestClient c, String q) {
    TestClient.Response r = c.get("/api/v1/search?q=" + q);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.items().size()).isEqualTo(((Number) r.get("total")).intValue());
    return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  private Map<String, Object> queueItem(Account mod, String type, long id) {
    return mod.client().get("/api/v1/mod/queue").items().stream()
        .filter(
            i -> type.equals(i.get("targetType")) && ((Number) i.get("targetId")).longValue() == id)
        .findFirst()
        .orElseThrow();
  }

  private void hideByStaffReport(Account mod, long postId) {
    TestClient.Response r =
        mod.client()
            .post(
                "/api/v1/reports",
                Map.of("targetType", "post", "targetId", postId, "reason", "spam", "note", "x"));
    assertThat(r.get("targetHidden")).isEqualTo(true);
  }

  private void restore(Account mod, long postId) {
    long reportId = ((Number) queueItem(mod, "post", postId).get("reportId")).longValue();
    fx().expect(
            200,
            mod.client()
                .post(
                    "/api/v1/mod/reports/" + reportId + "/resolve",
                    Map.of("action", "restore", "note", "fine")));
  }

  @Test
  void hiddenReplyLeavesResultsAndComesBackOnRestore() {
    Account author = fx().member("sa");
    Account reader = fx().member("sr");
    Account mod = fx().moderator();
    long topic = fx().topic(author, fx().board());
    String word = nonce();
    long reply = ((Number) fx().createReply(author, topic, "隐藏测试 " + word).get("id")).longValue();
    caughtUp();
    assertThat(ids(reader.client(), word)).containsExactly(reply);

    hideByStaffReport(mod, reply);
    caughtUp();
    assertThat(ids(reader.client(), word)).isEmpty();
    assertThat(ids(anonymous(), word)).isEmpty();

    restore(mod, reply);
    caughtUp();
    assertThat(ids(reader.client(), word)).containsExactly(reply);
  }

  @Test
  void hiddenTopicTakesItsRepliesAlong() {
    Account author = fx().member("ta");
    Account mod = fx().moderator();
    String word = nonce();
    String board = fx().board();
    long topic =
        ((Number)
                fx().expect(
                        201,
                        author
                            .client()
                            .post(
                                "/api/v1/topics",
                                Map.of(
                                    "board",
                                    board,
                                    "title",
                                    "话题 " + word,
                                    "body",
                                    "首帖 " + word,
                                    "tags",
                                    List.of())))
                    .get("id"))
            .longValue();
    long reply = ((Number) fx().createReply(author, topic, "回复 " + word).get("id")).longValue();
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactlyInAnyOrder(topic, reply);

    long first = fx().firstPostId(topic);
    hideByStaffReport(mod, first);
    caughtUp();
    assertThat(ids(anonymous(), word)).isEmpty();
    assertThat(ids(fx().member("tr").client(), word)).isEmpty();

    restore(mod, first);
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactlyInAnyOrder(topic, reply);
  }

  private long work(Account author, String title, String visibility) {
    return work(author, title, visibility, "zh-Hans");
  }

  private long work(Account author, String title, String visibility, String language) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "一个故事");
    b.put("type", "novel");
    b.put("language", language);
    b.put("genres", List.of("hard-sf"));
    b.put("tags", List.of("曲率引擎"));
    b.put("rating", "teen");
    b.put("warnings", List.of());
    b.put("visibility", visibility);
    return ((Number) fx().expect(201, author.client().post("/api/v1/works", b)).get("id"))
        .longValue();
  }

  private void chapter(Account author, long work, String body) {
    fx().expect(
            201,
            author
                .client()
                .post("/api/v1/works/" + work + "/chapters", Map.of("title", "第一章", "body", body)));
  }

  @Test
  void worksAreFoundByChapterTextWithTheirVisibility() {
    Account author = fx().member("wa");
    Account reader = fx().member("wr");
    String word = nonce();
    long open = work(author, "公开作品 " + word, "public");
    chapter(author, open, "飞船穿过了量子泡沫，" + word + " 在远方闪烁。");
    long members = work(author, "会员作品 " + word, "signed_in");
    chapter(author, members, "会员章节 " + word);
    long draft = work(author, "草稿作品 " + word, "draft");
    chapter(author, draft, "草稿章节 量子泡沫 " + word);
    caughtUp();

    // a Chinese word from the chapter text (not in title or summary) finds the public work
    TestClient.Response r = anonymous().get("/api/v1/search?q=量子泡沫&type=work");
    assertThat(r.status()).isEqualTo(200);
    Map<String, Object> hit =
        r.items().stream()
            .filter(i -> ((Number) i.get("id")).longValue() == open)
            .findFirst()
            .orElseThrow();
    assertThat(hit.get("type")).isEqualTo("work");
    assertThat(hit.get("url")).isEqualTo("/works/" + open);
    assertThat(hit.get("title")).isEqualTo("公开作品 " + word);
    assertThat((String) hit.get("snippetHtml")).contains("<mark>");
    assertThat(r.items())
        .allSatisfy(i -> assertThat(i.get("type")).isEqualTo("work"))
        .noneMatch(i -> ((Number) i.get("id")).longValue() == draft);

    // anonymous: only the public one (totals agree); signed in: the signed_in one too; the draft
    // never, not even for its author
    assertThat(ids(anonymous(), word)).containsExactly(open);
    assertThat(ids(reader.client(), word)).containsExactlyInAnyOrder(open, members);
    assertThat(ids(author.client(), word)).containsExactlyInAnyOrder(open, members);

    // back to draft: gone
    fx().expect(200, author.client().patch("/api/v1/works/" + open, Map.of("visibility", "draft")));
    caughtUp();
    assertThat(ids(reader.client(), word)).containsExactly(members);

    // deleted: gone
    fx().expect(204, author.client().delete("/api/v1/works/" + members));
    caughtUp();
    assertThat(ids(reader.client(), word)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> suggestedWorks(TestClient c, String q) {
    TestClient.Response r = c.get("/api/v1/search/suggest?q=" + q);
    assertThat(r.status()).isEqualTo(200);
    return (List<Map<String, Object>>) r.get("works");
  }

  @Test
  void workTitlesAreSuggestedToThoseWhoMayReadThem() {
    Account author = fx().member("ws");
    Account reader = fx().member("wx");
    String word = nonce();
    long open = work(author, "星门 " + word + " 纪事", "public");
    long members = work(author, "会员星门 " + word, "signed_in");
    work(author, "草稿星门 " + word, "draft");
    caughtUp();

    List<Map<String, Object>> anon = suggestedWorks(anonymous(), word);
    assertThat(anon).extracting(w -> ((Number) w.get("id")).longValue()).containsExactly(open);
    assertThat(anon.get(0).get("url")).isEqualTo("/works/" + open);
    assertThat(anon.get(0).get("title")).isEqualTo("星门 " + word + " 纪事");
    assertThat((String) anon.get(0).get("titleHtml")).contains("<mark>");
    assertThat(suggestedWorks(reader.client(), word))
        .extracting(w -> ((Number) w.get("id")).longValue())
        .containsExactlyInAnyOrder(open, members)
        .as("never the draft, and works are not mixed into the topic titles");
    assertThat(suggestedWorks(author.client(), "会员星门"))
        .extracting(w -> ((Number) w.get("id")).longValue())
        .contains(members);
    // a prefix of the title completes it
    assertThat(suggestedWorks(reader.client(), word.substring(0, word.length() - 2)))
        .extracting(w -> ((Number) w.get("id")).longValue())
        .contains(open);
  }

  @Test
  void aTranslationIsFoundOnlyOnceGranted() {
    Account original = fx().member("wo");
    Account translator = fx().member("wt");
    String word = nonce();
    long pub = work(original, "原作 " + word, "public");
    long translation = work(translator, "Translation " + word, "public", "en");
    chapter(translator, translation, "translated text " + word);
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactlyInAnyOrder(pub, translation);

    // linked: permission requested, so nobody finds it any more
    fx().expect(
            201,
            translator
                .client()
                .post("/api/v1/works/" + pub + "/translations", Map.of("workId", translation)));
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactly(pub);
    assertThat(ids(fx().member("wx").client(), word)).containsExactly(pub);

    fx().expect(
            200,
            original
                .client()
                .put(
                    "/api/v1/works/" + pub + "/translations/" + translation,
                    Map.of("state", "granted")));
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactlyInAnyOrder(pub, translation);
  }

  @Test
  void rebuildIndexesWorksAndSkipsHiddenPosts() throws Exception {
    Account author = fx().member("ra");
    Account mod = fx().moderator();
    String word = nonce();
    long open = work(author, "重建作品 " + word, "public");
    work(author, "重建草稿 " + word, "draft");
    long topic = fx().topic(author, fx().board());
    long shown = ((Number) fx().createReply(author, topic, "可见 " + word).get("id")).longValue();
    long hidden = ((Number) fx().createReply(author, topic, "隐藏 " + word).get("id")).longValue();
    hideByStaffReport(mod, hidden);
    caughtUp();
    assertThat(index.rebuildAsync().get()).startsWith("gen-");
    caughtUp();
    assertThat(ids(anonymous(), word)).containsExactlyInAnyOrder(open, shown);
    assertThat(ids(mod.client(), word)).containsExactlyInAnyOrder(open, shown);
  }

  @Test
  void workTypeIsAValidFilter() {
    assertThat(anonymous().get("/api/v1/search?q=x&type=work").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/v1/search?q=x&type=novel").status()).isEqualTo(400);
  }
}
