package io.starbridge.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shipped new-user limits, spam checks and rate limits (the suite's config relaxes them). */
@MicronautTest(transactional = false)
@Property(name = "starbridge.settings.new-user-max-topics-first-day", value = "3")
@Property(name = "starbridge.settings.new-user-max-replies-first-day", value = "10")
@Property(name = "starbridge.settings.new-user-max-links", value = "2")
@Property(name = "starbridge.settings.new-user-max-images", value = "0")
@Property(name = "starbridge.settings.spam-duplicate-max", value = "2")
@Property(name = "starbridge.settings.spam-new-user-link-flood", value = "5")
@Property(name = "starbridge.settings.approve-new-user-posts", value = "2")
@Property(name = "starbridge.rate-limits.reports-per-hour", value = "8")
@Property(name = "starbridge.rate-limits.new-user-divisor", value = "4")
@Property(name = "starbridge.rate-limits.topics-per-hour", value = "40")
@Property(name = "starbridge.rate-limits.follows-per-hour", value = "3")
@Property(name = "starbridge.rate-limits.group-joins-per-hour", value = "2")
@Property(name = "starbridge.rate-limits.uploads-per-hour", value = "2")
class ModerationRulesTest extends ForumTest {
  @Inject RateLimiter rateLimiter;
  @Inject Limits limits;

  private TestClient.Response topic(Account who, String board, String body) {
    return who.client()
        .post(
            "/api/v1/topics",
            Map.of("board", board, "title", "A topic " + System.nanoTime(), "body", body));
  }

  @Nested
  class NewUsers {
    @Test
    void atMostThreeTopicsOnTheFirstDayThenTrustLevelOneIsFree() {
      Account fresh = fx().member("fresh");
      String board = fx().board();
      for (int i = 0; i < 3; i++) {
        assertThat(topic(fresh, board, "Body number " + i).status()).isEqualTo(201);
      }
      TestClient.Response fourth = topic(fresh, board, "Body number 4");
      assertProblem(fourth, 403, "/problems/forbidden");
      assertThat(fourth.string("detail")).contains("first day");
      Account basic = fx().withTrust("basic", 1);
      for (int i = 0; i < 4; i++) {
        assertThat(topic(basic, board, "Basic body " + i).status()).isEqualTo(201);
      }
    }

    @Test
    void atMostTwoLinks() {
      Account fresh = fx().member("links");
      String board = fx().board();
      assertProblem(
          topic(fresh, board, "https://a.example https://b.example https://c.example"),
          400,
          "/problems/validation");
      assertThat(topic(fresh, board, "https://a.example and https://b.example").status())
          .isEqualTo(201);
      // (the renderer turns image syntax into links, so images count against the link limit too)
      assertThat(
              topic(
                      fx().withTrust("tl1", 1),
                      board,
                      "https://a.example https://b.example https://c.example")
                  .status())
          .isEqualTo(201);
    }

    @Test
    void noGroupCreationAtTrustLevelZero() {
      assertProblem(
          fx().member("g")
              .client()
              .post(
                  "/api/v1/groups",
                  Map.of(
                      "slug",
                      fx().uniqueSlug("g"),
                      "name",
                      "G",
                      "description",
                      "d",
                      "visibility",
                      "public",
                      "disciplines",
                      List.of(),
                      "fields",
                      List.of())),
          403,
          "/problems/forbidden");
    }

    @Test
    void firstTwoPostsInAnApprovalBoardWaitInTheQueue() {
      String board = fx().board(Map.of("approvalRequired", true));
      Account fresh = fx().member("held");
      long topicId = id(topic(fresh, board, "Please approve me"));
      Account reader = fx().member("reader");
      assertProblem(reader.client().get("/api/v1/topics/" + topicId), 404, "/problems/not-found");
      assertThat(fresh.client().get("/api/v1/topics/" + topicId).status()).isEqualTo(200);
      Account mod = fx().moderator();
      Map<String, Object> item =
          mod.client().get("/api/v1/mod/queue").items().stream()
              .filter(
                  i ->
                      "approval".equals(i.get("kind"))
                          && ((Number) i.get("topicId")).longValue() == topicId)
              .findFirst()
              .orElseThrow();
      long reportId = ((Number) item.get("reportId")).longValue();
      assertThat(
              mod.client()
                  .post("/api/v1/mod/reports/" + reportId + "/resolve", Map.of("action", "approve"))
                  .status())
          .isEqualTo(200);
      assertThat(reader.client().get("/api/v1/topics/" + topicId).status()).isEqualTo(200);
      long firstPost = fx().firstPostId(topicId);
      assertThat(fx().eventTypes("post", firstPost)).contains("PostHidden", "PostApproved");
      assertThat(fx().auditActions("post", firstPost)).contains("report.approve");
      // a member of trust level 1 posts straight through
      long direct = id(topic(fx().withTrust("tl1", 1), board, "No wait"));
      assertThat(reader.client().get("/api/v1/topics/" + direct).status()).isEqualTo(200);
    }
  }

  @Nested
  class Spam {
    @Test
    void theSameBodyInSeveralPlacesIsRefused() {
      Account member = fx().withTrust("dup", 1);
      String board = fx().board();
      topic(member, board, "Buy cheap widgets now");
      topic(member, board, "Buy cheap widgets now");
      TestClient.Response third = topic(member, board, "Buy cheap widgets now");
      assertProblem(third, 400, "/problems/validation");
      assertThat(third.string("errors.0.code")).isEqualTo("duplicate");
    }

    @Test
    void watchedWordsBlockCensorAndHold() {
      Account admin = fx().admin();
      String tag = "zz" + System.nanoTime();
      admin
          .client()
          .patch(
              "/api/v1/admin/settings",
              Map.of(
                  "watchedWords",
                  List.of(
                      Map.of("word", tag + "block", "action", "block"),
                      Map.of("word", tag + "bad", "action", "censor"),
                      Map.of("word", tag + "hold", "action", "require_approval"))));
      try {
        Account m = fx().withTrust("w", 2);
        String board = fx().board();
        assertProblem(
            topic(m, board, "this has " + tag + "block in it"), 400, "/problems/validation");
        long censored = id(topic(m, board, "a " + tag + "bad word"));
        assertThat(
                db.one("select raw from posts where topic_id = ?", rs -> rs.getString(1), censored)
                    .orElseThrow())
            .contains("■■■")
            .doesNotContain(tag + "bad");
        long held = id(topic(m, board, "please " + tag + "hold this"));
        assertProblem(
            fx().member("r").client().get("/api/v1/topics/" + held), 404, "/problems/not-found");
      } finally {
        admin.client().patch("/api/v1/admin/settings", Map.of("watchedWords", List.of()));
      }
    }
  }

  @Nested
  class RateLimits {
    @Test
    void reportsAre429WithRetryAfterAndTighterForNewUsersThenReset() {
      Account author = fx().withTrust("author", 1);
      String board = fx().board();
      Account fresh = fx().member("rep0");
      // 8 per hour, divided by 4 for trust level 0: the third report is refused
      for (int i = 0; i < 2; i++) {
        long t = id(topic(author, board, "Target " + i + " " + System.nanoTime()));
        assertThat(
                fresh
                    .client()
                    .post(
                        "/api/v1/reports",
                        Map.of("targetType", "topic", "targetId", t, "reason", "spam"))
                    .status())
            .isEqualTo(201);
      }
      long t = id(topic(author, board, "Target x " + System.nanoTime()));
      TestClient.Response limited =
          fresh
              .client()
              .post(
                  "/api/v1/reports",
                  Map.of("targetType", "topic", "targetId", t, "reason", "spam"));
      assertProblem(limited, 429, "/problems/rate-limited");
      assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isPositive();
      // a member of trust level 1 has the full bucket
      Account tl1 = fx().withTrust("rep1", 1);
      assertThat(
              tl1.client()
                  .post(
                      "/api/v1/reports",
                      Map.of("targetType", "topic", "targetId", t, "reason", "spam"))
                  .status())
          .isEqualTo(201);
      rateLimiter.reset(limits.newUserReports, Long.toString(fresh.id()));
      assertThat(
              fresh
                  .client()
                  .post(
                      "/api/v1/reports",
                      Map.of("targetType", "topic", "targetId", t, "reason", "spam"))
                  .status())
          .isEqualTo(201);
    }

    @Test
    void followsGroupJoinsAndUploadsAre429WithRetryAfter() throws Exception {
      Account fan = fx().withTrust("fan", 1);
      for (int i = 0; i < 3; i++) {
        Account star = fx().member("star" + i);
        assertThat(
                fan.client().put("/api/v1/users/" + star.handle() + "/follow", Map.of()).status())
            .isEqualTo(204);
      }
      assertLimited(
          fan.client().put("/api/v1/users/" + fx().member("star3").handle() + "/follow", Map.of()));

      Account owner = fx().groupCreator("gowner");
      Account joiner = fx().withTrust("joiner", 1);
      for (int i = 0; i < 2; i++) {
        String slug = fx().group(owner, "public");
        assertThat(joiner.client().post("/api/v1/groups/" + slug + "/join", Map.of()).status())
            .isLessThan(300);
      }
      assertLimited(
          joiner
              .client()
              .post("/api/v1/groups/" + fx().group(owner, "public") + "/join", Map.of()));

      Account uploader = fx().withTrust("uploader", 1);
      byte[] png = png();
      assertThat(upload(uploader, "/api/v1/me/avatar", png).status()).isEqualTo(200);
      assertThat(upload(uploader, "/api/v1/me/cover", png).status()).isEqualTo(200);
      assertLimited(upload(uploader, "/api/v1/me/avatar", png));
      rateLimiter.reset(limits.uploadsPerUser, Long.toString(uploader.id()));
      assertThat(upload(uploader, "/api/v1/me/avatar", png).status()).isEqualTo(200);
    }

    private void assertLimited(TestClient.Response r) {
      assertProblem(r, 429, "/problems/rate-limited");
      assertThat(Long.parseLong(r.header("Retry-After").orElseThrow())).isPositive();
    }

    private byte[] png() throws java.io.IOException {
      java.awt.image.BufferedImage img =
          new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "png", out);
      return out.toByteArray();
    }

    private TestClient.Response upload(Account who, String path, byte[] file) {
      String boundary = "----sbtest" + System.nanoTime();
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\""
                  + "\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes(
          ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return who.client()
          .send(
              "PUT",
              path,
              body.toByteArray(),
              Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
  }

  @Nested
  class Arithmetic {
    @Test
    void thresholdNeedsScoreAndReporters() {
      assertThat(Reports.reachesThreshold(4, 2, 4, 2)).isTrue();
      assertThat(Reports.reachesThreshold(10, 1, 4, 2)).isFalse();
      assertThat(Reports.reachesThreshold(3, 3, 4, 2)).isFalse();
    }

    @Test
    void accuracyBonusAndEscalation() {
      assertThat(Reports.accuracyBonus(0, 0)).isZero();
      assertThat(Reports.accuracyBonus(4, 0)).isZero();
      assertThat(Reports.accuracyBonus(5, 1)).isEqualTo(1);
      assertThat(Reports.accuracyBonus(5, 2)).isZero();
      assertThat(Reports.accuracyBonus(20, 2)).isEqualTo(2);
      assertThat(ModerationQueries.suggestedDays(0)).isEqualTo(1);
      assertThat(ModerationQueries.suggestedDays(1)).isEqualTo(3);
      assertThat(ModerationQueries.suggestedDays(2)).isEqualTo(7);
      assertThat(ModerationQueries.suggestedDays(9)).isEqualTo(30);
    }
  }
}
