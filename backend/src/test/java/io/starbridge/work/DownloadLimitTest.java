package io.starbridge.work;

import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * Downloads are built in memory, so only a few are built at once: while every build permit is
 * taken, a download waits, then answers 503 with Retry-After instead of piling up; once a permit is
 * free it is served.
 */
@MicronautTest(transactional = false)
class DownloadLimitTest extends ForumTest {
  @Inject Downloads downloads;

  @Test
  void whileEveryPermitIsTakenADownloadIsRefusedWithRetryAfter() {
    Account author = fx().member("dlauthor");
    Map<String, Object> work = new HashMap<>();
    work.put("title", "Long night");
    work.put("summary", "s");
    work.put("type", "novel");
    work.put("language", "en");
    work.put("rating", "general");
    work.put("visibility", "public");
    long id = id(expect(201, author.client().post("/api/v1/works", work)));
    expect(
        201,
        author
            .client()
            .post(
                "/api/v1/works/" + id + "/chapters",
                Map.of("title", "One", "body", "The first chapter.")));
    String path = "/api/v1/works/" + id + "/download.html";
    Map<String, String> accept = Map.of("Accept", "*/*");

    Semaphore permits = downloads.permits();
    int all = permits.drainPermits();
    assertThat(all).isPositive();
    try {
      TestClient.Response busy = anonymous().get(path, accept);
      assertProblem(busy, 503, "/problems/unavailable");
      assertThat(busy.header("Retry-After")).contains("30");
      assertProblem(
          anonymous().get("/api/v1/works/" + id + "/download.epub", accept),
          503,
          "/problems/unavailable");
    } finally {
      permits.release(all);
    }
    TestClient.Response ok = expect(200, anonymous().get(path, accept));
    assertThat(ok.body()).contains("The first chapter.");
    assertThat(permits.availablePermits()).as("every permit given back").isEqualTo(all);
  }
}
