package io.starbridge.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest(transactional = false)
class TopicListApiTest extends ForumTest {

  private List<Long> topics(Account author, String board, int n) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(fx().topic(author, board));
    }
    return ids;
  }

  private static List<Long> ids(TestClient.Response page) {
    return page.items().stream().map(m -> ((Number) m.get("id")).longValue()).toList();
  }

  /** Follows nextCursor to the end; fails on a repeated id. */
  private List<Long> walk(TestClient c, String path, String query) {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String url =
          path
              + "?"
              + query
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      TestClient.Response page = c.get(url);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      seen.addAll(ids(page));
      cursor = page.string("nextCursor");
      assertThat(++pages).isLessThan(200);
    } while (cursor != null);
    assertThat(new LinkedHashSet<>(seen)).as("no duplicates").hasSize(seen.size());
    return seen;
  }

  @Nested
  class KeysetPagination {
    @ParameterizedTest
    @ValueSource(strings = {"latest", "new", "top", "hot"})
    void walkingAllPagesYieldsEveryTopicOnce(String sort) {
      String board = fx().board();
      List<Long> created = topics(fx().admin(), board, 35);
      List<Long> seen =
          walk(anonymous(), "/api/v1/boards/" + board + "/topics", "sort=" + sort + "&limit=10");
      assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
      if (sort.equals("latest") || sort.equals("new")) {
        List<Long> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).isEqualTo(newestFirst);
      }
    }

    @Test
    void theDefaultPageHoldsThirtyTopics() {
      String board = fx().board();
      topics(fx().admin(), board, 31);
      TestClient.Response first = anonymous().get("/api/v1/boards/" + board + "/topics");
      assertThat(first.items()).hasSize(30);
      assertThat(first.string("nextCursor")).isNotNull();
      TestClient.Response second =
          anonymous()
              .get("/api/v1/boards/" + board + "/topics?cursor=" + first.string("nextCursor"));
      assertThat(second.items()).hasSize(1);
      assertThat(second.get("nextCursor")).isNull();
    }

    @Test
    void aReplyBringsATopicToTheTopOfLatest() {
      String board = fx().board();
      Account admin = fx().admin();
      List<Long> created = topics(admin, board, 3);
      fx().reply(admin, created.get(0));
      List<Long> latest = ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=latest"));
      assertThat(latest).containsExactly(created.get(0), created.get(2), created.get(1));
      List<Long> newest = ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=new"));
      assertThat(newest).containsExactly(created.get(2), created.get(1), created.get(0));
    }
  }

  @Nested
  class Ranking {
    @Test
    void topRanksLikesPlusRepliesWithinThePeriod() {
      String board = fx().board();
      List<Long> t = topics(fx().admin(), board, 3);
      db.update("update topics set like_count = 5 where id = ?", t.get(0));
      db.update("update topics set reply_count = 9 where id = ?", t.get(1));
      db.update(
          "update topics set like_count = 50, created_at = now() - interval '3 days' where id = ?",
          t.get(2));
      assertThat(ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=top")))
          .containsExactly(t.get(2), t.get(1), t.get(0));
      assertThat(ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=top&period=day")))
          .containsExactly(t.get(1), t.get(0));
      assertThat(ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=top&period=week")))
          .containsExactly(t.get(2), t.get(1), t.get(0));
    }

    @Test
    void hotFavoursRecentEngagementAndLeavesOldTopicsOut() {
      String board = fx().board();
      List<Long> t = topics(fx().admin(), board, 4);
      db.update("update topics set like_count = 3 where id = ?", t.get(0));
      db.update(
          "update topics set like_count = 30, created_at = now() - interval '2 days' where id = ?",
          t.get(1));
      db.update(
          "update topics set reply_count = 100, created_at = now() - interval '40 days' where id = ?",
          t.get(2));
      List<Long> hot = ids(anonymous().get("/api/v1/boards/" + board + "/topics?sort=hot"));
      assertThat(hot).containsExactly(t.get(0), t.get(1), t.get(3));
    }
  }

  @Nested
  class Pinning {
    @Test
    void pinnedTopicsLeadTheFirstPageOnly() {
      String board = fx().board();
      Account admin = fx().admin();
      List<Long> t = topics(admin, board, 6);
      admin.client().patch("/api/v1/topics/" + t.get(0), Map.of("pinned", "board"));
      admin.client().patch("/api/v1/topics/" + t.get(1), Map.of("pinned", "global"));
      TestClient.Response first = anonymous().get("/api/v1/boards/" + board + "/topics?limit=2");
      assertThat(ids(first)).containsExactly(t.get(1), t.get(0), t.get(5), t.get(4));
      assertThat(first.items().get(0).get("pinned")).isEqualTo("global");
      List<Long> all = walk(anonymous(), "/api/v1/boards/" + board + "/topics", "limit=2");
      assertThat(all).containsExactly(t.get(1), t.get(0), t.get(5), t.get(4), t.get(3), t.get(2));

      // Site-wide, only global pins lead; a board pin is an ordinary item there.
      List<Long> siteWide = ids(anonymous().get("/api/v1/topics?sort=new&limit=8"));
      assertThat(siteWide)
          .startsWith(t.get(1))
          .containsSubsequence(t.get(5), t.get(4), t.get(3), t.get(2), t.get(0));
      assertThat(siteWide.stream().filter(t.get(1)::equals).count()).isEqualTo(1);
    }
  }

  @Nested
  class Visibility {
    @Test
    void siteWideListsOnlyReadableBoardsAndNoDeletedTopics() {
      Account admin = fx().admin();
      long open = fx().topic(admin, fx().board());
      long staffOnly = fx().topic(admin, fx().board(Map.of("readAccess", "staff")));
      long members = fx().topic(admin, fx().board(Map.of("readAccess", "signed_in")));
      long deleted = fx().topic(admin, fx().board());
      admin.client().delete("/api/v1/topics/" + deleted);
      assertThat(ids(anonymous().get("/api/v1/topics?sort=new&limit=10")))
          .contains(open)
          .doesNotContain(staffOnly, members, deleted);
      assertThat(ids(fx().member("m").client().get("/api/v1/topics?sort=new&limit=10")))
          .contains(open, members)
          .doesNotContain(staffOnly, deleted);
      assertThat(ids(fx().moderator().client().get("/api/v1/topics?sort=new&limit=10")))
          .contains(open, members, staffOnly)
          .doesNotContain(deleted);
    }

    @Test
    void hiddenAndUnknownBoardsAreNotFound() {
      String staff = fx().board(Map.of("readAccess", "staff"));
      assertProblem(
          fx().member("m").client().get("/api/v1/boards/" + staff + "/topics"),
          404,
          "/problems/not-found");
      assertProblem(
          anonymous().get("/api/v1/boards/no-such-board/topics"), 404, "/problems/not-found");
    }

    @Test
    void tagListsShowReadableTopicsWithTheTag() {
      String tag = "标签" + fx().uniqueSlug("t").replace("-", "");
      Account admin = fx().admin();
      String board = fx().board();
      Map<String, Object> body = fx().topicBody(board);
      body.put("tags", List.of(tag.toUpperCase()));
      long tagged = id(admin.client().post("/api/v1/topics", body));
      Map<String, Object> hiddenBody = fx().topicBody(fx().board(Map.of("readAccess", "staff")));
      hiddenBody.put("tags", List.of(tag));
      long hidden = id(admin.client().post("/api/v1/topics", hiddenBody));
      fx().topic(admin, board);
      String path = "/api/v1/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/topics";
      assertThat(ids(anonymous().get(path))).containsExactly(tagged);
      assertThat(ids(admin.client().get(path))).containsExactlyInAnyOrder(tagged, hidden);
      assertProblem(anonymous().get("/api/v1/tags/x/topics"), 404, "/problems/not-found");
    }
  }

  @Nested
  class ReadState {
    @Test
    void membersSeeUnreadCountsAndNewTopicsAnonymousSeeNulls() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      fx().reply(author, topic);
      fx().reply(author, topic);
      Account reader = fx().member("reader");
      Map<String, Object> before =
          reader.client().get("/api/v1/boards/" + board + "/topics").items().get(0);
      assertThat(before.get("isNew")).isEqualTo(true);
      assertThat(before.get("unreadCount")).isEqualTo(0);
      assertThat(before.get("lastReadPostNumber")).isNull();
      reader.client().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 1));
      // At the normal level no unread count is kept; tracking shows it.
      Map<String, Object> normal =
          reader.client().get("/api/v1/boards/" + board + "/topics").items().get(0);
      assertThat(normal.get("unreadCount")).isEqualTo(0);
      assertThat(normal.get("watchLevel")).isEqualTo("normal");
      reader.client().put("/api/v1/topics/" + topic + "/watch", Map.of("level", "tracking"));
      Map<String, Object> after =
          reader.client().get("/api/v1/boards/" + board + "/topics").items().get(0);
      assertThat(after.get("isNew")).isEqualTo(false);
      assertThat(after.get("unreadCount")).isEqualTo(2);
      assertThat(after.get("lastReadPostNumber")).isEqualTo(1);
      Map<String, Object> own =
          author.client().get("/api/v1/boards/" + board + "/topics").items().get(0);
      assertThat(own.get("unreadCount")).isEqualTo(0);
      Map<String, Object> anon =
          anonymous().get("/api/v1/boards/" + board + "/topics").items().get(0);
      assertThat(anon)
          .containsEntry("isNew", null)
          .containsEntry("unreadCount", null)
          .containsEntry("lastReadPostNumber", null);
      assertThat(anon.get("replyCount")).isEqualTo(2);
      assertThat(anon.get("lastPoster")).isNotNull();
      assertThat(anon.get("excerpt")).isNotNull();
      assertThat(((Map<?, ?>) anon.get("board")).get("slug")).isEqualTo(board);
    }
  }

  @Nested
  class BadParameters {
    @Test
    void unknownSortsPeriodsLimitsAndCursorsAreRefused() {
      String path = "/api/v1/topics";
      assertProblem(anonymous().get(path + "?sort=random"), 400, "/problems/validation");
      assertProblem(anonymous().get(path + "?sort=top&period=decade"), 400, "/problems/validation");
      assertProblem(anonymous().get(path + "?limit=0"), 400, "/problems/validation");
      assertProblem(anonymous().get(path + "?limit=101"), 400, "/problems/validation");
      assertProblem(anonymous().get(path + "?limit=ten"), 400, "/problems/validation");
      assertProblem(anonymous().get(path + "?cursor=not-a-cursor"), 400, "/problems/validation");
      String farFuture =
          java.util.Base64.getUrlEncoder()
              .encodeToString(
                  "latest|+1000000000-01-01T00:00:00Z|+1000000000-01-01T00:00:00Z|1"
                      .getBytes(StandardCharsets.UTF_8));
      assertProblem(anonymous().get(path + "?cursor=" + farFuture), 400, "/problems/validation");
      String board = fx().board();
      topics(fx().admin(), board, 2);
      String latestCursor =
          anonymous().get("/api/v1/boards/" + board + "/topics?limit=1").string("nextCursor");
      assertProblem(
          anonymous().get("/api/v1/boards/" + board + "/topics?sort=new&cursor=" + latestCursor),
          400,
          "/problems/validation");
    }
  }
}
