package io.starbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.starbridge.common.Db;
import jakarta.inject.Inject;

/**
 * Base of forum API tests: the fixtures and assertions on problem+json answers. Subclasses use
 * {@code @MicronautTest(transactional = false)}: fixture writes through {@link Db} must commit to
 * be seen by the server.
 */
public abstract class ForumTest extends ApiTest {
  @Inject protected Db db;
  private Fixtures fx;

  protected Fixtures fx() {
    if (fx == null) {
      fx = new Fixtures(this, db);
    }
    return fx;
  }

  /** Asserts the status and the problem {@code type} of an error answer. */
  protected static void assertProblem(TestClient.Response r, int status, String type) {
    assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.string("type")).as("problem type of %s", r.body()).isEqualTo(type);
  }

  protected static long id(TestClient.Response r) {
    return ((Number) r.get("id")).longValue();
  }

  protected TestClient anonymous() {
    return client();
  }
}
