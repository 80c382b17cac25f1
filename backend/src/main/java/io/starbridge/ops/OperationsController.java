package io.starbridge.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code /metrics} (Prometheus text), {@code /openapi} (the generated document), {@code /api/docs}.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OperationsController {
  private static final String OPENAPI = "META-INF/swagger/starbridge-0.1.0.yml";
  private final PrometheusMeterRegistry prometheus;
  private final ObjectMapper json;
  private final String openApiYaml;
  private final String swaggerUi;

  OperationsController(PrometheusMeterRegistry prometheus, ObjectMapper json) {
    this.prometheus = prometheus;
    this.json = json;
    this.openApiYaml = read(OPENAPI);
    this.swaggerUi = read(SwaggerUiCsp.INDEX);
  }

  @io.micronaut.serde.annotation.Serdeable
  record Pong(boolean ok) {}

  /** The cheapest API answer: the throughput ceiling the benchmarks compare against. */
  @Get("/api/v1/ping")
  Pong ping() {
    return new Pong(true);
  }

  @Get(value = "/metrics", produces = "text/plain; version=0.0.4; charset=utf-8")
  String metrics() {
    return prometheus.scrape();
  }

  /** JSON by default; YAML for clients that ask for it. */
  @Get(
      value = "/openapi",
      produces = {MediaType.APPLICATION_JSON, "application/yaml", "text/yaml"})
  HttpResponse<String> openapi(HttpRequest<?> request) throws IOException {
    if (openApiYaml == null) {
      throw ApiException.notFound("OpenAPI document");
    }
    String accept = request.getHeaders().get("Accept", String.class).orElse("");
    if (accept.contains("yaml")) {
      return HttpResponse.ok(openApiYaml).contentType("application/yaml");
    }
    Object tree = new Yaml(new LoaderOptions()).load(openApiYaml);
    return HttpResponse.ok(json.writeValueAsString(tree))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  @Get("/openapi.yml")
  HttpResponse<String> openapiYaml() {
    if (openApiYaml == null) {
      throw ApiException.notFound("OpenAPI document");
    }
    return HttpResponse.ok(openApiYaml).contentType("application/yaml");
  }

  /** Swagger UI (served with a CSP that admits its inline script by hash). */
  @Get(value = "/api/docs", produces = "text/html; charset=utf-8")
  String docs() {
    if (swaggerUi == null) {
      throw ApiException.notFound("API docs");
    }
    return swaggerUi;
  }

  private static String read(String resource) {
    try (InputStream in =
        OperationsController.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
