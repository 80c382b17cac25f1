package io.starbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "starbridge.admin-email", value = "First.Admin@Starbridge.test")
class AdminEmailTest extends ApiTest {
  @Test
  void theConfiguredEmailBecomesAdminOnceVerified() {
    TestClient c = client();
    String handle = uniqueHandle("boss");
    TestClient.Response reg = register(c, handle, "first.admin@starbridge.test", PASSWORD);
    assertThat(reg.string("role")).isEqualTo("member");
    TestClient.Response verified =
        c.post(
            "/api/v1/auth/verify-email",
            Map.of("token", tokenOf(mailLink("first.admin@starbridge.test"))));
    assertThat(verified.string("role")).isEqualTo("admin");
  }
}
