package io.starbridge.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.Fixtures;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class VerificationApiTest extends ForumTest {

  private TestClient.Response expect(int status, TestClient.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    return r;
  }

  private TestClient.Response ask(Account a, String kind) {
    return a.client()
        .post(
            "/api/v1/me/verifications",
            Map.of(
                "kind",
                kind,
                "evidence",
                "Postdoc in exoplanet atmospheres",
                "links",
                List.of("https://example.org/lab")));
  }

  @Test
  void approvalAddsTheBadgeEverywhereWithAnAuditRowAndAnEvent() {
    Account a = fx().member("sci");
    Account admin = fx().admin();
    TestClient.Response req = expect(201, ask(a, "scientist"));
    assertThat(req.get("state")).isEqualTo("pending");
    assertThat(req.get("links")).isEqualTo(List.of("https://example.org/lab"));
    assertThat(req.get("decidedAt")).isNull();
    long id = id(req);
    assertProblem(ask(a, "scientist"), 409, "/problems/conflict");
    assertThat(expect(200, a.client().get("/api/v1/me/verifications")).items()).hasSize(1);

    assertProblem(a.client().get("/api/v1/admin/verifications"), 403, "/problems/forbidden");
    assertProblem(
        fx().moderator()
            .client()
            .post("/api/v1/admin/verifications/" + id + "/decision", Map.of("decision", "approve")),
        403,
        "/problems/forbidden");
    TestClient.Response queue =
        expect(200, admin.client().get("/api/v1/admin/verifications?limit=100"));
    assertThat(queue.items())
        .anySatisfy(
            item -> {
              assertThat(((Number) item.get("id")).longValue()).isEqualTo(id);
              assertThat(((Map<?, ?>) item.get("user")).get("handle")).isEqualTo(a.handle());
            });

    TestClient.Response decided =
        expect(
            200,
            admin
                .client()
                .post(
                    "/api/v1/admin/verifications/" + id + "/decision",
                    Map.of("decision", "approve", "note", "Checked the lab page")));
    assertThat(decided.get("state")).isEqualTo("approved");
    assertThat(decided.get("decisionNote")).isEqualTo("Checked the lab page");
    assertThat(decided.get("decidedAt")).isNotNull();
    assertThat(decided.get("user.badges")).isEqualTo(List.of("verified_scientist"));

    List<Fixtures.Audit> audits = fx().audits("user", a.id());
    assertThat(audits).extracting(Fixtures.Audit::action).containsExactly("approve_verification");
    assertThat(audits.get(0).actorId()).isEqualTo(admin.id());
    assertThat(audits.get(0).after()).contains("verified_scientist").contains("approved");
    assertThat(fx().eventTypes("user", a.id()))
        .contains("VerificationRequested", "VerificationDecided");

    // The badge shows on the profile and next to every post.
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).get("badges"))
        .isEqualTo(List.of("verified_scientist"));
    long topic = fx().topic(a, fx().board());
    assertThat(anonymous().get("/api/v1/topics/" + topic + "/posts").get("items.0.author.badges"))
        .isEqualTo(List.of("verified_scientist"));

    assertProblem(
        admin
            .client()
            .post("/api/v1/admin/verifications/" + id + "/decision", Map.of("decision", "decline")),
        409,
        "/problems/conflict");
    assertProblem(ask(a, "scientist"), 409, "/problems/conflict");
    assertThat(
            expect(200, admin.client().get("/api/v1/admin/verifications?state=approved&limit=100"))
                .items())
        .anySatisfy(item -> assertThat(((Number) item.get("id")).longValue()).isEqualTo(id));

    // Revocation: audited, idempotent.
    expect(
        204,
        admin.client().delete("/api/v1/admin/users/" + a.handle() + "/badges/verified_scientist"));
    expect(
        204,
        admin.client().delete("/api/v1/admin/users/" + a.handle() + "/badges/verified_scientist"));
    assertThat(fx().auditActions("user", a.id()))
        .containsExactly("approve_verification", "revoke_badge");
    assertThat(anonymous().get("/api/v1/users/" + a.handle()).get("badges")).isEqualTo(List.of());
    assertThat(fx().eventTypes("user", a.id())).contains("UserBadgeRevoked");
    assertProblem(
        admin.client().delete("/api/v1/admin/users/" + a.handle() + "/badges/king"),
        404,
        "/problems/not-found");
    assertProblem(
        a.client().delete("/api/v1/admin/users/" + a.handle() + "/badges/verified_scientist"),
        403,
        "/problems/forbidden");
  }

  @Test
  void declineKeepsBadgesAndAllowsANewRequest() {
    Account a = fx().member("ind");
    long id = id(expect(201, ask(a, "industry")));
    TestClient.Response d =
        expect(
            200,
            fx().admin()
                .client()
                .post(
                    "/api/v1/admin/verifications/" + id + "/decision",
                    Map.of("decision", "decline")));
    assertThat(d.get("state")).isEqualTo("declined");
    assertThat(d.get("user.badges")).isEqualTo(List.of());
    assertThat(fx().auditActions("user", a.id())).containsExactly("decline_verification");
    expect(201, ask(a, "industry"));
  }

  @Test
  void invalidRequestsNameTheirFields() {
    Account a = fx().member("inv");
    TestClient.Response r =
        a.client()
            .post(
                "/api/v1/me/verifications",
                Map.of("kind", "wizard", "evidence", " ", "links", List.of("javascript:x")));
    assertProblem(r, 400, "/problems/validation");
    assertThat(
            ((List<?>) r.get("errors"))
                .stream().map(e -> (Object) ((Map<?, ?>) e).get("field")).toList())
        .containsExactly("kind", "evidence", "links[0]");
    assertProblem(
        fx().admin().client().get("/api/v1/admin/verifications?state=maybe"),
        400,
        "/problems/validation");
    assertProblem(
        fx().admin()
            .client()
            .post("/api/v1/admin/verifications/999999999/decision", Map.of("decision", "approve")),
        404,
        "/problems/not-found");
  }
}
