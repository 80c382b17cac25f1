package io.starbridge.ip;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.TestClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees an inquiry: the inquirer, the work's authors (co-authors who accepted) and admins read
 * it; everyone else gets 404 for its id, finds it in no list and hears nothing about it.
 */
@MicronautTest(transactional = false)
class InquiryPrivacyMatrixTest extends InquiryTestSupport {

  @Test
  void onlyInquirerAuthorsAndAdminsSeeTheThread() {
    Account owner = fx().member("inqowner");
    long w = workWithRights(owner, "film_tv", "games");
    Account co = coauthor(owner, w);
    Account invited = fx().member("inqinvited");
    expect(
        201,
        owner
            .client()
            .post("/api/v1/works/" + w + "/coauthors", Map.of("handle", invited.handle())));
    Account inquirer = producer("inqasker");
    Account otherProducer = producer("inqother");
    Account stranger = fx().member("inqstranger");
    Account admin = fx().admin();
    long id = inquiry(inquirer, w, "film_tv");
    // another producer's inquiry about the same work stays theirs
    long others = inquiry(otherProducer, w, "games");

    Map<String, Account> readers = new LinkedHashMap<>();
    readers.put("inquirer", inquirer);
    readers.put("author", owner);
    readers.put("co-author", co);
    readers.put("admin", admin);
    Map<String, Account> outsiders = new LinkedHashMap<>();
    outsiders.put("other industry user", otherProducer);
    outsiders.put("stranger", stranger);
    outsiders.put("invited co-author", invited);

    // GET /inquiries/{id}
    for (var e : readers.entrySet()) {
      TestClient.Response r = e.getValue().client().get("/api/v1/inquiries/" + id);
      assertThat(r.status()).as(e.getKey()).isEqualTo(200);
      assertThat(r.string("role"))
          .as(e.getKey())
          .isEqualTo(
              switch (e.getKey()) {
                case "inquirer" -> "inquirer";
                case "admin" -> "admin";
                default -> "author";
              });
    }
    for (var e : outsiders.entrySet()) {
      assertProblem(
          e.getValue().client().get("/api/v1/inquiries/" + id), 404, "/problems/not-found");
    }
    assertThat(anonymous().get("/api/v1/inquiries/" + id).status()).isEqualTo(401);
    assertProblem(inquirer.client().get("/api/v1/inquiries/" + others), 404, "/problems/not-found");

    // allowed transitions per role
    assertThat(transitions(inquirer, id)).containsExactly("withdrawn");
    assertThat(transitions(owner, id)).containsExactly("in_discussion", "agreed", "declined");
    assertThat(transitions(co, id)).containsExactly("in_discussion", "agreed", "declined");
    assertThat(transitions(admin, id)).isEmpty();

    // POST messages: participants write; admins read only; outsiders get 404
    expect(201, say(inquirer, id, "Any news?"));
    expect(201, say(co, id, "We are *interested*."));
    expect(201, say(owner, id, "Let us talk terms."));
    assertProblem(say(admin, id, "staff note"), 403, "/problems/forbidden");
    for (var e : outsiders.entrySet()) {
      assertProblem(say(e.getValue(), id, "hello"), 404, "/problems/not-found");
    }
    assertThat(
            anonymous().post("/api/v1/inquiries/" + id + "/messages", Map.of("body", "x")).status())
        .isEqualTo(401);
    TestClient.Response thread = expect(200, admin.client().get("/api/v1/inquiries/" + id));
    assertThat(list(thread.get("messages"))).hasSize(4);
    // the co-author's first word moved it into discussion
    assertThat(thread.string("state")).isEqualTo("in_discussion");
    assertThat(list(thread.get("events")))
        .extracting(ev -> ev.get("toState") + " by " + ((Map<?, ?>) ev.get("actor")).get("handle"))
        .containsExactly("in_discussion by " + co.handle());

    // POST state: outsiders 404, admins and the inquirer 403 for the authors' moves
    for (var e : outsiders.entrySet()) {
      assertProblem(move(e.getValue(), id, "declined"), 404, "/problems/not-found");
    }
    assertProblem(move(admin, id, "declined"), 403, "/problems/forbidden");
    assertProblem(move(inquirer, id, "declined"), 403, "/problems/forbidden");
    assertThat(
            anonymous()
                .post("/api/v1/inquiries/" + id + "/state", Map.of("state", "declined"))
                .status())
        .isEqualTo(401);
    assertThat(
            db.count("select count(*) from inquiries where id = ? and state = 'in_discussion'", id))
        .isEqualTo(1);

    // /me/inquiries: sent for the inquirer, received for the authors, nothing for the others
    assertThat(ids(inquirer, "")).containsExactly(id);
    assertThat(ids(inquirer, "?role=received")).isEmpty();
    assertThat(ids(owner, "?role=received")).containsExactlyInAnyOrder(id, others);
    assertThat(ids(co, "")).containsExactlyInAnyOrder(id, others);
    assertThat(ids(otherProducer, "")).containsExactly(others);
    assertThat(ids(stranger, "")).isEmpty();
    assertThat(ids(invited, "")).isEmpty();
    assertThat(ids(admin, "")).isEmpty();

    // notifications: the participants, never the others
    assertThat(ofInquiry(inquiryNotifications(owner, i -> !ofInquiry(i, id).isEmpty()), id))
        .isNotEmpty();
    assertThat(ofInquiry(inquiryNotifications(co, i -> !ofInquiry(i, id).isEmpty()), id))
        .isNotEmpty();
    assertThat(ofInquiry(inquiryNotifications(inquirer, i -> ofInquiry(i, id).size() >= 2), id))
        .extracting(n -> n.get("kind"))
        .contains("inquiry_message", "inquiry_state");
    sleep(900);
    assertThat(ofInquiry(inquiryNotifications(otherProducer), id)).isEmpty();
    assertThat(inquiryNotifications(stranger)).isEmpty();
    assertThat(inquiryNotifications(invited)).isEmpty();
    assertThat(inquiryNotifications(admin)).isEmpty();
  }

  @Test
  void aCoauthorWhoLeavesLosesTheThreadAndItsNotifications() {
    Account owner = fx().member("inqowner");
    long w = workWithRights(owner, "film_tv");
    Account co = coauthor(owner, w);
    long id = inquiry(producer("inqasker"), w, "film_tv");
    assertThat(ofInquiry(inquiryNotifications(co, i -> !ofInquiry(i, id).isEmpty()), id))
        .isNotEmpty();

    expect(204, owner.client().delete("/api/v1/works/" + w + "/coauthors/" + co.handle()));

    assertProblem(co.client().get("/api/v1/inquiries/" + id), 404, "/problems/not-found");
    assertThat(ids(co, "")).isEmpty();
    assertThat(ofInquiry(inquiryNotifications(co), id)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private List<Object> transitions(Account who, long id) {
    return (List<Object>)
        expect(200, who.client().get("/api/v1/inquiries/" + id)).get("allowedTransitions");
  }

  private List<Long> ids(Account who, String query) {
    return expect(200, who.client().get("/api/v1/me/inquiries" + query)).items().stream()
        .map(i -> num(i.get("id")))
        .toList();
  }

  private static List<Map<String, Object>> ofInquiry(List<Map<String, Object>> items, long id) {
    return items.stream()
        .filter(
            n ->
                n.get("data") instanceof Map<?, ?> d
                    && d.get("inquiryId") instanceof Number x
                    && x.longValue() == id)
        .toList();
  }
}
