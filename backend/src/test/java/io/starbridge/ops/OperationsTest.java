package io.starbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class OperationsTest extends ApiTest {
  @Test
  void healthReportsDatabaseAndRedis() {
    TestClient.Response r = client().get("/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.string("status")).isEqualTo("UP");
    assertThat(r.body()).contains("jdbc").contains("redis");
  }

  @Test
  void metricsArePrometheusText() {
    TestClient.Response r = client().get("/metrics", Map.of("Accept", "text/plain"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(r.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void theOpenApiDocumentDescribesTheAccountsApi() {
    TestClient.Response r = client().get("/openapi");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.string("openapi")).startsWith("3.");
    assertThat(r.body()).contains("/api/v1/auth/register").contains("/api/v1/me/tokens");
    TestClient.Response yaml = client().get("/openapi", Map.of("Accept", "application/yaml"));
    assertThat(yaml.body()).startsWith("openapi:");
  }

  @Test
  void swaggerUiIsServedWithAHashBasedPolicy() {
    TestClient.Response r = client().get("/api/docs", Map.of("Accept", "text/html"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("swagger-ui");
    assertThat(r.header("Content-Security-Policy").orElseThrow())
        .contains("'sha256-")
        .doesNotContain("unsafe-inline' 'self'; script");
    assertThat(
            client().get("/swagger-ui/res/swagger-ui-bundle.js", Map.of("Accept", "*/*")).status())
        .isEqualTo(200);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/", "/api/v1/boards", "/api/v1/nope", "/health"}) {
      TestClient.Response r = client().get(path, Map.of("Accept", "text/html"));
      String csp =
          r.header("Content-Security-Policy")
              .orElseThrow(() -> new AssertionError("no CSP on " + path));
      assertThat(csp)
          .contains("script-src 'self'")
          .contains("object-src 'none'")
          .contains("base-uri 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(csp).doesNotContain("script-src 'self' 'unsafe-inline'");
      assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.header("Referrer-Policy")).isPresent();
    }
  }

  @Test
  void clientRoutesFallBackToTheSpa() {
    TestClient.Response r =
        client().get("/settings", Map.of("Accept", "text/html,application/xhtml+xml"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/html");
    assertThat(r.body()).containsIgnoringCase("<html");
    TestClient.Response file = client().get("/missing.js", Map.of("Accept", "*/*"));
    assertThat(file.status()).isEqualTo(404);
  }

  @Test
  void theDevMailboxAnswersLoopbackWithoutSmtp() {
    TestClient.Response r = client().get("/dev/mailbox");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.map()).containsKey("items");
  }

  @Test
  void theDevMailboxIgnoresForwardedRequests() {
    TestClient.Response r = client().get("/dev/mailbox", Map.of("X-Forwarded-For", "203.0.113.9"));
    assertThat(r.status()).isEqualTo(404);
  }
}
