package io.starbridge.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registry and IP endpoint of the API contract is in the generated OpenAPI document. */
@MicronautTest(transactional = false)
class RegistryIpOpenApiTest extends ApiTest {

  /** API.md § Works, registry, IP (the registry and IP rows) and the dashboard addition. */
  private static final Map<String, List<String>> CONTRACT =
      Map.ofEntries(
          Map.entry("/api/v1/registry/key", List.of("get")),
          Map.entry("/api/v1/registry/head", List.of("get")),
          Map.entry("/api/v1/registry/days", List.of("get")),
          Map.entry("/api/v1/registry/entries/{id}", List.of("get")),
          Map.entry("/api/v1/registry/verify", List.of("post")),
          Map.entry("/api/v1/registry/drafts", List.of("post")),
          Map.entry("/api/v1/works/{id}/rights", List.of("get", "put")),
          Map.entry("/api/v1/ip/catalogue", List.of("get")),
          Map.entry("/api/v1/works/{id}/inquiries", List.of("post")),
          Map.entry("/api/v1/me/inquiries", List.of("get")),
          Map.entry("/api/v1/inquiries/{id}", List.of("get")),
          Map.entry("/api/v1/inquiries/{id}/messages", List.of("post")),
          Map.entry("/api/v1/inquiries/{id}/state", List.of("post")),
          Map.entry("/api/v1/me/dashboard", List.of("get")));

  @Test
  void everyRegistryAndIpEndpointIsDocumentedWithASummary() {
    @SuppressWarnings("unchecked")
    Map<String, Object> paths = (Map<String, Object>) client().get("/openapi").map().get("paths");
    CONTRACT.forEach(
        (path, verbs) -> {
          assertThat(paths).as(path).containsKey(path);
          @SuppressWarnings("unchecked")
          Map<String, Object> operations = (Map<String, Object>) paths.get(path);
          for (String verb : verbs) {
            assertThat(operations).as(verb + " " + path).containsKey(verb);
            Map<?, ?> op = (Map<?, ?>) operations.get(verb);
            assertThat((String) op.get("summary"))
                .as("summary of " + verb + " " + path)
                .isNotBlank();
          }
        });
    Map<?, ?> mine = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/me/inquiries")).get("get");
    assertThat((String) mine.get("description")).contains("state=sent,in_discussion");
    Map<?, ?> dashboard = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/me/dashboard")).get("get");
    assertThat((String) dashboard.get("description")).contains("inquiries");
  }
}
