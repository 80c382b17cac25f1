package io.starbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SmokeTest extends ApiTest {
  @Test
  void boardsAreSeeded() {
    TestClient.Response r = client().get("/api/v1/boards");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.items()).extracting(m -> m.get("slug")).contains("writing", "science", "meta");
  }
}
