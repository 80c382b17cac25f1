package io.starbridge.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ReactionApiTest extends ForumTest {

  @Nested
  class Reacting {
    @Test
    void aReactionIsIdempotentCountedAndAnnouncedOnce() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = fx().firstPostId(topic);
      Account fan = fx().member("fan");
      TestClient.Response r = fan.client().put("/api/v1/posts/" + post + "/reactions/heart", null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.get("reactions"))
          .isEqualTo(List.of(Map.of("kind", "heart", "count", 1, "reacted", true)));
      assertThat(
              fan.client()
                  .put("/api/v1/posts/" + post + "/reactions/heart", null)
                  .get("reactions.0.count"))
          .isEqualTo(1);
      fx().member("other").client().put("/api/v1/posts/" + post + "/reactions/like", null);
      assertThat(
              db.one(
                  "select reaction_counts::text from posts where id = ?",
                  rs -> rs.getString(1),
                  post))
          .contains("{\"like\": 1, \"heart\": 1}");
      assertThat(db.one("select like_count from topics where id = ?", rs -> rs.getInt(1), topic))
          .contains(2);
      assertThat(fx().eventTypes("post", post).stream().filter("ReactionAdded"::equals).count())
          .isEqualTo(2);

      List<Map<String, Object>> seen =
          fan.client().get("/api/v1/topics/" + topic + "/posts").items().get(0).get("reactions")
                  instanceof List<?> l
              ? castList(l)
              : List.of();
      assertThat(seen)
          .containsExactly(
              Map.of("kind", "like", "count", 1, "reacted", false),
              Map.of("kind", "heart", "count", 1, "reacted", true));

      TestClient.Response removed =
          fan.client().delete("/api/v1/posts/" + post + "/reactions/heart");
      assertThat(removed.get("reactions"))
          .isEqualTo(List.of(Map.of("kind", "like", "count", 1, "reacted", false)));
      assertThat(fan.client().delete("/api/v1/posts/" + post + "/reactions/heart").status())
          .isEqualTo(200);
      assertThat(fx().eventTypes("post", post).stream().filter("ReactionRemoved"::equals).count())
          .isEqualTo(1);
      assertThat(db.one("select like_count from topics where id = ?", rs -> rs.getInt(1), topic))
          .contains(1);
    }

    @Test
    void whoReactedIsListedPerKind() {
      long post = fx().firstPostId(fx().topic(fx().member("author"), fx().board()));
      Account a = fx().member("a");
      Account b = fx().member("b");
      a.client().put("/api/v1/posts/" + post + "/reactions/rocket", null);
      b.client().put("/api/v1/posts/" + post + "/reactions/rocket", null);
      b.client().put("/api/v1/posts/" + post + "/reactions/thumbs_up", null);
      List<Map<String, Object>> items =
          anonymous().get("/api/v1/posts/" + post + "/reactions").items();
      assertThat(items).extracting(m -> m.get("kind")).containsExactly("thumbs_up", "rocket");
      assertThat(items.get(1).get("count")).isEqualTo(2);
      assertThat(castList((List<?>) items.get(1).get("users")))
          .extracting(m -> m.get("handle"))
          .containsExactly(a.handle(), b.handle());
    }

    @Test
    void everyWireNameIsAccepted() {
      long post = fx().firstPostId(fx().topic(fx().member("author"), fx().board()));
      TestClient c = fx().member("fan").client();
      for (String kind :
          List.of("like", "thumbs_up", "heart", "laugh", "thinking", "rocket", "eyes")) {
        assertThat(c.put("/api/v1/posts/" + post + "/reactions/" + kind, null).status())
            .as(kind)
            .isEqualTo(200);
      }
    }
  }

  @Nested
  class Refusals {
    @Test
    void notOnOwnPostsNotUnknownKindsNotAnonymously() {
      Account author = fx().member("author");
      long post = fx().firstPostId(fx().topic(author, fx().board()));
      assertProblem(
          author.client().put("/api/v1/posts/" + post + "/reactions/like", null),
          403,
          "/problems/forbidden");
      assertProblem(
          fx().member("m").client().put("/api/v1/posts/" + post + "/reactions/clap", null),
          400,
          "/problems/validation");
      assertProblem(
          anonymous().put("/api/v1/posts/" + post + "/reactions/like", null),
          401,
          "/problems/unauthorized");
      assertProblem(
          fx().silenced().client().put("/api/v1/posts/" + post + "/reactions/like", null),
          403,
          "/problems/account-silenced");
      assertProblem(
          fx().member("m").client().put("/api/v1/posts/999999999/reactions/like", null),
          404,
          "/problems/not-found");
    }

    @Test
    void notOnDeletedOrHiddenPosts() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long reply = fx().reply(author, topic);
      author.client().delete("/api/v1/posts/" + reply);
      assertProblem(
          fx().member("m").client().put("/api/v1/posts/" + reply + "/reactions/like", null),
          403,
          "/problems/forbidden");
      long hidden =
          fx().firstPostId(fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff"))));
      assertProblem(
          fx().member("m").client().put("/api/v1/posts/" + hidden + "/reactions/like", null),
          404,
          "/problems/not-found");
      assertProblem(
          anonymous().get("/api/v1/posts/" + hidden + "/reactions"), 404, "/problems/not-found");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> castList(List<?> l) {
    return (List<Map<String, Object>>) l;
  }
}
