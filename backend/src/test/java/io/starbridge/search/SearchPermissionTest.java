package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The leak matrix: boards of every read rule against every kind of caller. What a caller may not
 * read appears in no result, no total, no snippet and no suggestion — also right after a board is
 * closed, and even when the index is stale (the page is re-checked against PostgreSQL).
 */
@MicronautTest(transactional = false)
class SearchPermissionTest extends ForumTest {
  @Inject SearchIndex index;

  private void caughtUp() {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void everyCallerSeesExactlyTheBoardsTheGuardianLetsItRead() {
    Account admin = fx().admin();
    String nonce = "leak" + io.starbridge.support.Fixtures.letters(12);
    Map<String, String> boards = new LinkedHashMap<>();
    boards.put("everyone", fx().board());
    boards.put("signed_in", fx().board(Map.of("readAccess", "signed_in")));
    boards.put("tl2", fx().board(Map.of("readAccess", "trust_level", "minReadTrust", 2)));
    boards.put("staff", fx().board(Map.of("readAccess", "staff")));
    for (var e : boards.entrySet()) {
      Map<String, Object> req = new HashMap<>();
      req.put("board", e.getValue());
      req.put("title", "秘密档案 " + nonce + " " + e.getKey());
      req.put("body", "机密内容 " + nonce);
      req.put("tags", List.of(nonce + e.getKey().replace("_", "")));
      long t = id(fx().expect(201, admin.client().post("/api/v1/topics", req)));
      fx().createReply(admin, t, "回复 " + nonce + " reply in " + e.getKey());
    }
    caughtUp();

    Map<String, TestClient> callers = new LinkedHashMap<>();
    callers.put("anonymous", anonymous());
    callers.put("member", fx().member("m").client());
    callers.put("tl2", fx().withTrust("t", 2).client());
    callers.put("moderator", fx().moderator().client());
    callers.put("admin", admin.client());
    Map<String, Set<String>> expected =
        Map.of(
            "anonymous", Set.of("everyone"),
            "member", Set.of("everyone", "signed_in"),
            "tl2", Set.of("everyone", "signed_in", "tl2"),
            "moderator", Set.of("everyone", "signed_in", "tl2", "staff"),
            "admin", Set.of("everyone", "signed_in", "tl2", "staff"));
    Map<String, String> slugToRule =
        boards.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    for (var c : callers.entrySet()) {
      Set<String> want = expected.get(c.getKey());
      TestClient.Response r = c.getValue().get("/api/v1/search?limit=50&q=" + nonce);
      assertThat(r.status()).isEqualTo(200);
      Set<String> seen = new TreeSet<>();
      for (Map<String, Object> item : r.items()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> board = (Map<String, Object>) item.get("board");
        seen.add(slugToRule.get((String) board.get("slug")));
      }
      assertThat(seen).as(c.getKey()).isEqualTo(new TreeSet<>(want));
      assertThat(((Number) r.get("total")).intValue())
          .as("total for " + c.getKey())
          .isEqualTo(want.size() * 2)
          .isEqualTo(r.items().size());
      String suggest = c.getValue().get("/api/v1/search/suggest?q=%23" + nonce).body();
      for (String rule : boards.keySet()) {
        String tag = nonce + rule.replace("_", "");
        assertThat(suggest.contains("\"" + tag + "\""))
            .as(c.getKey() + " tag suggestion " + tag)
            .isEqualTo(want.contains(rule));
      }
      String titles = c.getValue().get("/api/v1/search/suggest?q=" + nonce).body();
      for (String rule : boards.keySet()) {
        assertThat(titles.contains(nonce + " " + rule))
            .as(c.getKey() + " title suggestion " + rule)
            .isEqualTo(want.contains(rule));
      }
    }
  }

  @Test
  void closingABoardHidesItsTextRightAway() {
    Account admin = fx().admin();
    String board = fx().board();
    String nonce = "close" + io.starbridge.support.Fixtures.letters(12);
    fx().expect(
            201,
            admin
                .client()
                .post(
                    "/api/v1/topics",
                    Map.of(
                        "board", board, "title", "星门 " + nonce, "body", "x", "tags", List.of())));
    caughtUp();
    assertThat(anonymous().get("/api/v1/search?q=" + nonce).items()).hasSize(1);
    fx().expect(
            200,
            admin.client().patch("/api/v1/boards/" + board, Map.of("readAccess", "signed_in")));
    caughtUp();
    TestClient.Response r = anonymous().get("/api/v1/search?q=" + nonce);
    assertThat(r.items()).isEmpty();
    assertThat(r.get("total")).isEqualTo(0);
    assertThat(fx().member("reader").client().get("/api/v1/search?q=" + nonce).items()).hasSize(1);
  }

  @Test
  void aStaleIndexStillLeaksNothing() {
    Account admin = fx().admin();
    String board = fx().board();
    String nonce = "stale" + io.starbridge.support.Fixtures.letters(12);
    fx().expect(
            201,
            admin
                .client()
                .post(
                    "/api/v1/topics",
                    Map.of(
                        "board", board, "title", "黑洞 " + nonce, "body", "y", "tags", List.of())));
    caughtUp();
    // Behind the outbox's back: the index does not know, the page re-check does.
    db.update("update boards set read_access = 'staff' where slug = ?", board);
    assertThat(anonymous().get("/api/v1/search?q=" + nonce).items()).isEmpty();
    assertThat(admin.client().get("/api/v1/search?q=" + nonce).items()).hasSize(1);
  }
}
