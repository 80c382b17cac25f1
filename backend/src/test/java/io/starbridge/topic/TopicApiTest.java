package io.starbridge.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class TopicApiTest extends ForumTest {
  @Inject TopicViews views;

  private Map<String, Object> body(String board, String title, String text, List<String> tags) {
    return Map.of("board", board, "title", title, "body", text, "tags", tags);
  }

  @Nested
  class Creating {
    @Test
    void aMemberStartsATopicWithItsFirstPost() {
      String board = fx().board();
      Account author = fx().member("author");
      TestClient.Response r =
          author
              .client()
              .post(
                  "/api/v1/topics",
                  body(
                      board,
                      "星际 航行: Part 2!",
                      "正文 **粗体**",
                      List.of("SciFi", "scifi", "硬科幻", "warp_drive")));
      assertThat(r.status()).isEqualTo(201);
      long id = id(r);
      assertThat(r.string("slug")).isEqualTo("星际-航行-part-2");
      assertThat(r.get("tags")).isEqualTo(List.of("scifi", "硬科幻", "warp_drive"));
      assertThat(r.string("board.slug")).isEqualTo(board);
      assertThat(r.string("author.handle")).isEqualTo(author.handle());
      assertThat(r.get("replyCount")).isEqualTo(0);
      assertThat(r.get("highestPostNumber")).isEqualTo(1);
      assertThat(r.string("excerpt")).isEqualTo("正文 粗体");
      assertThat(r.get("firstPost.postNumber")).isEqualTo(1);
      assertThat(r.string("firstPost.bodyHtml")).contains("<strong>粗体</strong>");
      assertThat(r.get("permissions.canReply")).isEqualTo(true);
      assertThat(r.get("permissions.canEdit")).isEqualTo(true);
      assertThat(r.get("permissions.canModerate")).isEqualTo(false);
      assertThat(r.get("lastReadPostNumber")).isEqualTo(1);

      long postId = fx().firstPostId(id);
      assertThat(
              db.one(
                  "select raw, cooked_version from posts where id = ?",
                  rs -> rs.getString(1) + "|" + rs.getInt(2),
                  postId))
          .contains("正文 **粗体**|1");
      assertThat(db.one("select topic_count from boards where slug = ?", rs -> rs.getInt(1), board))
          .contains(1);
      assertThat(fx().eventTypes("topic", id)).containsExactly("TopicCreated");
      assertThat(fx().events("post", postId))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo("PostCreated");
                assertThat(e.actorId()).isEqualTo(author.id());
                assertThat(e.payload()).contains("\"topicId\": " + id);
              });
    }

    @Test
    void titlesCountCodePoints() {
      String board = fx().board();
      TestClient c = fx().member("a").client();
      assertThat(c.post("/api/v1/topics", body(board, "曲率引擎讨论", "x", List.of())).status())
          .isEqualTo(201);
      assertProblem(
          c.post("/api/v1/topics", body(board, "曲率引擎讨", "x", List.of())),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics", body(board, "😀".repeat(201), "x", List.of())),
          400,
          "/problems/validation");
      assertThat(c.post("/api/v1/topics", body(board, "😀".repeat(200), "x", List.of())).status())
          .isEqualTo(201);
    }

    @Test
    void badBodiesAndTagsAreRefused() {
      String board = fx().board();
      TestClient c = fx().member("a").client();
      assertProblem(
          c.post("/api/v1/topics", body(board, "A fine title", "   ", List.of())),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics", body(board, "A fine title", "字".repeat(32_001), List.of())),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics", body(board, "A fine title", "x", List.of("a"))),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics", body(board, "A fine title", "x", List.of("two words"))),
          400,
          "/problems/validation");
      assertProblem(
          c.post(
              "/api/v1/topics",
              body(board, "A fine title", "x", List.of("a1", "b2", "c3", "d4", "e5", "f6"))),
          400,
          "/problems/validation");
      assertProblem(
          c.post("/api/v1/topics", Map.of("board", board, "title", "A fine title")),
          400,
          "/problems/validation");
      assertProblem(
          c.post(
              "/api/v1/topics",
              Map.of("board", board, "title", "A fine title", "body", "x", "pinned", "global")),
          400,
          "/problems/validation");
      assertProblem(
          c.post(
              "/api/v1/topics",
              Map.of("board", board, "title", "A fine title", "body", "x", "tags", "scifi")),
          400,
          "/problems/validation");
      assertProblem(c.post("/api/v1/topics", "{\"board\":"), 400, "/problems/malformed-request");
      assertThat(
              c.post("/api/v1/topics", body(board, "A fine title", "字".repeat(32_000), List.of()))
                  .status())
          .isEqualTo(201);
    }

    @Test
    void unknownAndHiddenBoardsAreNotFound() {
      TestClient c = fx().member("a").client();
      assertProblem(
          c.post("/api/v1/topics", body("no-such-board", "A fine title", "x", List.of())),
          404,
          "/problems/not-found");
      String staff = fx().board(Map.of("readAccess", "staff"));
      assertProblem(
          c.post("/api/v1/topics", body(staff, "A fine title", "x", List.of())),
          404,
          "/problems/not-found");
    }

    @Test
    void boardPostAccessDecidesWhoMayStartTopics() {
      String staffOnly = fx().board(Map.of("postAccess", "staff"));
      String tl1 = fx().board(Map.of("postAccess", "trust_level", "minPostTrust", 1));
      assertProblem(
          fx().member("m")
              .client()
              .post("/api/v1/topics", body(staffOnly, "A fine title", "x", List.of())),
          403,
          "/problems/forbidden");
      assertThat(
              fx().moderator()
                  .client()
                  .post("/api/v1/topics", body(staffOnly, "A fine title", "x", List.of()))
                  .status())
          .isEqualTo(201);
      assertProblem(
          fx().member("tl0")
              .client()
              .post("/api/v1/topics", body(tl1, "A fine title", "x", List.of())),
          403,
          "/problems/forbidden");
      assertThat(
              fx().withTrust("tl1", 1)
                  .client()
                  .post("/api/v1/topics", body(tl1, "A fine title", "x", List.of()))
                  .status())
          .isEqualTo(201);
    }

    @Test
    void anonymousAndSilencedCannotPost() {
      String board = fx().board();
      assertProblem(
          anonymous().post("/api/v1/topics", body(board, "A fine title", "x", List.of())),
          401,
          "/problems/unauthorized");
      assertProblem(
          fx().silenced()
              .client()
              .post("/api/v1/topics", body(board, "A fine title", "x", List.of())),
          403,
          "/problems/account-silenced");
    }
  }

  @Nested
  class WithAnIdempotencyKey {
    @Test
    void aDoubleSubmitCreatesOneTopicAndReplaysTheFirstAnswer() {
      String board = fx().board();
      Account a = fx().member("a");
      Map<String, Object> b = body(board, "Double submit title", "x", List.of());
      TestClient.Response first =
          a.client().send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "k-123"));
      TestClient.Response second =
          a.client().send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "k-123"));
      assertThat(first.status()).isEqualTo(201);
      assertThat(second.status()).isEqualTo(201);
      assertThat(second.map()).isEqualTo(first.map());
      assertThat(db.count("select count(*) from topics where author_id = ?", a.id())).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsAConflict() {
      String board = fx().board();
      Account a = fx().member("a");
      a.client()
          .send(
              "POST",
              "/api/v1/topics",
              body(board, "First request", "x", List.of()),
              Map.of("Idempotency-Key", "k-1"));
      TestClient.Response other =
          a.client()
              .send(
                  "POST",
                  "/api/v1/topics",
                  body(board, "Other request", "x", List.of()),
                  Map.of("Idempotency-Key", "k-1"));
      assertProblem(other, 409, "/problems/conflict");
    }

    @Test
    void keysBelongToOneUser() {
      String board = fx().board();
      Map<String, Object> b = body(board, "Same key, two people", "x", List.of());
      long one =
          id(
              fx().member("a")
                  .client()
                  .send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "shared")));
      long two =
          id(
              fx().member("b")
                  .client()
                  .send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "shared")));
      assertThat(one).isNotEqualTo(two);
    }

    @Test
    void aFailedRequestDoesNotBurnTheKey() {
      String board = fx().board();
      Account a = fx().member("a");
      assertProblem(
          a.client()
              .send(
                  "POST",
                  "/api/v1/topics",
                  body(board, "short", "x", List.of()),
                  Map.of("Idempotency-Key", "retry")),
          400,
          "/problems/validation");
      assertThat(
              a.client()
                  .send(
                      "POST",
                      "/api/v1/topics",
                      body(board, "short but fixed", "x", List.of()),
                      Map.of("Idempotency-Key", "retry"))
                  .status())
          .isEqualTo(201);
    }

    @Test
    void aKeyOlderThanADayCreatesAgain() {
      String board = fx().board();
      Account a = fx().member("a");
      Map<String, Object> b = body(board, "Asked again tomorrow", "x", List.of());
      long first =
          id(a.client().send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "daily")));
      db.update(
          "update idempotency_keys set created_at = now() - interval '25 hours' where user_id = ?",
          a.id());
      long second =
          id(a.client().send("POST", "/api/v1/topics", b, Map.of("Idempotency-Key", "daily")));
      assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aMalformedKeyIsRefused() {
      String board = fx().board();
      TestClient.Response r =
          fx().member("a")
              .client()
              .send(
                  "POST",
                  "/api/v1/topics",
                  body(board, "A fine title", "x", List.of()),
                  Map.of("Idempotency-Key", "x".repeat(201)));
      assertProblem(r, 400, "/problems/validation");
    }
  }

  @Nested
  class RateLimits {
    @Test
    void membersGetTenTopicsAnHourThenA429WithRetryAfter() {
      String board = fx().board();
      Account a = fx().member("busy");
      for (int i = 0; i < 10; i++) {
        fx().createTopic(a, board);
      }
      TestClient.Response r = a.client().post("/api/v1/topics", fx().topicBody(board));
      assertProblem(r, 429, "/problems/rate-limited");
      assertThat(r.header("Retry-After")).isPresent();
    }

    @Test
    void staffAreNotRateLimited() {
      String board = fx().board();
      Account mod = fx().moderator();
      for (int i = 0; i < 11; i++) {
        fx().createTopic(mod, board);
      }
    }
  }

  @Nested
  class Viewing {
    @Test
    void visibilityFollowsTheBoard() {
      String members = fx().board(Map.of("readAccess", "signed_in"));
      long topic = fx().topic(fx().member("a"), members);
      assertProblem(anonymous().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
      assertThat(fx().member("b").client().get("/api/v1/topics/" + topic).status()).isEqualTo(200);
      assertProblem(anonymous().get("/api/v1/topics/999999999"), 404, "/problems/not-found");
      assertProblem(anonymous().get("/api/v1/topics/abc"), 400, "/problems/validation");
    }

    @Test
    void permissionFlagsDependOnWhoAsks() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      TestClient.Response other = fx().member("other").client().get("/api/v1/topics/" + topic);
      assertThat(other.get("permissions"))
          .isEqualTo(
              Map.of(
                  "canReply",
                  true,
                  "canEdit",
                  false,
                  "canDelete",
                  false,
                  "canModerate",
                  false,
                  "canMarkRead",
                  true,
                  "canAnnounce",
                  false));
      TestClient.Response anon = anonymous().get("/api/v1/topics/" + topic);
      assertThat(anon.get("permissions"))
          .isEqualTo(
              Map.of(
                  "canReply",
                  false,
                  "canEdit",
                  false,
                  "canDelete",
                  false,
                  "canModerate",
                  false,
                  "canMarkRead",
                  false,
                  "canAnnounce",
                  false));
      assertThat(anon.get("firstPost.permissions.canReact")).isEqualTo(false);
      TestClient.Response mod = fx().moderator().client().get("/api/v1/topics/" + topic);
      assertThat(mod.get("permissions"))
          .isEqualTo(
              Map.of(
                  "canReply",
                  true,
                  "canEdit",
                  true,
                  "canDelete",
                  true,
                  "canModerate",
                  true,
                  "canMarkRead",
                  true,
                  "canAnnounce",
                  false));
      assertThat(
              fx().silenced().client().get("/api/v1/topics/" + topic).get("permissions.canReply"))
          .isEqualTo(false);
    }

    @Test
    void viewsCountOncePerViewerPerHourAndReachTheDatabaseInBatches() {
      String board = fx().board();
      long topic = fx().topic(fx().member("author"), board);
      views.flush();
      Account reader = fx().member("reader");
      reader.client().get("/api/v1/topics/" + topic);
      reader.client().get("/api/v1/topics/" + topic);
      anonymous().get("/api/v1/topics/" + topic);
      anonymous().get("/api/v1/topics/" + topic);
      assertThat(db.one("select view_count from topics where id = ?", rs -> rs.getLong(1), topic))
          .contains(0L);
      views.flush();
      assertThat(db.one("select view_count from topics where id = ?", rs -> rs.getLong(1), topic))
          .contains(2L);
      fx().member("second").client().get("/api/v1/topics/" + topic);
      views.flush();
      assertThat(anonymous().get("/api/v1/topics/" + topic).get("viewCount")).isEqualTo(3);
    }
  }

  @Nested
  class Updating {
    @Test
    void theAuthorRetitlesAndRetagsWithoutAnAuditRow() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      TestClient.Response r =
          author
              .client()
              .patch(
                  "/api/v1/topics/" + topic,
                  Map.of("title", "A better title", "tags", List.of("Warp")));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("title")).isEqualTo("A better title");
      assertThat(r.string("slug")).isEqualTo("a-better-title");
      assertThat(r.get("tags")).isEqualTo(List.of("warp"));
      assertThat(fx().eventTypes("topic", topic)).endsWith("TopicEdited");
      assertThat(fx().audits("topic", topic)).isEmpty();
    }

    @Test
    void othersCannotEditAndMembersCannotModerate() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      assertProblem(
          fx().member("x")
              .client()
              .patch("/api/v1/topics/" + topic, Map.of("title", "Hijacked title")),
          403,
          "/problems/forbidden");
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("pinned", "global")),
          403,
          "/problems/forbidden");
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("locked", true)),
          403,
          "/problems/forbidden");
      assertProblem(
          anonymous().patch("/api/v1/topics/" + topic, Map.of("title", "Anonymous title")),
          401,
          "/problems/unauthorized");
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("title", "short")),
          400,
          "/problems/validation");
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("sticky", true)),
          400,
          "/problems/validation");
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("tags", Map.of("a", 1))),
          400,
          "/problems/validation");
    }

    @Test
    void moderatorsPinLockCloseAndMoveWithAuditAndEvents() {
      String from = fx().board();
      String to = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, from);
      fx().reply(fx().member("r"), topic);
      Account mod = fx().moderator();
      TestClient.Response r =
          mod.client()
              .patch(
                  "/api/v1/topics/" + topic,
                  Map.of(
                      "pinned", "board", "locked", true, "closed", true, "board", to, "reason",
                      "tidy"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("pinned")).isEqualTo("board");
      assertThat(r.get("locked")).isEqualTo(true);
      assertThat(r.get("closed")).isEqualTo(true);
      assertThat(r.string("board.slug")).isEqualTo(to);
      assertThat(fx().auditActions("topic", topic))
          .containsExactly("pin_topic", "lock_topic", "close_topic", "move_topic");
      assertThat(fx().audits("topic", topic))
          .allSatisfy(
              a -> {
                assertThat(a.actorId()).isEqualTo(mod.id());
                assertThat(a.reason()).isEqualTo("tidy");
              });
      assertThat(fx().eventTypes("topic", topic))
          .containsSubsequence("TopicPinned", "TopicLocked", "TopicClosed", "TopicMoved");
      assertThat(
              db.one(
                  "select topic_count || '/' || post_count from boards where slug = ?",
                  rs -> rs.getString(1),
                  from))
          .contains("0/0");
      assertThat(
              db.one(
                  "select topic_count || '/' || post_count from boards where slug = ?",
                  rs -> rs.getString(1),
                  to))
          .contains("1/2");

      TestClient.Response unpinned =
          mod.client().patch("/api/v1/topics/" + topic, Map.of("pinned", "none", "locked", false));
      assertThat(unpinned.string("pinned")).isEqualTo("none");
      assertThat(fx().eventTypes("topic", topic)).contains("TopicUnpinned", "TopicUnlocked");
    }

    @Test
    void staffEditingSomeoneElsesTitleIsAudited() {
      long topic = fx().topic(fx().member("author"), fx().board());
      assertThat(
              fx().admin()
                  .client()
                  .patch("/api/v1/topics/" + topic, Map.of("title", "Retitled by staff"))
                  .status())
          .isEqualTo(200);
      assertThat(fx().auditActions("topic", topic)).containsExactly("edit_topic");
    }

    @Test
    void movingToAnUnknownOrHiddenBoardIsNotFound() {
      long topic = fx().topic(fx().member("author"), fx().board());
      Account mod = fx().moderator();
      assertProblem(
          mod.client().patch("/api/v1/topics/" + topic, Map.of("board", "nowhere-at-all")),
          404,
          "/problems/not-found");
      assertProblem(
          mod.client().patch("/api/v1/topics/" + topic, Map.of("pinned", "everywhere")),
          400,
          "/problems/validation");
    }

    @Test
    void aLockedTopicIsFrozenForItsAuthor() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      fx().moderator().client().patch("/api/v1/topics/" + topic, Map.of("locked", true));
      assertProblem(
          author.client().patch("/api/v1/topics/" + topic, Map.of("title", "Edited while locked")),
          403,
          "/problems/forbidden");
    }
  }

  @Nested
  class WhenTopicIsLockedOrClosed {
    @Test
    void membersCannotReplyButStaffCan() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      Account mod = fx().moderator();
      mod.client().patch("/api/v1/topics/" + topic, Map.of("locked", true));
      TestClient.Response refused =
          author.client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "still here"));
      assertProblem(refused, 403, "/problems/forbidden");
      assertThat(refused.string("detail")).contains("locked");
      assertThat(author.client().get("/api/v1/topics/" + topic).get("permissions.canReply"))
          .isEqualTo(false);
      assertThat(
              mod.client()
                  .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "staff note"))
                  .status())
          .isEqualTo(201);
    }

    @Test
    void closedTopicsTakeNoRepliesEither() {
      long topic = fx().topic(fx().member("author"), fx().board());
      fx().moderator().client().patch("/api/v1/topics/" + topic, Map.of("closed", true));
      TestClient.Response refused =
          fx().member("m")
              .client()
              .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "late"));
      assertProblem(refused, 403, "/problems/forbidden");
      assertThat(refused.string("detail")).contains("closed");
    }
  }

  @Nested
  class Deleting {
    @Test
    void theAuthorDeletesATopicNobodyAnsweredAndItLeavesTheLists() {
      String board = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, board);
      fx().reply(author, topic);
      assertThat(author.client().delete("/api/v1/topics/" + topic).status()).isEqualTo(204);
      assertThat(db.one("select deleted_by from topics where id = ?", rs -> rs.getLong(1), topic))
          .contains(author.id());
      assertThat(
              db.one(
                  "select deleted_at is not null from posts where id = ?",
                  rs -> rs.getBoolean(1),
                  fx().firstPostId(topic)))
          .contains(true);
      assertThat(
              db.one(
                  "select topic_count || '/' || post_count from boards where slug = ?",
                  rs -> rs.getString(1),
                  board))
          .contains("0/0");
      assertThat(fx().eventTypes("topic", topic)).endsWith("TopicDeleted");
      assertThat(fx().audits("topic", topic)).isEmpty();
      assertProblem(author.client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
      assertThat(anonymous().get("/api/v1/boards/" + board + "/topics").items()).isEmpty();
      TestClient.Response staffView = fx().moderator().client().get("/api/v1/topics/" + topic);
      assertThat(staffView.status()).isEqualTo(200);
      assertThat(staffView.get("deleted")).isEqualTo(true);
    }

    @Test
    void theAuthorCannotDeleteOnceOthersReplied() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      fx().reply(fx().member("other"), topic);
      assertThat(author.client().get("/api/v1/topics/" + topic).get("permissions.canDelete"))
          .isEqualTo(false);
      assertProblem(author.client().delete("/api/v1/topics/" + topic), 403, "/problems/forbidden");
    }

    @Test
    void staffDeleteAndRestoreWithAudit() {
      String board = fx().board();
      long topic = fx().topic(fx().member("author"), board);
      fx().reply(fx().member("other"), topic);
      Account mod = fx().moderator();
      assertThat(mod.client().delete("/api/v1/topics/" + topic).status()).isEqualTo(204);
      assertThat(fx().auditActions("topic", topic)).containsExactly("delete_topic");
      TestClient.Response restored =
          mod.client().post("/api/v1/posts/" + fx().firstPostId(topic) + "/restore", null);
      assertThat(restored.status()).isEqualTo(200);
      assertThat(restored.get("deleted")).isEqualTo(false);
      assertThat(fx().auditActions("topic", topic))
          .containsExactly("delete_topic", "restore_topic");
      assertThat(fx().eventTypes("topic", topic)).endsWith("TopicDeleted", "TopicRestored");
      assertThat(
              db.one(
                  "select topic_count || '/' || post_count from boards where slug = ?",
                  rs -> rs.getString(1),
                  board))
          .contains("1/2");
      assertThat(fx().member("m").client().get("/api/v1/topics/" + topic).status()).isEqualTo(200);
    }

    @Test
    void othersCannotDeleteAndHiddenTopicsAreNotFound() {
      long topic = fx().topic(fx().member("author"), fx().board());
      assertProblem(
          fx().member("x").client().delete("/api/v1/topics/" + topic), 403, "/problems/forbidden");
      assertProblem(anonymous().delete("/api/v1/topics/" + topic), 401, "/problems/unauthorized");
      long hidden = fx().topic(fx().admin(), fx().board(Map.of("readAccess", "staff")));
      assertProblem(
          fx().member("x").client().delete("/api/v1/topics/" + hidden), 404, "/problems/not-found");
      assertProblem(
          fx().member("x").client().delete("/api/v1/topics/99999999"), 404, "/problems/not-found");
    }

    @Test
    void onlyStaffRestore() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      author.client().delete("/api/v1/topics/" + topic);
      assertProblem(
          author.client().post("/api/v1/posts/" + fx().firstPostId(topic) + "/restore", null),
          404,
          "/problems/not-found");
    }
  }

  @Nested
  class ReadPositions {
    @Test
    void readPositionsOnlyMoveForward() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      for (int i = 0; i < 4; i++) {
        fx().reply(author, topic);
      }
      Account reader = fx().member("reader");
      assertThat(
              reader
                  .client()
                  .post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 3))
                  .status())
          .isEqualTo(204);
      reader.client().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 2));
      assertThat(reader.client().get("/api/v1/topics/" + topic).get("lastReadPostNumber"))
          .isEqualTo(3);
      reader.client().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 99));
      assertThat(
              db.one(
                  "select last_read_post_number from topic_reads where user_id = ? and topic_id = ?",
                  rs -> rs.getInt(1),
                  reader.id(),
                  topic))
          .contains(5);
    }

    @Test
    void badReadsAreRefused() {
      long topic = fx().topic(fx().member("author"), fx().board());
      Account reader = fx().member("reader");
      assertProblem(
          anonymous().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 1)),
          401,
          "/problems/unauthorized");
      assertProblem(
          reader.client().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 0)),
          400,
          "/problems/validation");
      assertProblem(
          reader.client().post("/api/v1/topics/" + topic + "/read", Map.of()),
          400,
          "/problems/validation");
      assertProblem(
          reader.client().post("/api/v1/topics/99999999/read", Map.of("postNumber", 1)),
          404,
          "/problems/not-found");
    }
  }
}
