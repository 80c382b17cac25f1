package io.starbridge.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ModerationApiTest extends ForumTest {

  private TestClient.Response report(Account who, String type, long id, String reason) {
    return who.client()
        .post(
            "/api/v1/reports",
            Map.of("targetType", type, "targetId", id, "reason", reason, "note", "look"));
  }

  private List<Long> topicIds(TestClient client, String path) {
    return client.get(path).items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  private Map<String, Object> queueItem(Account mod, String type, long id) {
    return mod.client().get("/api/v1/mod/queue").items().stream()
        .filter(
            i -> type.equals(i.get("targetType")) && ((Number) i.get("targetId")).longValue() == id)
        .findFirst()
        .orElse(null);
  }

  @Nested
  class Reporting {
    @Test
    void validatesReasonsNotesAndLinks() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      Account r = fx().member("rep");
      assertProblem(
          r.client()
              .post(
                  "/api/v1/reports",
                  Map.of(
                      "targetType",
                      "post",
                      "targetId",
                      fx().firstPostId(topic),
                      "reason",
                      "other")),
          400,
          "/problems/validation");
      assertProblem(
          r.client()
              .post(
                  "/api/v1/reports",
                  Map.of("targetType", "topic", "targetId", topic, "reason", "copyright")),
          400,
          "/problems/validation");
      assertProblem(
          r.client()
              .post(
                  "/api/v1/reports",
                  Map.of("targetType", "chapter", "targetId", 1, "reason", "spam")),
          400,
          "/problems/validation");
      TestClient.Response ok =
          r.client()
              .post(
                  "/api/v1/reports",
                  Map.of(
                      "targetType",
                      "topic",
                      "targetId",
                      topic,
                      "reason",
                      "copyright",
                      "originalUrl",
                      "https://example.org/story"));
      assertThat(ok.status()).isEqualTo(201);
      assertThat(ok.get("score")).isEqualTo(1);
      assertProblem(report(r, "topic", topic, "spam"), 409, "/problems/conflict");
      assertThat(fx().eventTypes("report", id(ok))).containsExactly("ReportFiled");
    }

    @Test
    void aTargetTheReporterCannotSeeIs404() {
      Account owner = fx().groupCreator("owner");
      String group = fx().group(owner, "secret");
      long topic = fx().groupTopic(owner, group);
      assertProblem(report(fx().member("out"), "topic", topic, "spam"), 404, "/problems/not-found");
      assertProblem(
          report(fx().member("out2"), "post", 999_999_999L, "spam"), 404, "/problems/not-found");
    }
  }

  @Nested
  class Hiding {
    @Test
    void hidesOnlyAtScoreAndTwoReportersThenRestoreBringsItBack() {
      // threshold 4 (default) and 2 reporters: a TL2 reporter scores 3 alone (not enough, and
      // alone)
      Account author = fx().member("author");
      String board = fx().board();
      long topic = fx().topic(author, board);
      long first = fx().firstPostId(topic);
      long reply = fx().reply(author, topic);
      Account reader = fx().member("reader");
      Account tl3 = fx().withTrust("tl3", 3);
      TestClient.Response one = report(tl3, "post", reply, "spam");
      assertThat(one.get("score")).isEqualTo(4);
      assertThat(one.get("targetHidden")).isEqualTo(false); // score reached, but one reporter
      TestClient.Response two = report(fx().member("second"), "post", reply, "spam");
      assertThat(two.get("targetHidden")).isEqualTo(true);
      assertThat(fx().eventTypes("post", reply)).contains("PostHidden");

      // the reply's body leaves the topic page for others; the author still sees it, with the
      // reason
      Map<String, Object> seen =
          reader.client().get("/api/v1/topics/" + topic + "/posts").items().get(1);
      assertThat(seen.get("hidden")).isEqualTo(true);
      assertThat(seen.get("bodyHtml")).isNull();
      Map<String, Object> own =
          author.client().get("/api/v1/topics/" + topic + "/posts").items().get(1);
      assertThat(own.get("bodyHtml")).isNotNull();
      assertThat(own.get("hiddenReason")).isEqualTo("reports");
      assertThat(reader.client().get("/api/v1/users/" + author.handle() + "/posts").items())
          .extracting(i -> ((Number) ((Map<?, ?>) i.get("post")).get("id")).longValue())
          .doesNotContain(reply);

      // hiding the first post hides the topic: board list, topic page and profile list
      report(fx().withTrust("a1", 1), "post", first, "inappropriate");
      report(fx().withTrust("a2", 1), "post", first, "inappropriate");
      assertThat(topicIds(reader.client(), "/api/v1/boards/" + board + "/topics"))
          .doesNotContain(topic);
      assertThat(topicIds(anonymous(), "/api/v1/boards/" + board + "/topics"))
          .doesNotContain(topic);
      assertProblem(reader.client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
      assertThat(topicIds(reader.client(), "/api/v1/users/" + author.handle() + "/topics"))
          .doesNotContain(topic);
      Account mod = fx().moderator();
      assertThat(topicIds(mod.client(), "/api/v1/boards/" + board + "/topics")).contains(topic);

      Map<String, Object> item = queueItem(mod, "post", first);
      assertThat(item.get("score")).isEqualTo(4);
      assertThat(item.get("threshold")).isEqualTo(4);
      assertThat(item.get("reporterCount")).isEqualTo(2);
      long reportId = ((Number) item.get("reportId")).longValue();
      TestClient.Response resolved =
          mod.client()
              .post(
                  "/api/v1/mod/reports/" + reportId + "/resolve",
                  Map.of("action", "restore", "note", "fine"));
      assertThat(resolved.status()).isEqualTo(200);
      assertThat(topicIds(reader.client(), "/api/v1/boards/" + board + "/topics")).contains(topic);
      assertThat(reader.client().get("/api/v1/topics/" + topic).status()).isEqualTo(200);
      assertThat(topicIds(reader.client(), "/api/v1/users/" + author.handle() + "/topics"))
          .contains(topic);
      assertThat(fx().auditActions("post", first)).contains("report.restore");
      assertThat(fx().eventTypes("report", reportId)).contains("ReportResolved");
      assertThat(queueItem(mod, "post", first)).isNull();
    }

    @Test
    void aStaffReportHidesAtOnce() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long reply = fx().reply(author, topic);
      assertThat(report(fx().moderator(), "post", reply, "spam").get("targetHidden"))
          .isEqualTo(true);
    }
  }

  @Nested
  class Resolving {
    @Test
    void deleteResolvesAllReportsAndAnnouncesTheOutcome() {
      Account author = fx().member("author");
      long topic = fx().topic(author, fx().board());
      long reply = fx().reply(author, topic);
      Account r1 = fx().member("r1");
      Account r2 = fx().member("r2");
      report(r1, "post", reply, "spam");
      report(r2, "post", reply, "harassment");
      Account mod = fx().moderator();
      long reportId = ((Number) queueItem(mod, "post", reply).get("reportId")).longValue();
      assertProblem(
          r1.client()
              .post("/api/v1/mod/reports/" + reportId + "/resolve", Map.of("action", "delete")),
          403,
          "/problems/forbidden");
      TestClient.Response r =
          mod.client()
              .post("/api/v1/mod/reports/" + reportId + "/resolve", Map.of("action", "delete"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(
              db.count("select count(*) from posts where id = ? and deleted_at is not null", reply))
          .isEqualTo(1);
      assertThat(
              db.count(
                  "select count(*) from reports where target_id = ? and target_type = 'post' and state = 'agreed'",
                  reply))
          .isEqualTo(2);
      String payload =
          fx().events("report", reportId).stream()
              .filter(e -> e.type().equals("ReportResolved"))
              .findFirst()
              .orElseThrow()
              .payload();
      assertThat(payload)
          .contains("\"action\": \"delete\"")
          .contains("\"authorId\": " + author.id())
          .contains(String.valueOf(r1.id()))
          .contains(String.valueOf(r2.id()));
      assertThat(fx().auditActions("post", reply)).contains("report.delete", "delete_post");
      assertProblem(
          mod.client()
              .post("/api/v1/mod/reports/" + reportId + "/resolve", Map.of("action", "hide")),
          409,
          "/problems/conflict");
    }

    @Test
    void groupModeratorsActOnlyInTheirGroup() {
      Account owner = fx().groupCreator("owner");
      String group = fx().group(owner, "public");
      Account member = fx().member("gm");
      fx().membership(group, member, "member", "active");
      long inGroup = fx().groupTopic(member, group);
      long inBoard = fx().topic(member, fx().board());
      report(fx().member("x1"), "topic", inGroup, "spam");
      report(fx().member("x2"), "topic", inBoard, "spam");
      assertThat(queueItem(owner, "topic", inGroup)).isNotNull();
      assertThat(queueItem(owner, "topic", inBoard)).isNull();
      long boardReport =
          db.one(
                  "select id from reports where target_type = 'topic' and target_id = ?",
                  rs -> rs.getLong(1),
                  inBoard)
              .orElseThrow();
      assertProblem(
          owner
              .client()
              .post("/api/v1/mod/reports/" + boardReport + "/resolve", Map.of("action", "hide")),
          403,
          "/problems/forbidden");
      long groupReport = ((Number) queueItem(owner, "topic", inGroup).get("reportId")).longValue();
      assertThat(
              owner
                  .client()
                  .post("/api/v1/mod/reports/" + groupReport + "/resolve", Map.of("action", "lock"))
                  .status())
          .isEqualTo(200);
      // the group's own log shows it to its owner; the board's rows stay out
      List<Map<String, Object>> log = owner.client().get("/api/v1/mod/log").items();
      assertThat(log).extracting(e -> e.get("action")).contains("report.lock");
      assertThat(log)
          .allMatch(e -> ((Number) e.get("scopeGroup")).longValue() == fx().groupId(group));
      assertProblem(
          fx().member("nobody").client().get("/api/v1/mod/log"), 403, "/problems/forbidden");
      assertProblem(
          fx().member("nobody2").client().get("/api/v1/mod/queue"), 403, "/problems/forbidden");
    }
  }

  @Nested
  class People {
    @Test
    void silenceTakesEffectOnTheLiveSessionAndLiftsEarly() {
      Account member = fx().member("loud");
      long topic = fx().topic(member, fx().board());
      Account mod = fx().moderator();
      String until = Instant.now().plus(3, ChronoUnit.DAYS).toString();
      assertThat(
              mod.client()
                  .post(
                      "/api/v1/mod/users/" + member.handle() + "/silence",
                      Map.of("until", until, "reason", "cool down"))
                  .status())
          .isEqualTo(204);
      assertProblem(
          member.client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "still here")),
          403,
          "/problems/account-silenced");
      assertThat(member.client().get("/api/v1/me").string("status")).isEqualTo("silenced");
      assertThat(fx().auditActions("user", member.id())).contains("user.silence");
      assertThat(fx().eventTypes("user", member.id())).contains("UserSilenced");
      TestClient.Response history = mod.client().get("/api/v1/mod/users/" + member.handle());
      assertThat(history.get("penalties")).isEqualTo(1);
      assertThat(history.get("suggestedDays")).isEqualTo(3);
      assertThat(mod.client().delete("/api/v1/mod/users/" + member.handle() + "/silence").status())
          .isEqualTo(204);
      fx().createReply(member, topic, "back again");
      assertThat(fx().auditActions("user", member.id())).contains("user.unsilence");
    }

    @Test
    void suspensionEndsTheLiveSession() {
      Account member = fx().member("bad");
      Account mod = fx().moderator();
      assertThat(member.client().get("/api/v1/me").status()).isEqualTo(200);
      mod.client()
          .post("/api/v1/mod/users/" + member.handle() + "/suspend", Map.of("reason", "spam"));
      assertThat(member.client().get("/api/v1/me").status()).isEqualTo(401);
      assertThat(fx().eventTypes("user", member.id())).contains("UserSuspended");
      assertProblem(
          mod.client()
              .post(
                  "/api/v1/mod/users/" + fx().admin().handle() + "/suspend", Map.of("reason", "x")),
          403,
          "/problems/forbidden");
      assertProblem(
          fx().member("m")
              .client()
              .post("/api/v1/mod/users/" + member.handle() + "/silence", Map.of("reason", "x")),
          403,
          "/problems/forbidden");
    }
  }

  @Nested
  class Settings {
    @Test
    void adminsChangeValidatedSettingsWithAnAuditRow() {
      Account admin = fx().admin();
      assertProblem(
          admin.client().patch("/api/v1/admin/settings", Map.of("reportHideScore", 0)),
          400,
          "/problems/validation");
      assertProblem(
          admin.client().patch("/api/v1/admin/settings", Map.of("nope", 1)),
          400,
          "/problems/validation");
      assertProblem(
          fx().member("m").client().patch("/api/v1/admin/settings", Map.of("reportHideScore", 5)),
          403,
          "/problems/forbidden");
      TestClient.Response r =
          admin.client().patch("/api/v1/admin/settings", Map.of("reportMinReporters", 3));
      assertThat(r.get("values.reportMinReporters")).isEqualTo(3);
      assertThat(
              db.count(
                  "select count(*) from audit_log where action = 'settings.update' and reason = 'reportMinReporters'"))
          .isGreaterThan(0);
      admin.client().patch("/api/v1/admin/settings", Map.of("reportMinReporters", 2));
    }
  }
}
