package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The author dashboard's inquiries summary and the open-inquiries list it links to. */
@MicronautTest(transactional = false)
class DashboardInquiriesTest extends InquiryTestSupport {

  private Map<?, ?> summary(Account who) {
    return (Map<?, ?>) expect(200, who.client().get("/api/v1/me/dashboard")).get("inquiries");
  }

  private static Map<String, Long> counts(long sent, long discussion, long withdrawn) {
    return Map.of(
        "sent",
        sent,
        "in_discussion",
        discussion,
        "declined",
        0L,
        "agreed",
        0L,
        "withdrawn",
        withdrawn);
  }

  private static Map<String, Long> longs(Map<?, ?> raw) {
    Map<String, Long> out = new java.util.HashMap<>();
    raw.forEach((k, v) -> out.put((String) k, num(v)));
    return out;
  }

  @Test
  void receivedInquiriesAreCountedPerStateForEveryAuthorOnly() {
    Account writer = fx().member("dashinqw");
    long w = workWithRights(writer, "film_tv", "games", "comics");
    Account co = coauthor(writer, w);
    Account producer = producer("dashinqp");
    long sent = inquiry(producer, w, "film_tv");
    long discussed = inquiry(producer("dashinqq"), w, "games");
    expect(201, say(writer, discussed, "Tell me more."));
    Account quitter = producer("dashinqr");
    long withdrawn = inquiry(quitter, w, "comics");
    expect(200, move(quitter, withdrawn, "withdrawn"));

    assertThat(longs(summary(writer))).isEqualTo(counts(1, 1, 1));
    // per work in the works table: open (sent, in discussion) and total
    Map<?, ?> row =
        list(expect(200, co.client().get("/api/v1/me/dashboard")).get("works")).stream()
            .filter(x -> num(x.get("id")) == w)
            .findFirst()
            .orElseThrow();
    assertThat(longs((Map<?, ?>) row.get("inquiries"))).isEqualTo(Map.of("open", 2L, "total", 3L));
    assertThat(longs(summary(co))).isEqualTo(counts(1, 1, 1));
    // the inquirer sent one but received none; a stranger has all zeros
    assertThat(longs(summary(producer))).isEqualTo(counts(0, 0, 0));
    assertThat(longs(summary(fx().member("dashinqs")))).isEqualTo(counts(0, 0, 0));

    // the open ones, as the dashboard section lists them first
    List<Map<String, Object>> open =
        expect(
                200,
                writer.client().get("/api/v1/me/inquiries?role=received&state=sent,in_discussion"))
            .items();
    assertThat(open).extracting(i -> num(i.get("id"))).containsExactly(discussed, sent);
    assertThat(
            expect(200, writer.client().get("/api/v1/me/inquiries?role=received&state=withdrawn"))
                .items())
        .extracting(i -> num(i.get("id")))
        .containsExactly(withdrawn);
    assertProblem(
        writer.client().get("/api/v1/me/inquiries?role=received&state=sent,bogus"),
        400,
        "/problems/validation");
  }
}
