package io.starbridge.notify;

import static io.starbridge.notify.NotificationApiTest.await;
import static io.starbridge.notify.NotificationApiTest.num;
import static io.starbridge.notify.NotificationApiTest.ofKind;
import static io.starbridge.notify.NotificationApiTest.settled;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WorkNotificationTest extends ForumTest {

  private static Map<String, Object> workBody(String title, String visibility, String language) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "summary");
    b.put("type", "novel");
    b.put("language", language);
    b.put("rating", "general");
    b.put("visibility", visibility);
    return b;
  }

  private long work(Account author, String title, String visibility, String language) {
    return id(
        expect(201, author.client().post("/api/v1/works", workBody(title, visibility, language))));
  }

  private void chapter(Account author, long work, String title) {
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + work + "/chapters", Map.of("title", title, "body", "Text")));
  }

  private static Map<?, ?> data(Map<String, Object> n) {
    return (Map<?, ?>) n.get("data");
  }

  @Test
  void chapterPublishedNotifiesWorkAndSeriesSubscribersButNeverTheAuthor() {
    Account author = fx().member("writer");
    Account fan = fx().member("fan");
    Account seriesFan = fx().member("seriesfan");
    Account stranger = fx().member("stranger");
    long w = work(author, "Deep Echo", "public", "en");
    chapter(author, w, "One");
    // Subscribers are read when the event is consumed: let chapter One's event pass first.
    settled(author);
    long sid =
        id(
            expect(
                201,
                author.client().post("/api/v1/series", Map.of("title", "Saga", "summary", "s"))));
    expect(200, author.client().put("/api/v1/series/" + sid + "/works/" + w, null));
    expect(204, fan.client().put("/api/v1/works/" + w + "/subscribe", null));
    expect(204, seriesFan.client().put("/api/v1/series/" + sid + "/subscribe", null));

    chapter(author, w, "Two");

    for (Account who : List.of(fan, seriesFan)) {
      var items = await(who, i -> !ofKind(i, "work").isEmpty());
      var work = ofKind(items, "work");
      assertThat(work).as(who.handle()).hasSize(1);
      assertThat(num(data(work.get(0)).get("workId"))).isEqualTo(w);
      assertThat(data(work.get(0)).get("title")).isEqualTo("Deep Echo");
      assertThat(num(data(work.get(0)).get("position"))).isEqualTo(2);
    }
    assertThat(ofKind(settled(author), "work")).isEmpty();
    assertThat(settled(stranger)).isEmpty();
  }

  @Test
  void subscribersWhoCannotSeeTheWorkHearNothing() {
    Account original = fx().member("original");
    Account translator = fx().member("translator");
    Account fan = fx().member("fan");
    long pub = work(original, "Origin", "public", "zh-Hans");
    chapter(original, pub, "一");
    long translation = work(translator, "Translation", "public", "en");
    chapter(translator, translation, "One");
    expect(204, fan.client().put("/api/v1/works/" + translation + "/subscribe", null));
    // Linked as a translation without permission: only its translators and the original's
    // authors may read it now.
    expect(
        201,
        translator
            .client()
            .post("/api/v1/works/" + pub + "/translations", Map.of("workId", translation)));
    chapter(translator, translation, "Two");

    var orig = await(original, i -> !ofKind(i, "translation_request").isEmpty());
    assertThat(num(data(ofKind(orig, "translation_request").get(0)).get("workId")))
        .isEqualTo(translation);
    assertThat(ofKind(settled(fan), "work")).isEmpty();

    expect(
        200,
        original
            .client()
            .put(
                "/api/v1/works/" + pub + "/translations/" + translation,
                Map.of("state", "granted")));
    var tr = await(translator, i -> !ofKind(i, "translation_decision").isEmpty());
    assertThat(data(ofKind(tr, "translation_decision").get(0)).get("decision"))
        .isEqualTo("granted");
    chapter(translator, translation, "Three");
    var items = await(fan, i -> !ofKind(i, "work").isEmpty());
    assertThat(ofKind(items, "work")).hasSize(1);
    assertThat(num(data(ofKind(items, "work").get(0)).get("position"))).isEqualTo(3);
  }

  /**
   * A translation still in draft asks for permission: the original's authors are told and may read
   * it to decide (it is listed on their work); nobody else may.
   */
  @Test
  void aDraftTranslationAskingPermissionReachesAndIsReadableByTheOriginalsAuthors() {
    Account original = fx().member("original");
    Account translator = fx().member("translator");
    Account stranger = fx().member("stranger");
    long pub = work(original, "Origin", "public", "zh-Hans");
    chapter(original, pub, "一");
    long draft = work(translator, "Draft translation", "draft", "en");
    chapter(translator, draft, "One");
    expect(
        201,
        translator
            .client()
            .post("/api/v1/works/" + pub + "/translations", Map.of("workId", draft)));

    var orig = await(original, i -> !ofKind(i, "translation_request").isEmpty());
    assertThat(num(data(ofKind(orig, "translation_request").get(0)).get("workId")))
        .isEqualTo(draft);
    expect(200, original.client().get("/api/v1/works/" + draft));
    assertThat(expect(200, original.client().get("/api/v1/works/" + pub + "/translations")).body())
        .contains("\"id\":" + draft + ",")
        .contains("\"state\":\"requested\"");
    assertProblem(stranger.client().get("/api/v1/works/" + draft), 404, "/problems/not-found");
    assertThat(expect(200, stranger.client().get("/api/v1/works/" + pub + "/translations")).body())
        .isEqualTo("[]");
    expect(
        200,
        original
            .client()
            .put("/api/v1/works/" + pub + "/translations/" + draft, Map.of("state", "granted")));
  }

  @Test
  void coauthorInvitationAndGroupedKudos() {
    Account author = fx().member("writer");
    Account invitee = fx().member("invitee");
    Account r1 = fx().member("reader1");
    Account r2 = fx().member("reader2");
    long draft = work(author, "Secret", "draft", "en");
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + draft + "/coauthors", Map.of("handle", invitee.handle())));
    var inv = await(invitee, i -> !ofKind(i, "coauthor_invitation").isEmpty());
    assertThat(num(data(ofKind(inv, "coauthor_invitation").get(0)).get("workId"))).isEqualTo(draft);

    long w = work(author, "Open", "public", "en");
    chapter(author, w, "One");
    expect(204, r1.client().put("/api/v1/works/" + w + "/kudos", null));
    expect(204, r2.client().put("/api/v1/works/" + w + "/kudos", null));
    var items =
        await(
            author,
            i ->
                !ofKind(i, "kudos").isEmpty()
                    && num(ofKind(i, "kudos").get(0).get("actorCount")) == 2);
    assertThat(ofKind(items, "kudos")).hasSize(1);
    assertThat(num(ofKind(items, "kudos").get(0).get("actorCount"))).isEqualTo(2);

    // Once the work is deleted, notifications about it disappear.
    expect(204, author.client().delete("/api/v1/works/" + w));
    assertThat(ofKind(NotificationApiTest.notifications(author).items(), "kudos")).isEmpty();
  }
}
