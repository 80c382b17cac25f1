package io.starbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "starbridge.rate-limits.registrations-per-ip-per-hour", value = "3")
class RegistrationThrottleTest extends ApiTest {
  @Test
  void registrationsPerIpAreLimited() {
    for (int i = 0; i < 3; i++) {
      String h = uniqueHandle("thr");
      assertThat(register(client(), h, h + "@example.org", PASSWORD).status()).isEqualTo(201);
    }
    String h = uniqueHandle("thr");
    TestClient.Response r = register(client(), h, h + "@example.org", PASSWORD);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.string("type")).isEqualTo("/problems/rate-limited");
    assertThat(r.header("Retry-After")).isPresent();
  }
}
