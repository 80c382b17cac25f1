package io.starbridge.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class PeopleApiTest extends ForumTest {

  private TestClient.Response expect(int status, TestClient.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    return r;
  }

  private static List<String> handles(TestClient.Response page) {
    return page.items().stream()
        .map(m -> (String) ((Map<?, ?>) m.get("user")).get("handle"))
        .toList();
  }

  private static List<Long> topicIds(TestClient.Response page) {
    return page.items().stream().map(m -> ((Number) m.get("id")).longValue()).toList();
  }

  private long topicIn(Account author, String board, List<String> tags) {
    Map<String, Object> body = fx().topicBody(board);
    body.put("tags", tags);
    return id(expect(201, author.client().post("/api/v1/topics", body)));
  }

  private static List<Long> ids(TestClient.Response page) {
    return page.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  @Nested
  class Profiles {
    @Test
    void profileActivityAndCountsKeepPrivateGroupsPrivate() {
      Account writer = fx().groupCreator("pgw");
      Account stranger = fx().member("pgs");
      Account admin = fx().admin();
      String restricted = fx().group(writer, "restricted");
      String secret = fx().group(writer, "secret");
      fx().groupTopic(writer, restricted);
      fx().groupTopic(writer, secret);
      long open = fx().topic(writer, fx().board());

      String path = "/api/v1/users/" + writer.handle();
      TestClient.Response seenByStranger = expect(200, stranger.client().get(path));
      assertThat(seenByStranger.get("counts.topics")).isEqualTo(1);
      assertThat(seenByStranger.get("counts.posts")).isEqualTo(1);
      assertThat(seenByStranger.get("counts.groups")).isEqualTo(1);
      assertThat(ids(expect(200, stranger.client().get(path + "/topics")))).containsExactly(open);
      assertThat(expect(200, stranger.client().get(path + "/posts")).items()).hasSize(1);
      assertThat(expect(200, anonymous().get(path)).get("counts.topics")).isEqualTo(1);

      TestClient.Response seenBySelf = expect(200, writer.client().get(path));
      assertThat(seenBySelf.get("counts.topics")).isEqualTo(3);
      assertThat(seenBySelf.get("counts.groups")).isEqualTo(2);
      assertThat(ids(expect(200, writer.client().get(path + "/topics")))).hasSize(3);
      assertThat(expect(200, admin.client().get(path)).get("counts.topics")).isEqualTo(3);
    }

    @Test
    void profileFieldsAreValidatedCookedAndShown() {
      Account a = fx().member("prof");
      Map<String, Object> patch = new HashMap<>();
      patch.put("bio", "I write **hard** SF <script>alert(1)</script>");
      patch.put("disciplines", List.of("writer", "scientist", "writer"));
      patch.put("fields", List.of("Synthetic Biology", "astrophysics"));
      patch.put("affiliation", "  Beijing Normal University ");
      patch.put("languages", List.of("zh-cn", "en"));
      patch.put("links", List.of(Map.of("label", "Site", "url", "https://example.org/me")));
      patch.put("location", "Chengdu");
      patch.put("mentionPolicy", "following");
      TestClient.Response me = expect(200, a.client().patch("/api/v1/me", patch));
      assertThat(me.string("bio")).startsWith("I write **hard**");
      assertThat(me.string("bioHtml")).contains("<strong>hard</strong>").doesNotContain("<script");
      assertThat(me.get("disciplines")).isEqualTo(List.of("writer", "scientist"));
      assertThat(me.get("fields")).isEqualTo(List.of("synthetic-biology", "astrophysics"));
      assertThat(me.get("languages")).isEqualTo(List.of("zh-CN", "en"));
      assertThat(me.string("affiliation")).isEqualTo("Beijing Normal University");
      assertThat(me.get("mentionPolicy")).isEqualTo("following");
      assertThat(me.get("hideFollowers")).isEqualTo(false);

      TestClient.Response p = expect(200, anonymous().get("/api/v1/users/" + a.handle()));
      assertThat(p.string("bioHtml")).contains("<strong>hard</strong>");
      assertThat(p.get("links"))
          .isEqualTo(List.of(Map.of("label", "Site", "url", "https://example.org/me")));
      assertThat(p.string("location")).isEqualTo("Chengdu");
      assertThat(p.get("relationship")).isNull();
      assertThat(p.get("badges")).isEqualTo(List.of());
      assertThat(p.get("avatarUrl")).isNull();
      assertThat(p.map()).doesNotContainKeys("bio", "email", "mentionPolicy");
      assertThat(p.get("counts"))
          .isEqualTo(
              Map.of(
                  "topics",
                  0,
                  "posts",
                  0,
                  "works",
                  0,
                  "followers",
                  0,
                  "following",
                  0,
                  "groups",
                  0));
      // GET /me shows the same.
      assertThat(expect(200, a.client().get("/api/v1/me")).get("fields"))
          .isEqualTo(List.of("synthetic-biology", "astrophysics"));
      // Clearing: empty string and empty list.
      TestClient.Response cleared =
          expect(200, a.client().patch("/api/v1/me", Map.of("bio", "", "links", List.of())));
      assertThat(cleared.get("bio")).isNull();
      assertThat(cleared.get("bioHtml")).isNull();
      assertThat(cleared.get("links")).isEqualTo(List.of());
      assertThat(cleared.get("location")).isEqualTo("Chengdu");
    }

    @Test
    void invalidProfileFieldsAreEachNamedAndNothingIsWritten() {
      Account a = fx().member("bad");
      Map<String, Object> patch = new HashMap<>();
      patch.put("bio", "kept?");
      patch.put("disciplines", List.of("writer", "astronaut"));
      patch.put("fields", List.of("x".repeat(41)));
      patch.put("languages", List.of("not a language"));
      patch.put(
          "links",
          List.of(Map.of("label", "x", "url", "javascript:alert(1)"), Map.of("url", "ftp://a.b")));
      patch.put("mentionPolicy", "friends");
      patch.put("location", "a\nb");
      TestClient.Response r = a.client().patch("/api/v1/me", patch);
      assertProblem(r, 400, "/problems/validation");
      List<String> fields =
          ((List<?>) r.get("errors"))
              .stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
      assertThat(fields)
          .contains(
              "disciplines[1]",
              "fields[0]",
              "languages[0]",
              "links[0].url",
              "links[1].url",
              "mentionPolicy",
              "location");
      assertThat(expect(200, a.client().get("/api/v1/me")).get("bio")).isNull();

      TestClient.Response tooMany =
          a.client()
              .patch(
                  "/api/v1/me",
                  Map.of(
                      "fields",
                      List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11")));
      assertProblem(tooMany, 400, "/problems/validation");
      assertThat(tooMany.string("errors.0.field")).isEqualTo("fields");
    }

    @Test
    void countsOnlyWhatTheCallerMayRead() {
      Account a = fx().member("counted");
      String open = fx().board();
      String staffOnly = fx().board(Map.of("readAccess", "staff"));
      long t1 = fx().topic(a, open);
      fx().topic(fx().admin(), staffOnly);
      Map<String, Object> body = fx().topicBody(staffOnly);
      expect(201, fx().admin().client().post("/api/v1/topics", body));
      // a's topic in the staff board, created directly (members cannot read it to post there).
      long hidden = fx().topic(fx().admin(), staffOnly);
      db.update("update topics set author_id = ? where id = ?", a.id(), hidden);
      db.update(
          "update posts set author_id = ? where topic_id = ? and post_number = 1", a.id(), hidden);
      fx().reply(a, t1);

      TestClient.Response anon = expect(200, anonymous().get("/api/v1/users/" + a.handle()));
      assertThat(anon.get("counts.topics")).isEqualTo(1);
      assertThat(anon.get("counts.posts")).isEqualTo(2);
      TestClient.Response staff =
          expect(200, fx().admin().client().get("/api/v1/users/" + a.handle()));
      assertThat(staff.get("counts.topics")).isEqualTo(2);
      assertThat(staff.get("counts.posts")).isEqualTo(3);
      // The lists agree with the counts.
      assertThat(topicIds(expect(200, anonymous().get("/api/v1/users/" + a.handle() + "/topics"))))
          .containsExactly(t1);
      assertThat(expect(200, anonymous().get("/api/v1/users/" + a.handle() + "/posts")).items())
          .hasSize(2);
      assertThat(
              expect(200, fx().admin().client().get("/api/v1/users/" + a.handle() + "/topics"))
                  .items())
          .hasSize(2);
    }

    @Test
    void postsListCarriesItsTopicAndPages() {
      Account a = fx().member("poster");
      String board = fx().board();
      long topic = fx().topic(a, board);
      long reply = fx().reply(a, topic);
      TestClient.Response first =
          expect(200, anonymous().get("/api/v1/users/" + a.handle() + "/posts?limit=1"));
      assertThat(first.items()).hasSize(1);
      assertThat(first.get("items.0.post.id")).isEqualTo((int) reply);
      assertThat(first.get("items.0.post.topic.id")).isEqualTo((int) topic);
      assertThat(first.string("items.0.post.topic.title")).startsWith("关于曲率引擎的讨论");
      assertThat(first.string("items.0.post.bodyHtml")).contains("A reply");
      assertThat(first.string("items.0.post.author.handle")).isEqualTo(a.handle());
      String cursor = first.string("nextCursor");
      assertThat(cursor).isNotNull();
      TestClient.Response second =
          expect(
              200,
              anonymous().get("/api/v1/users/" + a.handle() + "/posts?limit=1&cursor=" + cursor));
      assertThat(second.get("items.0.post.postNumber")).isEqualTo(1);
      assertThat(second.get("nextCursor")).isNull();
      assertProblem(
          anonymous().get("/api/v1/users/" + a.handle() + "/posts?cursor=zzz"),
          400,
          "/problems/validation");
    }

    @Test
    void worksAreEmptyAndUnknownOrDeletedPeopleAre404() {
      Account a = fx().member("works");
      TestClient.Response works =
          expect(200, anonymous().get("/api/v1/users/" + a.handle() + "/works"));
      assertThat(works.items()).isEmpty();
      assertThat(works.get("nextCursor")).isNull();
      assertProblem(anonymous().get("/api/v1/users/nobody_here_x"), 404, "/problems/not-found");
      expect(204, a.client().delete("/api/v1/me"));
      assertProblem(anonymous().get("/api/v1/users/" + a.handle()), 404, "/problems/not-found");
      assertProblem(anonymous().get("/api/v1/users/deleted_" + a.id()), 404, "/problems/not-found");
    }
  }

  @Nested
  class Following {
    @Test
    void followIsIdempotentCountedListedAndAnnounced() {
      Account a = fx().member("star");
      Account b = fx().member("fan");
      expect(204, b.client().put("/api/v1/users/" + a.handle() + "/follow", null));
      expect(204, b.client().put("/api/v1/users/" + a.handle() + "/follow", null));
      assertThat(fx().eventTypes("user", a.id())).containsOnlyOnce("UserFollowed");

      TestClient.Response seenByB = expect(200, b.client().get("/api/v1/users/" + a.handle()));
      assertThat(seenByB.get("counts.followers")).isEqualTo(1);
      assertThat(seenByB.get("relationship"))
          .isEqualTo(
              Map.of("following", true, "followsYou", false, "muted", false, "blocked", false));
      TestClient.Response seenByA = expect(200, a.client().get("/api/v1/users/" + b.handle()));
      assertThat(seenByA.get("counts.following")).isEqualTo(1);
      assertThat(seenByA.get("relationship.followsYou")).isEqualTo(true);

      TestClient.Response followers =
          expect(200, anonymous().get("/api/v1/users/" + a.handle() + "/followers"));
      assertThat(handles(followers)).containsExactly(b.handle());
      assertThat(followers.get("items.0.followedAt")).isNotNull();
      assertThat(
              handles(expect(200, anonymous().get("/api/v1/users/" + b.handle() + "/following"))))
          .containsExactly(a.handle());
      List<?> followed = (List<?>) expect(200, b.client().get("/api/v1/me/following")).get("users");
      assertThat(followed.stream().map(u -> (Object) ((Map<?, ?>) u).get("handle")).toList())
          .containsExactly(a.handle());

      expect(204, b.client().delete("/api/v1/users/" + a.handle() + "/follow"));
      expect(204, b.client().delete("/api/v1/users/" + a.handle() + "/follow"));
      assertThat(fx().eventTypes("user", a.id())).containsOnlyOnce("UserUnfollowed");
      assertThat(
              expect(200, anonymous().get("/api/v1/users/" + a.handle())).get("counts.followers"))
          .isEqualTo(0);
    }

    @Test
    void oneCannotFollowOneselfOrAnonymously() {
      Account a = fx().member("self");
      assertProblem(
          a.client().put("/api/v1/users/" + a.handle() + "/follow", null),
          400,
          "/problems/validation");
      assertProblem(
          a.client().put("/api/v1/users/" + a.handle() + "/mute", null),
          400,
          "/problems/validation");
      assertProblem(
          anonymous().put("/api/v1/users/" + a.handle() + "/follow", null),
          401,
          "/problems/unauthorized");
      assertProblem(
          a.client().put("/api/v1/users/no_such_user_z/follow", null), 404, "/problems/not-found");
    }

    @Test
    void hiddenFollowListsAreForbiddenButCountsStay() {
      Account a = fx().member("private");
      Account b = fx().member("other");
      expect(204, b.client().put("/api/v1/users/" + a.handle() + "/follow", null));
      expect(200, a.client().patch("/api/v1/me", Map.of("hideFollowers", true)));
      TestClient.Response r = anonymous().get("/api/v1/users/" + a.handle() + "/followers");
      assertProblem(r, 403, "/problems/forbidden");
      assertThat(r.string("detail")).contains("private");
      assertProblem(
          b.client().get("/api/v1/users/" + a.handle() + "/following"), 403, "/problems/forbidden");
      expect(200, a.client().get("/api/v1/users/" + a.handle() + "/followers"));
      expect(200, fx().admin().client().get("/api/v1/users/" + a.handle() + "/followers"));
      TestClient.Response profile = expect(200, b.client().get("/api/v1/users/" + a.handle()));
      assertThat(profile.get("followersHidden")).isEqualTo(true);
      assertThat(profile.get("counts.followers")).isEqualTo(1);
      assertThat(expect(200, a.client().get("/api/v1/users/" + a.handle())).get("followersHidden"))
          .isEqualTo(false);
    }

    @Test
    void hiddenActivityIsForFollowersOnly() {
      Account a = fx().member("quiet");
      Account follower = fx().member("follower");
      Account stranger = fx().member("stranger");
      fx().topic(a, fx().board());
      expect(204, follower.client().put("/api/v1/users/" + a.handle() + "/follow", null));
      expect(200, a.client().patch("/api/v1/me", Map.of("hideActivity", true)));
      TestClient.Response r = stranger.client().get("/api/v1/users/" + a.handle() + "/topics");
      assertProblem(r, 403, "/problems/forbidden");
      assertThat(r.string("detail")).contains("followers only");
      assertProblem(
          anonymous().get("/api/v1/users/" + a.handle() + "/posts"), 403, "/problems/forbidden");
      assertThat(
              expect(200, follower.client().get("/api/v1/users/" + a.handle() + "/topics")).items())
          .hasSize(1);
      expect(200, a.client().get("/api/v1/users/" + a.handle() + "/posts"));
      expect(200, fx().moderator().client().get("/api/v1/users/" + a.handle() + "/posts"));
      TestClient.Response forStranger =
          expect(200, stranger.client().get("/api/v1/users/" + a.handle()));
      assertThat(forStranger.get("activityHidden")).isEqualTo(true);
      assertThat(forStranger.get("lastSeenAt")).isNull();
      TestClient.Response forFollower =
          expect(200, follower.client().get("/api/v1/users/" + a.handle()));
      assertThat(forFollower.get("activityHidden")).isEqualTo(false);
      assertThat(forFollower.get("lastSeenAt")).isNotNull();
    }

    @Test
    void tagsAndBoardsFollowedShowInMeFollowing() {
      Account a = fx().member("tagger");
      String board = fx().board();
      expect(204, a.client().put("/api/v1/boards/" + board + "/follow", null));
      expect(204, a.client().put("/api/v1/tags/SciFi/follow", null));
      expect(204, a.client().put("/api/v1/tags/scifi/follow", null));
      assertThat(fx().eventTypes("user", a.id())).containsOnlyOnce("TagFollowed");
      TestClient.Response f = expect(200, a.client().get("/api/v1/me/following"));
      assertThat(f.get("tags")).isEqualTo(List.of("scifi"));
      assertThat(f.get("groups")).isEqualTo(List.of());
      assertThat(f.get("users")).isEqualTo(List.of());
      assertThat(((List<?>) f.get("boards")))
          .anySatisfy(bd -> assertThat(((Map<?, ?>) bd).get("slug")).isEqualTo(board));
      assertProblem(a.client().put("/api/v1/tags/x/follow", null), 400, "/problems/validation");
      expect(204, a.client().delete("/api/v1/tags/scifi/follow"));
      assertThat(expect(200, a.client().get("/api/v1/me/following")).get("tags"))
          .isEqualTo(List.of());
      assertThat(fx().eventTypes("user", a.id())).containsOnlyOnce("TagUnfollowed");
      assertProblem(anonymous().get("/api/v1/me/following"), 401, "/problems/unauthorized");
    }
  }

  @Nested
  class MutesAndBlocks {
    @Test
    void mutedAuthorsLeaveTopicListsInSqlSoPagesStayFull() {
      Account me = fx().member("muter");
      Account noisy = fx().member("noisy");
      Account calm = fx().member("calm");
      String board = fx().board();
      String tag = "mt" + Long.toString(System.nanoTime() % 100000, 36);
      long c1 = topicIn(calm, board, List.of(tag));
      topicIn(noisy, board, List.of(tag));
      long c2 = topicIn(calm, board, List.of(tag));
      topicIn(noisy, board, List.of(tag));
      topicIn(noisy, board, List.of(tag));
      expect(204, me.client().put("/api/v1/users/" + noisy.handle() + "/mute", null));
      assertThat(fx().eventTypes("user", noisy.id())).contains("UserMuted");

      TestClient.Response page =
          expect(200, me.client().get("/api/v1/boards/" + board + "/topics?limit=2"));
      assertThat(topicIds(page)).containsExactly(c2, c1);
      assertThat(page.get("nextCursor")).isNull();
      assertThat(topicIds(expect(200, me.client().get("/api/v1/tags/" + tag + "/topics"))))
          .containsExactly(c2, c1);
      assertThat(topicIds(expect(200, me.client().get("/api/v1/topics?limit=100"))))
          .contains(c1, c2)
          .doesNotContainAnyElementsOf(
              topicIds(
                  expect(200, noisy.client().get("/api/v1/users/" + noisy.handle() + "/topics"))));
      // Others still see them; the muted person's profile still lists them for me.
      assertThat(expect(200, calm.client().get("/api/v1/boards/" + board + "/topics")).items())
          .hasSize(5);
      assertThat(
              expect(200, me.client().get("/api/v1/users/" + noisy.handle() + "/topics")).items())
          .hasSize(3);
      assertThat(handles(expect(200, me.client().get("/api/v1/me/mutes"))))
          .containsExactly(noisy.handle());
      assertThat(
              expect(200, me.client().get("/api/v1/users/" + noisy.handle()))
                  .get("relationship.muted"))
          .isEqualTo(true);

      // Their posts stay in threads, flagged.
      fx().reply(noisy, c1);
      TestClient.Response posts = expect(200, me.client().get("/api/v1/topics/" + c1 + "/posts"));
      assertThat(posts.items()).extracting(m -> m.get("ignored")).containsExactly(false, true);
      assertThat(expect(200, calm.client().get("/api/v1/topics/" + c1 + "/posts")).items())
          .extracting(m -> m.get("ignored"))
          .containsExactly(false, false);

      expect(204, me.client().delete("/api/v1/users/" + noisy.handle() + "/mute"));
      assertThat(fx().eventTypes("user", noisy.id())).contains("UserUnmuted");
      assertThat(expect(200, me.client().get("/api/v1/boards/" + board + "/topics")).items())
          .hasSize(5);
    }

    @Test
    void blockingEndsFollowsAndKeepsTheBlockedOut() {
      Account a = fx().member("blocker");
      Account b = fx().member("blocked");
      Account c = fx().member("third");
      expect(204, a.client().put("/api/v1/users/" + b.handle() + "/follow", null));
      expect(204, b.client().put("/api/v1/users/" + a.handle() + "/follow", null));
      String board = fx().board();
      long aTopic = fx().topic(a, board);
      long cTopic = fx().topic(c, board);
      long aPostInC = fx().reply(a, cTopic);

      expect(204, a.client().put("/api/v1/users/" + b.handle() + "/block", null));
      assertThat(fx().eventTypes("user", b.id())).contains("UserBlocked", "UserUnfollowed");
      assertThat(fx().eventTypes("user", a.id())).contains("UserUnfollowed");
      assertThat(
              db.count(
                  "select count(*) from user_follows where (follower_id = ? and followee_id = ?) or (follower_id = ? and followee_id = ?)",
                  a.id(),
                  b.id(),
                  b.id(),
                  a.id()))
          .isZero();
      assertThat(handles(expect(200, a.client().get("/api/v1/me/blocks"))))
          .containsExactly(b.handle());

      TestClient.Response follow = b.client().put("/api/v1/users/" + a.handle() + "/follow", null);
      assertProblem(follow, 403, "/problems/forbidden");
      assertThat(follow.string("detail")).contains("blocked you");
      TestClient.Response reply =
          b.client().post("/api/v1/topics/" + aTopic + "/posts", Map.of("body", "let me in"));
      assertProblem(reply, 403, "/problems/forbidden");
      assertThat(reply.string("detail")).contains("author of this topic has blocked you");
      TestClient.Response toPost =
          b.client()
              .post(
                  "/api/v1/topics/" + cTopic + "/posts",
                  Map.of("body", "answering a", "replyTo", aPostInC));
      assertProblem(toPost, 403, "/problems/forbidden");
      assertThat(toPost.string("detail")).contains("author of this post has blocked you");
      // b may still reply to c's topic itself, and to c's posts.
      expect(201, b.client().post("/api/v1/topics/" + cTopic + "/posts", Map.of("body", "hi c")));
      TestClient.Response topicForB = expect(200, b.client().get("/api/v1/topics/" + aTopic));
      assertThat(topicForB.get("permissions.canReply")).isEqualTo(false);
      assertProblem(
          b.client().get("/api/v1/users/" + a.handle() + "/topics"), 403, "/problems/forbidden");
      assertThat(expect(200, b.client().get("/api/v1/users/" + a.handle())).get("activityHidden"))
          .isEqualTo(true);
      // a no longer sees b's posts uncollapsed; a may not follow b while blocking.
      TestClient.Response cPosts =
          expect(200, a.client().get("/api/v1/topics/" + cTopic + "/posts"));
      assertThat(cPosts.items())
          .filteredOn(m -> ((Map<?, ?>) m.get("author")).get("handle").equals(b.handle()))
          .allSatisfy(m -> assertThat(m.get("ignored")).isEqualTo(true));
      assertProblem(
          a.client().put("/api/v1/users/" + b.handle() + "/follow", null),
          403,
          "/problems/forbidden");
      // Staff cannot be blocked.
      assertProblem(
          a.client().put("/api/v1/users/" + fx().admin().handle() + "/block", null),
          403,
          "/problems/forbidden");

      expect(204, a.client().delete("/api/v1/users/" + b.handle() + "/block"));
      assertThat(fx().eventTypes("user", b.id())).contains("UserUnblocked");
      expect(201, b.client().post("/api/v1/topics/" + aTopic + "/posts", Map.of("body", "thanks")));
      expect(204, b.client().put("/api/v1/users/" + a.handle() + "/follow", null));
    }
  }
}
