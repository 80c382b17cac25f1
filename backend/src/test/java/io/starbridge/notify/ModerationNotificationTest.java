package io.starbridge.notify;

import static io.starbridge.notify.NotificationApiTest.await;
import static io.starbridge.notify.NotificationApiTest.ofKind;
import static io.starbridge.notify.NotificationApiTest.settled;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ModerationNotificationTest extends ForumTest {

  private long reportId(Account mod, String type, long id) {
    return mod.client().get("/api/v1/mod/queue").items().stream()
        .filter(
            i -> type.equals(i.get("targetType")) && ((Number) i.get("targetId")).longValue() == id)
        .map(i -> ((Number) i.get("reportId")).longValue())
        .findFirst()
        .orElseThrow();
  }

  private void report(Account who, String type, long id) {
    expect(
        201,
        who.client()
            .post(
                "/api/v1/reports",
                Map.of("targetType", type, "targetId", id, "reason", "spam", "note", "look")));
  }

  private static Map<?, ?> data(Map<String, Object> n) {
    return (Map<?, ?>) n.get("data");
  }

  @Test
  void aResolutionTellsTheReportersAndTheAuthorWhenTheContentWentAway() {
    Account author = fx().member("author");
    Account r1 = fx().member("r1");
    Account r2 = fx().member("r2");
    Account mod = fx().moderator();
    long topic = fx().topic(author, fx().board());
    long reply = fx().reply(author, topic);
    report(r1, "post", reply);
    report(r2, "post", reply);
    expect(
        200,
        mod.client()
            .post(
                "/api/v1/mod/reports/" + reportId(mod, "post", reply) + "/resolve",
                Map.of("action", "hide")));
    for (Account reporter : List.of(r1, r2)) {
      var items = await(reporter, i -> !ofKind(i, "moderation").isEmpty());
      var m = ofKind(items, "moderation");
      assertThat(m).hasSize(1);
      assertThat(data(m.get(0)).get("event")).isEqualTo("report_resolved");
      assertThat(data(m.get(0)).get("action")).isEqualTo("hide");
      assertThat(data(m.get(0)).get("role")).isEqualTo("reporter");
      // The moderator stays anonymous.
      assertThat((List<?>) m.get(0).get("actors")).isEmpty();
    }
    var a = ofKind(await(author, i -> !ofKind(i, "moderation").isEmpty()), "moderation");
    assertThat(a).hasSize(1);
    assertThat(data(a.get(0)).get("role")).isEqualTo("author");

    // Dismissed: reporters hear it, the author (whose content stays) does not.
    Account author2 = fx().member("author2");
    long topic2 = fx().topic(author2, fx().board());
    long reply2 = fx().reply(author2, topic2);
    Account r3 = fx().member("r3");
    report(r3, "post", reply2);
    expect(
        200,
        mod.client()
            .post(
                "/api/v1/mod/reports/" + reportId(mod, "post", reply2) + "/resolve",
                Map.of("action", "dismiss")));
    var d = ofKind(await(r3, i -> !ofKind(i, "moderation").isEmpty()), "moderation");
    assertThat(data(d.get(0)).get("action")).isEqualTo("dismiss");
    assertThat(ofKind(settled(author2), "moderation")).isEmpty();
  }

  @Test
  void warningsSilencesAndSuspensionsTellThePerson() {
    Account member = fx().member("loud");
    Account mod = fx().moderator();
    expect(
        204,
        mod.client()
            .post("/api/v1/mod/users/" + member.handle() + "/warn", Map.of("reason", "be kind")));
    String until =
        Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    expect(
        204,
        mod.client()
            .post(
                "/api/v1/mod/users/" + member.handle() + "/silence",
                Map.of("until", until, "reason", "cool down")));
    var items = await(member, i -> ofKind(i, "moderation").size() >= 2);
    var m = ofKind(items, "moderation");
    assertThat(m).hasSize(2);
    Map<?, ?> silenced =
        m.stream()
            .map(ModerationNotificationTest::data)
            .filter(x -> "silenced".equals(x.get("event")))
            .findFirst()
            .orElseThrow();
    assertThat(silenced.get("reason")).isEqualTo("cool down");
    assertThat(Instant.parse((String) silenced.get("until"))).isEqualTo(Instant.parse(until));
    Map<?, ?> warned =
        m.stream()
            .map(ModerationNotificationTest::data)
            .filter(x -> "warned".equals(x.get("event")))
            .findFirst()
            .orElseThrow();
    assertThat(warned.get("reason")).isEqualTo("be kind");

    Account other = fx().member("other");
    expect(
        204,
        mod.client()
            .post("/api/v1/mod/users/" + other.handle() + "/suspend", Map.of("reason", "spam")));
    NotificationApiTest.sleep(900);
    assertThat(
            db.count(
                "select count(*) from notifications where user_id = ? and kind = 'moderation'"
                    + " and data->>'event' = 'suspended' and data->>'reason' = 'spam'",
                other.id()))
        .isEqualTo(1);
  }
}
