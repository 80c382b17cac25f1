package io.starbridge.notify;

import static io.starbridge.notify.NotificationApiTest.await;
import static io.starbridge.notify.NotificationApiTest.ofKind;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest asks the recipient's Guardian again when it mails, not only when it notified. */
@MicronautTest(transactional = false)
class DigestVisibilityTest extends ForumTest {
  @Inject EmailDigest digest;

  private long mailsTo(Account who) {
    return client().get("/dev/mailbox").items().stream()
        .filter(m -> m.get("to").equals(who.email()))
        .filter(m -> m.get("subject").toString().contains("未读通知"))
        .count();
  }

  private void age(Account who) {
    db.update(
        "update notifications set updated_at = now() - interval '1 hour' where user_id = ?",
        who.id());
  }

  @Test
  void aWorkMadeDraftSinceTheNotificationIsNotMailed() {
    Account author = fx().member("writer");
    Account fan = fx().member("fan");
    Map<String, Object> b = new HashMap<>();
    b.put("title", "Vanishing Work");
    b.put("summary", "s");
    b.put("type", "novel");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", "public");
    long work = id(expect(201, author.client().post("/api/v1/works", b)));
    expect(204, fan.client().put("/api/v1/works/" + work + "/subscribe", null));
    // The work kind is mailed only when chosen.
    expect(
        200,
        fan.client()
            .put(
                "/api/v1/me/notification-preferences",
                Map.of(
                    "items",
                    java.util.List.of(Map.of("kind", "work", "inApp", true, "email", true)))));
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + work + "/chapters", Map.of("title", "One", "body", "Text")));
    assertThat(ofKind(await(fan, i -> !ofKind(i, "work").isEmpty()), "work")).hasSize(1);
    age(fan);
    expect(200, author.client().patch("/api/v1/works/" + work, Map.of("visibility", "draft")));

    digest.send();
    assertThat(mailsTo(fan)).isZero();
    // Settled: the next run does not consider it again either.
    assertThat(
            db.count(
                "select count(*) from notifications where user_id = ? and emailed_at is null",
                fan.id()))
        .isZero();
  }

  @Test
  void aDeletedTopicIsNotMailedButAVisibleOneIs() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    String board = fx().board();
    long gone = fx().topic(bo, board);
    long kept = fx().topic(bo, board);
    expect(
        201,
        bo.client()
            .post(
                "/api/v1/topics/" + gone + "/posts",
                Map.of("body", "Asking @" + ada.handle() + " here")));
    await(ada, i -> !i.isEmpty());
    age(ada);
    expect(204, bo.client().delete("/api/v1/topics/" + gone));
    digest.send();
    assertThat(mailsTo(ada)).isZero();

    expect(
        201,
        bo.client()
            .post(
                "/api/v1/topics/" + kept + "/posts",
                Map.of("body", "And @" + ada.handle() + " here")));
    await(ada, i -> !i.isEmpty());
    age(ada);
    digest.send();
    assertThat(mailsTo(ada)).isEqualTo(1);
  }
}
