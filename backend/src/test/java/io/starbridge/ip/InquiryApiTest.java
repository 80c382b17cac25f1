package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class InquiryApiTest extends InquiryTestSupport {

  @Test
  @SuppressWarnings("unchecked")
  void verifiedProducerSendsAnInquiryThatOpensAThread() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv");

    TestClient.Response r = expect(201, send(producer, w, inquiryBody("film_tv")));
    long id = id(r);
    assertThat(r.string("state")).isEqualTo("sent");
    assertThat(r.string("medium")).isEqualTo("film_tv");
    assertThat(r.string("territory")).isEqualTo("Worldwide");
    assertThat(r.string("term")).isEqualTo("18-month option");
    assertThat(num(r.get("work.id"))).isEqualTo(w);
    assertThat(r.string("inquirer.handle")).isEqualTo(producer.handle());
    assertThat(r.string("role")).isEqualTo("inquirer");
    assertThat((List<Object>) r.get("allowedTransitions")).containsExactly("withdrawn");
    List<Map<String, Object>> messages = list(r.get("messages"));
    assertThat(messages).hasSize(1);
    assertThat((String) messages.get(0).get("bodyHtml")).contains("<strong>option</strong>");

    assertThat(fx().eventTypes("inquiry", id)).containsExactly("InquirySent");
    assertThat(fx().auditActions("inquiry", id)).containsExactly("inquiry.sent");
    // the work page offers the button to verified producers only
    assertThat(
            expect(200, producer.client().get("/api/v1/works/" + w)).get("permissions.canInquire"))
        .isEqualTo(true);
    assertThat(expect(200, writer.client().get("/api/v1/works/" + w)).get("permissions.canInquire"))
        .isEqualTo(false);
    assertThat(
            expect(200, fx().member("inqplain").client().get("/api/v1/works/" + w))
                .get("permissions.canInquire"))
        .isEqualTo(false);
    // and so does the catalogue item (once the index has the work)
    indexCaughtUp();
    String q =
        "/api/v1/ip/catalogue?q="
            + java.net.URLEncoder.encode(title(w), java.nio.charset.StandardCharsets.UTF_8);
    TestClient.Response forProducer = expect(200, producer.client().get(q));
    assertThat(forProducer.items())
        .as(forProducer.body())
        .extracting(i -> i.get("canInquire"))
        .containsExactly(true);
    assertThat(expect(200, writer.client().get(q)).items())
        .extracting(i -> i.get("canInquire"))
        .containsExactly(false);
  }

  @Test
  void validationNamesEveryField() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv", "translation:en");

    TestClient.Response r =
        send(
            producer,
            w,
            Map.of(
                "medium",
                "radio",
                "territory",
                "",
                "term",
                "t".repeat(201),
                "message",
                "m".repeat(10_001)));
    assertProblem(r, 400, "/problems/validation");
    assertThat(list(r.get("errors")))
        .extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("medium", "territory", "term", "message");

    Map<String, Object> translation = inquiryBody("translation");
    TestClient.Response noLanguage = send(producer, w, translation);
    assertProblem(noLanguage, 400, "/problems/validation");
    assertThat(list(noLanguage.get("errors"))).extracting(e -> e.get("field")).contains("language");

    translation.put("language", "en");
    expect(201, send(producer, w, translation));
    Map<String, Object> otherLanguage = inquiryBody("translation");
    otherLanguage.put("language", "fr");
    assertProblem(send(producer, w, otherLanguage), 409, "/problems/conflict");

    Map<String, Object> filmWithLanguage = inquiryBody("film_tv");
    filmWithLanguage.put("language", "en");
    assertProblem(send(producer, w, filmWithLanguage), 400, "/problems/validation");
    assertThat(db.count("select count(*) from inquiries where work_id = ?", w)).isEqualTo(1);
  }

  @Test
  void onlyVerifiedIndustryProfessionalsWhoAreNotAuthorsMayInquire() {
    Account writer = fx().member("inqwriter");
    long w = workWithRights(writer, "film_tv");
    Account co = coauthor(writer, w);
    db.update(
        "update users set badges = array['verified_industry'] where id in (?, ?)",
        writer.id(),
        co.id());

    assertProblem(
        send(fx().member("inqplain"), w, inquiryBody("film_tv")), 403, "/problems/forbidden");
    Account scientist = fx().member("inqsci");
    db.update("update users set badges = array['verified_scientist'] where id = ?", scientist.id());
    assertProblem(send(scientist, w, inquiryBody("film_tv")), 403, "/problems/forbidden");
    assertProblem(send(writer, w, inquiryBody("film_tv")), 403, "/problems/forbidden");
    assertProblem(send(co, w, inquiryBody("film_tv")), 403, "/problems/forbidden");
    assertThat(
            anonymous().post("/api/v1/works/" + w + "/inquiries", inquiryBody("film_tv")).status())
        .isEqualTo(401);

    // a work the producer may not read does not exist for it
    Map<String, Object> draft = new java.util.HashMap<>();
    draft.put("title", "草稿");
    draft.put("summary", "s");
    draft.put("type", "novel");
    draft.put("language", "zh-Hans");
    draft.put("rating", "teen");
    draft.put("visibility", "draft");
    long d = id(expect(201, writer.client().post("/api/v1/works", draft)));
    assertProblem(send(producer("inqprod"), d, inquiryBody("film_tv")), 404, "/problems/not-found");
    assertThat(db.count("select count(*) from inquiries where work_id in (?, ?)", w, d)).isZero();
  }

  @Test
  void onlyAvailableRightsAndOneOpenInquiryPerRight() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv");

    TestClient.Response unavailable = send(producer, w, inquiryBody("merchandise"));
    assertProblem(unavailable, 409, "/problems/conflict");
    assertProblem(send(producer, w, inquiryBody("games")), 409, "/problems/conflict");

    long first = inquiry(producer, w, "film_tv");
    TestClient.Response duplicate = send(producer, w, inquiryBody("film_tv"));
    assertProblem(duplicate, 409, "/problems/conflict");
    assertThat(list(duplicate.get("errors"))).extracting(e -> e.get("code")).contains("duplicate");

    // another producer may ask about the same right; once withdrawn, the first may ask again
    inquiry(producer("inqprod2"), w, "film_tv");
    expect(200, move(producer, first, "withdrawn"));
    inquiry(producer, w, "film_tv");
  }

  @Test
  void rateLimitStopsInquirySpam() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqspam");
    long w =
        workWithRights(writer, "film_tv", "animation", "games", "comics", "audio_drama", "stage");
    for (String medium : List.of("film_tv", "animation", "games", "comics", "audio_drama")) {
      expect(201, send(producer, w, inquiryBody(medium)));
    }
    TestClient.Response sixth = send(producer, w, inquiryBody("stage"));
    assertProblem(sixth, 429, "/problems/rate-limited");
    assertThat(sixth.header("Retry-After")).isPresent();
    assertThat(db.count("select count(*) from inquiries where inquirer_id = ?", producer.id()))
        .isEqualTo(5);
  }

  @Test
  void myInquiriesListsSentAndReceivedWithFiltersAndCursor() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w1 = workWithRights(writer, "film_tv", "games");
    long a = inquiry(producer, w1, "film_tv");
    long b = inquiry(producer, w1, "games");
    expect(200, move(producer, a, "withdrawn"));

    TestClient.Response sent =
        expect(200, producer.client().get("/api/v1/me/inquiries?role=sent&limit=1"));
    assertThat(sent.items()).extracting(i -> num(i.get("id"))).containsExactly(a);
    assertThat(sent.items().get(0).get("role")).isEqualTo("inquirer");
    TestClient.Response page2 =
        expect(
            200,
            producer
                .client()
                .get("/api/v1/me/inquiries?role=sent&limit=1&cursor=" + sent.string("nextCursor")));
    assertThat(page2.items()).extracting(i -> num(i.get("id"))).containsExactly(b);
    assertThat(page2.get("nextCursor")).isNull();

    assertThat(expect(200, producer.client().get("/api/v1/me/inquiries?role=received")).items())
        .isEmpty();
    TestClient.Response received =
        expect(200, writer.client().get("/api/v1/me/inquiries?role=received&state=sent"));
    assertThat(received.items()).extracting(i -> num(i.get("id"))).containsExactly(b);
    assertThat(received.items().get(0).get("role")).isEqualTo("author");
    assertThat(received.items().get(0).get("messages")).isNull();

    assertProblem(
        producer.client().get("/api/v1/me/inquiries?role=everything"), 400, "/problems/validation");
    assertProblem(
        producer.client().get("/api/v1/me/inquiries?state=pending"), 400, "/problems/validation");
  }

  private String title(long work) {
    return expect(200, anonymous().get("/api/v1/works/" + work)).string("title");
  }
}
