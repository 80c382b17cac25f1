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
class PostApiTest extends ForumTest {

  private static List<Integer> numbers(TestClient.Response page) {
    return page.items().stream().map(m -> (Integer) m.get("postNumber")).toList();
  }

  @Nested
  class Replying {
    @Test
    void aReplyIsNumberedCountedAndAnnounced() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      long first = fx().firstPostId(topic);
      Account replier = fx().member("replier");
      TestClient.Response r =
          replier
              .client()
              .post(
                  "/api/v1/topics/" + topic + "/posts",
                  Map.of(
                      "body",
                      "> quoted\n\n[back](/t/x/" + topic + "/1) and @" + author.handle(),
                      "replyTo",
                      first));
      assertThat(r.status()).isEqualTo(201);
      long id = id(r);
      assertThat(r.get("postNumber")).isEqualTo(2);
      assertThat(r.get("replyTo"))
          .isEqualTo(
              Map.of("postId", (int) first, "postNumber", 1, "authorHandle", author.handle()));
      assertThat(r.string("bodyHtml"))
          .contains("<blockquote>")
          .contains("href=\"/t/x/" + topic + "/1\"");
      assertThat(r.get("permissions.canEdit")).isEqualTo(true);
      assertThat(r.get("permissions.canReact")).isEqualTo(false);
      assertThat(
              db.one(
                  "select reply_count || '/' || highest_post_number || '/' || last_poster_id from topics where id = ?",
                  rs -> rs.getString(1),
                  topic))
          .contains("1/2/" + replier.id());
      assertThat(db.one("select post_count from boards where slug = ?", rs -> rs.getInt(1), board))
          .contains(2);
      assertThat(db.one("select reply_to_post_id from posts where id = ?", rs -> rs.getLong(1), id))
          .contains(first);
      assertThat(fx().events("post", id))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo("PostCreated");
                assertThat(e.payload())
                    .contains("\"replyToUserId\": " + author.id())
                    .contains(author.handle());
              });
    }

    @Test
    void badRepliesAreRefused() {
      long topic = fx().topic(fx().member("author"), fx().board());
      long elsewhere = fx().firstPostId(fx().topic(fx().member("other"), fx().board()));
      TestClient c = fx().member("r").client();
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "")),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x".repeat(32_001))),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x", "replyTo", elsewhere)),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x", "replyTo", 999_999_999)),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x", "quote", true)),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x", "replyTo", "first")),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics/" + topic + "/posts", "{"), 400, "/problems/malformed-request");
      assertProblem(
          c.post("/api/v1/topics/999999999/posts", Map.of("body", "x")),
          404,
          "/problems/not-found");
    }

    @Test
    void whoMayReplyFollowsTheBoardAndTheAccount() {
      String tl1 = fx().board(Map.of("postAccess", "trust_level", "minPostTrust", 1));
      long topic = fx().topic(fx().admin(), tl1);
      assertProblem(
          anonymous().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x")),
          401,
          "/problems/unauthorized");
      assertProblem(
          fx().member("tl0")
              .client()
              .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x")),
          403,
          "/problems/forbidden");
      assertThat(
              fx().withTrust("tl1", 1)
                  .client()
                  .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x"))
                  .status())
          .isEqualTo(201);
      assertProblem(
          fx().silenced().client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "x")),
          403,
          "/problems/account-silenced");
      long hidden = fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff")));
      assertProblem(
          fx().member("m")
              .client()
              .post("/api/v1/topics/" + hidden + "/posts", Map.of("body", "x")),
          404,
          "/problems/not-found");
    }

    @Test
    void anIdempotencyKeyPreventsADoubleReply() {
      long topic = fx().topic(fx().member("author"), fx().board());
      Account r = fx().member("r");
      TestClient.Response one =
          r.client()
              .send(
                  "POST",
                  "/api/v1/topics/" + topic + "/posts",
                  Map.of("body", "once"),
                  Map.of("Idempotency-Key", "reply-1"));
      TestClient.Response two =
          r.client()
              .send(
                  "POST",
                  "/api/v1/topics/" + topic + "/posts",
                  Map.of("body", "once"),
                  Map.of("Idempotency-Key", "reply-1"));
      assertThat(two.status()).isEqualTo(201);
      assertThat(id(two)).isEqualTo(id(one));
      assertThat(db.count("select count(*) from posts where topic_id = ?", topic)).isEqualTo(2);
    }
  }

  @Nested
  class Paging {
    @Test
    void postsComeInNumberOrderTwentyAPage() {
      Account author = fx().admin();
      long topic = fx().topic(author, fx().board());
      for (int i = 0; i < 24; i++) {
        fx().reply(author, topic);
      }
      TestClient.Response first = anonymous().get("/api/v1/topics/" + topic + "/posts");
      assertThat(numbers(first)).hasSize(20).startsWith(1, 2).endsWith(20);
      assertThat(first.get("prevCursor")).isNull();
      TestClient.Response second =
          anonymous()
              .get("/api/v1/topics/" + topic + "/posts?cursor=" + first.string("nextCursor"));
      assertThat(numbers(second)).containsExactly(21, 22, 23, 24, 25);
      assertThat(second.get("nextCursor")).isNull();
      TestClient.Response near =
          anonymous().get("/api/v1/topics/" + topic + "/posts?near=15&limit=5");
      assertThat(numbers(near)).containsExactly(15, 16, 17, 18, 19);
      TestClient.Response before =
          anonymous()
              .get(
                  "/api/v1/topics/" + topic + "/posts?limit=5&cursor=" + near.string("prevCursor"));
      assertThat(numbers(before)).containsExactly(10, 11, 12, 13, 14);
      assertProblem(
          anonymous().get("/api/v1/topics/" + topic + "/posts?limit=500"),
          400,
          "/problems/validation");
      assertProblem(
          anonymous().get("/api/v1/topics/" + topic + "/posts?cursor=zzz"),
          400,
          "/problems/validation");
      assertProblem(
          anonymous().get("/api/v1/topics/" + topic + "/posts?view=cards"),
          400,
          "/problems/validation");
    }

    @Test
    void theThreadedViewIsDepthFirstWithDepthCappedAtFive() {
      Account a = fx().admin();
      long topic = fx().topic(a, fx().board());
      long parent = fx().firstPostId(topic);
      long[] chain = new long[7];
      for (int i = 0; i < 7; i++) {
        chain[i] =
            id(
                a.client()
                    .post(
                        "/api/v1/topics/" + topic + "/posts",
                        Map.of("body", "deep " + i, "replyTo", parent)));
        parent = chain[i];
      }
      long direct = fx().reply(a, topic); // post 9 answers the topic
      a.client()
          .post(
              "/api/v1/topics/" + topic + "/posts",
              Map.of("body", "to two", "replyTo", chain[0])); // post 10
      TestClient.Response tree =
          anonymous().get("/api/v1/topics/" + topic + "/posts?view=tree&limit=6");
      assertThat(numbers(tree)).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(tree.items().stream().map(m -> m.get("depth")).toList())
          .containsExactly(0, 1, 2, 3, 4, 5);
      TestClient.Response rest =
          anonymous()
              .get(
                  "/api/v1/topics/"
                      + topic
                      + "/posts?view=tree&cursor="
                      + tree.string("nextCursor"));
      assertThat(numbers(rest)).containsExactly(7, 8, 10, 9);
      assertThat(rest.items().stream().map(m -> m.get("depth")).toList())
          .containsExactly(5, 5, 2, 1);
      assertThat(rest.get("nextCursor")).isNull();
      assertThat(direct).isPositive();
    }

    @Test
    void postsOfHiddenOrDeletedTopicsAreNotFound() {
      long hidden = fx().topic(fx().admin(), fx().board(Map.of("readAccess", "signed_in")));
      assertProblem(
          anonymous().get("/api/v1/topics/" + hidden + "/posts"), 404, "/problems/not-found");
      Account author = fx().member("a");
      long deleted = fx().topic(author, fx().board());
      author.client().delete("/api/v1/topics/" + deleted);
      assertProblem(
          author.client().get("/api/v1/topics/" + deleted + "/posts"), 404, "/problems/not-found");
      assertThat(fx().moderator().client().get("/api/v1/topics/" + deleted + "/posts").status())
          .isEqualTo(200);
    }
  }

  @Nested
  class Editing {
    @Test
    void theAuthorsEditsWithinTheGracePeriodLeaveNoRevision() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = fx().reply(author, topic);
      TestClient.Response r =
          author.client().patch("/api/v1/posts/" + post, Map.of("body", "fixed typo"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("body")).isEqualTo("fixed typo");
      assertThat(r.get("revisionCount")).isEqualTo(0);
      assertThat(r.get("editedAt")).isNull();
      assertThat(db.count("select count(*) from post_revisions where post_id = ?", post)).isZero();
      assertThat(fx().eventTypes("post", post)).endsWith("PostEdited");
    }

    @Test
    void laterEditsKeepRevisionsListedNewestFirst() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = id(fx().createReply(author, topic, "version one"));
      db.update("update posts set created_at = now() - interval '10 minutes' where id = ?", post);
      author
          .client()
          .patch("/api/v1/posts/" + post, Map.of("body", "version two", "reason", "clarify"));
      Account mod = fx().moderator();
      TestClient.Response r =
          mod.client().patch("/api/v1/posts/" + post, Map.of("body", "version three"));
      assertThat(r.get("revisionCount")).isEqualTo(2);
      assertThat(r.string("editedAt")).isNotNull();
      assertThat(
              db.one(
                  "select raw from post_revisions where post_id = ? and number = 1",
                  rs -> rs.getString(1),
                  post))
          .contains("version one");
      TestClient.Response revisions = anonymous().get("/api/v1/posts/" + post + "/revisions");
      List<Map<String, Object>> items = revisions.items();
      assertThat(items)
          .extracting(m -> m.get("body"))
          .containsExactly("version three", "version two", "version one");
      assertThat(items).extracting(m -> m.get("version")).containsExactly(3, 2, 1);
      assertThat(items)
          .extracting(m -> (Object) ((Map<?, ?>) m.get("editor")).get("handle"))
          .containsExactly(mod.handle(), author.handle(), author.handle());
      assertThat(items).extracting(m -> m.get("reason")).containsExactly(null, "clarify", null);
      assertThat(items.get(0).get("current")).isEqualTo(true);
      assertThat(fx().auditActions("post", post)).containsExactly("edit_post");
    }

    @Test
    void editingTheFirstPostUpdatesTheExcerpt() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      author
          .client()
          .patch("/api/v1/posts/" + fx().firstPostId(topic), Map.of("body", "A **new** opening"));
      assertThat(anonymous().get("/api/v1/topics/" + topic).string("excerpt"))
          .isEqualTo("A new opening");
    }

    @Test
    void foreignDeletedAndHiddenPostsCannotBeEdited() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = fx().reply(author, topic);
      assertProblem(
          fx().member("x").client().patch("/api/v1/posts/" + post, Map.of("body", "mine now")),
          403,
          "/problems/forbidden");
      assertProblem(
          anonymous().patch("/api/v1/posts/" + post, Map.of("body", "anon")),
          401,
          "/problems/unauthorized");
      assertProblem(
          author.client().patch("/api/v1/posts/" + post, Map.of("body", " ")),
          400,
          "/problems/validation");
      assertProblem(
          author.client().patch("/api/v1/posts/" + post, Map.of("body", "x", "title", "y")),
          400,
          "/problems/validation");
      assertProblem(
          author.client().patch("/api/v1/posts/999999999", Map.of("body", "x")),
          404,
          "/problems/not-found");
      author.client().delete("/api/v1/posts/" + post);
      assertProblem(
          author.client().patch("/api/v1/posts/" + post, Map.of("body", "undelete by edit")),
          403,
          "/problems/forbidden");
      long hidden = fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff")));
      assertProblem(
          author.client().patch("/api/v1/posts/" + fx().firstPostId(hidden), Map.of("body", "x")),
          404,
          "/problems/not-found");
      Account silenced = fx().silenced();
      long own = fx().topic(fx().admin(), fx().board());
      db.update(
          "update posts set author_id = ? where id = ?", silenced.id(), fx().firstPostId(own));
      assertProblem(
          silenced.client().patch("/api/v1/posts/" + fx().firstPostId(own), Map.of("body", "x")),
          403,
          "/problems/account-silenced");
    }
  }

  @Nested
  class Deleting {
    @Test
    void aDeletedReplyIsATombstoneToMembersAndReadableByStaff() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      long post = fx().reply(author, topic);
      assertThat(author.client().delete("/api/v1/posts/" + post).status()).isEqualTo(204);
      assertThat(fx().eventTypes("post", post)).endsWith("PostDeleted");
      assertThat(fx().audits("post", post)).isEmpty();
      assertThat(db.one("select reply_count from topics where id = ?", rs -> rs.getInt(1), topic))
          .contains(0);
      assertThat(db.one("select post_count from boards where slug = ?", rs -> rs.getInt(1), board))
          .contains(1);
      Map<String, Object> tomb =
          fx().member("m").client().get("/api/v1/topics/" + topic + "/posts").items().get(1);
      assertThat(tomb).containsEntry("deleted", true).containsEntry("bodyHtml", null);
      TestClient.Response single = anonymous().get("/api/v1/posts/" + post);
      assertThat(single.get("body")).isNull();
      assertThat(single.get("bodyHtml")).isNull();
      Map<String, Object> staffView =
          fx().moderator().client().get("/api/v1/topics/" + topic + "/posts").items().get(1);
      assertThat(staffView.get("bodyHtml")).isNotNull();
      assertThat(((Map<?, ?>) staffView.get("permissions")).get("canRestore")).isEqualTo(true);
      assertProblem(
          anonymous().get("/api/v1/posts/" + post + "/revisions"), 403, "/problems/forbidden");
    }

    @Test
    void staffDeleteAndRestoreWithAuditOnlyStaffRestore() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = fx().reply(author, topic);
      Account mod = fx().moderator();
      assertThat(mod.client().delete("/api/v1/posts/" + post).status()).isEqualTo(204);
      assertProblem(
          author.client().post("/api/v1/posts/" + post + "/restore", null),
          403,
          "/problems/forbidden");
      assertProblem(author.client().delete("/api/v1/posts/" + post), 403, "/problems/forbidden");
      TestClient.Response restored = mod.client().post("/api/v1/posts/" + post + "/restore", null);
      assertThat(restored.status()).isEqualTo(200);
      assertThat(restored.get("deleted")).isEqualTo(false);
      assertThat(fx().auditActions("post", post)).containsExactly("delete_post", "restore_post");
      assertThat(fx().eventTypes("post", post)).endsWith("PostDeleted", "PostRestored");
      assertThat(db.one("select reply_count from topics where id = ?", rs -> rs.getInt(1), topic))
          .contains(1);
      assertProblem(
          mod.client().post("/api/v1/posts/" + post + "/restore", null), 409, "/problems/conflict");
    }

    @Test
    void othersCannotDeleteAndDeletingTheFirstPostDeletesTheTopic() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = fx().reply(author, topic);
      assertProblem(
          fx().member("x").client().delete("/api/v1/posts/" + post), 403, "/problems/forbidden");
      assertProblem(anonymous().delete("/api/v1/posts/" + post), 401, "/problems/unauthorized");
      assertThat(author.client().delete("/api/v1/posts/" + fx().firstPostId(topic)).status())
          .isEqualTo(204);
      assertThat(
              db.one(
                  "select deleted_at is not null from topics where id = ?",
                  rs -> rs.getBoolean(1),
                  topic))
          .contains(true);
      assertThat(fx().eventTypes("topic", topic)).endsWith("TopicDeleted");
    }
  }

  @Nested
  class SinglePost {
    @Test
    void aPostCarriesItsRawBodyForTheComposer() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long post = id(fx().createReply(author, topic, "**raw** text"));
      TestClient.Response r = anonymous().get("/api/v1/posts/" + post);
      assertThat(r.string("body")).isEqualTo("**raw** text");
      assertThat(r.string("bodyHtml")).contains("<strong>raw</strong>");
      assertThat(r.string("author.handle")).isEqualTo(author.handle());
      assertThat(r.get("author.trustLevel")).isEqualTo(0);
      assertThat(r.get("reactions")).isEqualTo(List.of());
      assertThat(r.get("bookmarked")).isEqualTo(false);
      assertThat(anonymous().get("/api/v1/topics/" + topic + "/posts").items().get(1).get("body"))
          .isNull();
      assertProblem(anonymous().get("/api/v1/posts/999999999"), 404, "/problems/not-found");
      long hidden = fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff")));
      assertProblem(
          anonymous().get("/api/v1/posts/" + fx().firstPostId(hidden)), 404, "/problems/not-found");
    }
  }
}
