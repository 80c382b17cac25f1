package io.starbridge.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BookmarkApiTest extends ForumTest {

  @Test
  void bookmarksAreKeptWithANoteAndListedNewestFirst() {
    Account author = fx().member("author");
    long topic = fx().topic(author, fx().board());
    long first = fx().firstPostId(topic);
    long reply = fx().reply(author, topic);
    Account me = fx().member("me");
    assertThat(
            me.client()
                .put("/api/v1/posts/" + first + "/bookmark", Map.of("note", "read later"))
                .status())
        .isEqualTo(204);
    assertThat(me.client().put("/api/v1/posts/" + reply + "/bookmark", null).status())
        .isEqualTo(204);
    assertThat(
            me.client()
                .put("/api/v1/posts/" + first + "/bookmark", Map.of("note", "changed"))
                .status())
        .isEqualTo(204);
    List<Map<String, Object>> items = me.client().get("/api/v1/me/bookmarks").items();
    assertThat(items)
        .extracting(m -> ((Number) m.get("postId")).longValue())
        .containsExactly(reply, first);
    assertThat(items.get(1))
        .containsEntry("note", "changed")
        .containsEntry("topicId", (int) topic)
        .containsEntry("postNumber", 1);
    assertThat(items.get(0).get("topicSlug")).isNotNull();
    assertThat(
            me.client().get("/api/v1/topics/" + topic + "/posts").items().get(0).get("bookmarked"))
        .isEqualTo(true);
    assertThat(fx().member("other").client().get("/api/v1/me/bookmarks").items()).isEmpty();
    assertThat(me.client().delete("/api/v1/posts/" + first + "/bookmark").status()).isEqualTo(204);
    assertThat(me.client().delete("/api/v1/posts/" + first + "/bookmark").status()).isEqualTo(204);
    assertThat(me.client().get("/api/v1/me/bookmarks").items()).hasSize(1);
  }

  @Test
  void theListPagesByKeysetAndHidesPostsNoLongerVisible() {
    Account author = fx().admin();
    long topic = fx().topic(author, fx().board());
    List<Long> posts = new ArrayList<>();
    Account me = fx().member("me");
    for (int i = 0; i < 5; i++) {
      long p = fx().reply(author, topic);
      posts.add(p);
      me.client().put("/api/v1/posts/" + p + "/bookmark", null);
    }
    author.client().delete("/api/v1/posts/" + posts.get(2));
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    do {
      TestClient.Response page =
          me.client()
              .get("/api/v1/me/bookmarks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      page.items().forEach(m -> seen.add(((Number) m.get("postId")).longValue()));
      cursor = page.string("nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactly(posts.get(4), posts.get(3), posts.get(1), posts.get(0));
  }

  @Test
  void badBookmarksAreRefused() {
    Account author = fx().member("author");
    long topic = fx().topic(author, fx().board());
    long reply = fx().reply(author, topic);
    Account me = fx().member("me");
    assertProblem(
        anonymous().put("/api/v1/posts/" + reply + "/bookmark", null),
        401,
        "/problems/unauthorized");
    assertProblem(anonymous().get("/api/v1/me/bookmarks"), 401, "/problems/unauthorized");
    assertProblem(
        me.client().put("/api/v1/posts/" + reply + "/bookmark", Map.of("note", "n".repeat(501))),
        400,
        "/problems/validation");
    assertProblem(
        me.client().put("/api/v1/posts/" + reply + "/bookmark", Map.of("memo", "x")),
        400,
        "/problems/validation");
    assertProblem(
        me.client().put("/api/v1/posts/999999999/bookmark", null), 404, "/problems/not-found");
    assertProblem(
        me.client().get("/api/v1/me/bookmarks?cursor=bm90LWEtY3Vyc29y"),
        400,
        "/problems/validation");
    author.client().delete("/api/v1/posts/" + reply);
    assertProblem(
        me.client().put("/api/v1/posts/" + reply + "/bookmark", null), 403, "/problems/forbidden");
    long hidden =
        fx().firstPostId(fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff"))));
    assertProblem(
        me.client().put("/api/v1/posts/" + hidden + "/bookmark", null), 404, "/problems/not-found");
  }

  @Test
  void silencedMembersKeepTheirPrivateBookmarks() {
    long post = fx().firstPostId(fx().topic(fx().member("author"), fx().board()));
    assertThat(fx().silenced().client().put("/api/v1/posts/" + post + "/bookmark", null).status())
        .isEqualTo(204);
  }
}
