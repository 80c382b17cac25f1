package io.starbridge.moderation;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class WorkReportTest extends ForumTest {

  private long work(Account author, String visibility) {
    long id =
        id(
            expect(
                201,
                author
                    .client()
                    .post(
                        "/api/v1/works",
                        Map.of(
                            "title", "Reported",
                            "summary", "s",
                            "type", "novel",
                            "language", "en",
                            "rating", "general",
                            "visibility", visibility))));
    expect(
        201,
        author
            .client()
            .post("/api/v1/works/" + id + "/chapters", Map.of("title", "One", "body", "Text")));
    return id;
  }

  private TestClient.Response report(Account who, long work) {
    return who.client()
        .post(
            "/api/v1/reports",
            Map.of("targetType", "work", "targetId", work, "reason", "spam", "note", "mine"));
  }

  private Map<String, Object> queueItem(Account mod, long work) {
    return mod.client().get("/api/v1/mod/queue").items().stream()
        .filter(
            i ->
                "work".equals(i.get("targetType"))
                    && ((Number) i.get("targetId")).longValue() == work)
        .findFirst()
        .orElse(null);
  }

  private long resolve(Account mod, long work, String action) {
    Map<String, Object> item = queueItem(mod, work);
    assertThat(item).isNotNull();
    long reportId = ((Number) item.get("reportId")).longValue();
    expect(
        200,
        mod.client()
            .post("/api/v1/mod/reports/" + reportId + "/resolve", Map.of("action", action)));
    return reportId;
  }

  @Test
  void onlyWorksTheReporterCanSeeAreReportable() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    long draft = work(author, "draft");
    assertProblem(report(reader, draft), 404, "/problems/not-found");
    assertProblem(
        anonymous()
            .post(
                "/api/v1/reports",
                Map.of("targetType", "work", "targetId", draft, "reason", "spam")),
        401,
        "/problems/unauthorized");
    long pub = work(author, "public");
    assertThat(report(reader, pub).status()).isEqualTo(201);
    assertProblem(report(reader, 999_999_999L), 404, "/problems/not-found");
  }

  @Test
  void hideSendsTheWorkBackToDraftAndDeleteSoftDeletesIt() {
    Account author = fx().member("writer");
    Account reader = fx().member("reader");
    Account mod = fx().moderator();
    long hidden = work(author, "public");
    expect(201, report(reader, hidden));
    Map<String, Object> item = queueItem(mod, hidden);
    assertThat(item.get("title")).isEqualTo("Reported");
    // Reporters may not resolve.
    assertProblem(
        reader
            .client()
            .post(
                "/api/v1/mod/reports/" + item.get("reportId") + "/resolve",
                Map.of("action", "hide")),
        403,
        "/problems/forbidden");
    long reportId = resolve(mod, hidden, "hide");
    assertProblem(reader.client().get("/api/v1/works/" + hidden), 404, "/problems/not-found");
    assertThat(expect(200, author.client().get("/api/v1/works/" + hidden)).string("visibility"))
        .isEqualTo("draft");
    assertThat(fx().auditActions("work", hidden)).contains("report.hide");
    assertThat(fx().eventTypes("report", reportId)).contains("ReportResolved");
    assertThat(queueItem(mod, hidden)).isNull();

    long deleted = work(author, "public");
    expect(201, report(reader, deleted));
    resolve(mod, deleted, "delete");
    assertProblem(anonymous().get("/api/v1/works/" + deleted), 404, "/problems/not-found");
    assertProblem(author.client().get("/api/v1/works/" + deleted), 404, "/problems/not-found");
    assertThat(fx().eventTypes("work", deleted)).contains("WorkDeleted");

    long dismissed = work(author, "public");
    expect(201, report(reader, dismissed));
    resolve(mod, dismissed, "dismiss");
    expect(200, anonymous().get("/api/v1/works/" + dismissed));

    // Post-only actions do not apply to a work.
    long other = work(author, "public");
    expect(201, report(reader, other));
    long rid = ((Number) queueItem(mod, other).get("reportId")).longValue();
    assertProblem(
        mod.client().post("/api/v1/mod/reports/" + rid + "/resolve", Map.of("action", "lock")),
        400,
        "/problems/validation");
  }
}
