package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sent → in_discussion → declined | agreed | withdrawn, and what an agreement does to the right.
 */
@MicronautTest(transactional = false)
class InquiryStateMachineTest extends InquiryTestSupport {

  private String rightStatus(long work, String medium) {
    return list(expect(200, anonymous().get("/api/v1/works/" + work + "/rights")).get("rights"))
        .stream()
        .filter(r -> medium.equals(r.get("medium")))
        .map(r -> (String) r.get("status"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void authorsAgreementMovesTheRightUnderOptionWithAuditEventAndNotification() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv");
    long id = inquiry(producer, w, "film_tv");

    TestClient.Response discussing = expect(200, move(writer, id, "in_discussion"));
    assertThat(discussing.string("state")).isEqualTo("in_discussion");
    TestClient.Response agreed = expect(200, move(writer, id, "agreed"));
    assertThat(agreed.string("state")).isEqualTo("agreed");
    assertThat(agreed.string("rightStatus")).isEqualTo("under_option");
    assertThat((java.util.List<?>) agreed.get("allowedTransitions")).isEmpty();
    assertThat(agreed.get("canPostMessage")).isEqualTo(false);

    assertThat(rightStatus(w, "film_tv")).isEqualTo("under_option");
    assertThat(fx().eventTypes("work", w)).endsWith("WorkRightsUpdated");
    assertThat(fx().eventTypes("inquiry", id))
        .containsExactly("InquirySent", "InquiryStateChanged", "InquiryStateChanged");
    assertThat(fx().audits("inquiry", id))
        .extracting(a -> a.action() + " by " + a.actorId())
        .containsExactly(
            "inquiry.sent by " + producer.id(),
            "inquiry.in_discussion by " + writer.id(),
            "inquiry.agreed by " + writer.id());
    assertThat(fx().audits("inquiry", id).get(2).after()).contains("under_option");

    var notes =
        inquiryNotifications(
            producer,
            i ->
                i.stream()
                    .anyMatch(n -> "agreed".equals(((Map<?, ?>) n.get("data")).get("state"))));
    assertThat(notes)
        .anySatisfy(
            n -> {
              assertThat(n.get("kind")).isEqualTo("inquiry_state");
              assertThat(((Map<?, ?>) n.get("data")).get("rightStatus")).isEqualTo("under_option");
            });

    // final: nothing moves an agreed inquiry, nobody writes in it
    assertProblem(move(writer, id, "declined"), 409, "/problems/conflict");
    assertProblem(move(producer, id, "withdrawn"), 409, "/problems/conflict");
    assertProblem(say(producer, id, "one more thing"), 409, "/problems/conflict");
  }

  /**
   * An agreement takes the right: other open inquiries about it are declined (and their inquirers
   * told); inquiries about another medium, or already closed, are left alone.
   */
  @Test
  void anAgreementDeclinesTheOtherOpenInquiriesAboutTheSameRight() {
    Account writer = fx().member("inqwriter");
    Account first = producer("inqprodone");
    Account second = producer("inqprodtwo");
    Account third = producer("inqprodthree");
    long w = workWithRights(writer, "film_tv", "games");
    long winner = inquiry(first, w, "film_tv");
    long rival = inquiry(second, w, "film_tv");
    long gone = inquiry(third, w, "film_tv");
    long otherMedium = inquiry(second, w, "games");
    expect(200, move(third, gone, "withdrawn"));
    expect(200, move(writer, rival, "in_discussion"));

    expect(200, move(writer, winner, "agreed"));

    TestClient.Response closed = expect(200, second.client().get("/api/v1/inquiries/" + rival));
    assertThat(closed.string("state")).isEqualTo("declined");
    assertThat(fx().auditActions("inquiry", rival)).endsWith("inquiry.declined");
    assertThat(
            fx().audits("inquiry", rival).get(fx().audits("inquiry", rival).size() - 1).actorId())
        .isEqualTo(writer.id());
    assertThat(expect(200, second.client().get("/api/v1/inquiries/" + otherMedium)).string("state"))
        .isEqualTo("sent");
    assertThat(expect(200, third.client().get("/api/v1/inquiries/" + gone)).string("state"))
        .isEqualTo("withdrawn");
    var notes =
        inquiryNotifications(
            second,
            i ->
                i.stream()
                    .anyMatch(n -> "declined".equals(((Map<?, ?>) n.get("data")).get("state"))));
    assertThat(notes)
        .anySatisfy(
            n -> assertThat(((Map<?, ?>) n.get("data")).get("state")).isEqualTo("declined"));
  }

  @Test
  void agreementMayLicenseTheRightStraightFromSent() {
    Account writer = fx().member("inqwriter");
    long w = workWithRights(writer, "games");
    long id = inquiry(producer("inqprod"), w, "games");
    TestClient.Response r =
        expect(
            200,
            writer
                .client()
                .post(
                    "/api/v1/inquiries/" + id + "/state",
                    Map.of("state", "agreed", "rightStatus", "licensed")));
    assertThat(r.string("rightStatus")).isEqualTo("licensed");
    assertThat(rightStatus(w, "games")).isEqualTo("licensed");
    // the licensed right leaves the catalogue
    indexCaughtUp();
    assertThat(
            expect(200, anonymous().get("/api/v1/ip/catalogue?medium=games&q=" + title(w))).items())
        .isEmpty();
  }

  @Test
  void noAgreementAfterWithdrawal() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv");
    long id = inquiry(producer, w, "film_tv");
    expect(200, move(producer, id, "withdrawn"));

    assertProblem(move(writer, id, "agreed"), 409, "/problems/conflict");
    assertProblem(move(writer, id, "in_discussion"), 409, "/problems/conflict");
    assertProblem(say(writer, id, "wait"), 409, "/problems/conflict");
    assertThat(rightStatus(w, "film_tv")).isEqualTo("available");
    assertThat(fx().auditActions("inquiry", id))
        .containsExactly("inquiry.sent", "inquiry.withdrawn");
  }

  @Test
  void onlyAuthorsConfirmAndOnlyTheInquirerWithdraws() {
    Account writer = fx().member("inqwriter");
    Account producer = producer("inqprod");
    long w = workWithRights(writer, "film_tv");
    Account co = coauthor(writer, w);
    long id = inquiry(producer, w, "film_tv");

    assertProblem(move(producer, id, "agreed"), 403, "/problems/forbidden");
    assertProblem(move(producer, id, "in_discussion"), 403, "/problems/forbidden");
    assertProblem(move(writer, id, "withdrawn"), 403, "/problems/forbidden");
    assertProblem(move(fx().admin(), id, "agreed"), 403, "/problems/forbidden");
    assertThat(rightStatus(w, "film_tv")).isEqualTo("available");

    // bad bodies
    assertProblem(move(writer, id, "sent"), 400, "/problems/validation");
    assertProblem(move(writer, id, "maybe"), 400, "/problems/validation");
    assertProblem(
        writer
            .client()
            .post(
                "/api/v1/inquiries/" + id + "/state",
                Map.of("state", "agreed", "rightStatus", "available")),
        400,
        "/problems/validation");
    assertProblem(
        writer
            .client()
            .post(
                "/api/v1/inquiries/" + id + "/state",
                Map.of("state", "declined", "rightStatus", "licensed")),
        400,
        "/problems/validation");

    // a co-author declines; declined is final
    expect(200, move(co, id, "declined"));
    assertProblem(move(writer, id, "agreed"), 409, "/problems/conflict");
    assertProblem(move(producer, id, "withdrawn"), 409, "/problems/conflict");
    assertThat(fx().audits("inquiry", id).get(1).actorId()).isEqualTo(co.id());
  }

  private String title(long work) {
    return java.net.URLEncoder.encode(
        expect(200, anonymous().get("/api/v1/works/" + work)).string("title"),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
