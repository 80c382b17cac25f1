package io.starbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest;
import io.starbridge.support.TestClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing a client sends produces a 500: every bad body gets a 4xx problem+json. */
@MicronautTest(transactional = false)
class RobustnessTest extends ApiTest {

  private void assertProblem(TestClient.Response r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.string("type")).isEqualTo(type);
    assertThat(r.string("title")).isNotBlank();
    assertThat(r.get("status")).isEqualTo(status);
  }

  private TestClient.Response raw(String path, byte[] body) {
    return client().send("POST", path, body, Map.of("Content-Type", "application/json"));
  }

  @Test
  void unknownFieldsAreRejected() {
    TestClient.Response r =
        client().post("/api/v1/auth/login", Map.of("login", "a", "password", "b", "isAdmin", true));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.string("errors.0.field")).isEqualTo("isAdmin");
    assertThat(r.string("errors.0.code")).isEqualTo("unknown");
  }

  @Test
  void nullFieldsAndEmptyListsArePresent() {
    TestClient.Response r = client().get("/api/v1/me");
    assertThat(r.map()).containsKeys("type", "title", "status", "detail", "errors");
    Account a = signedIn("empty");
    assertThat(a.client().get("/api/v1/me/tokens").map())
        .containsEntry("nextCursor", null)
        .containsKey("items");
  }

  @Test
  void wrongTypesAreRejected() {
    TestClient.Response r =
        raw(
            "/api/v1/auth/register",
            "{\"handle\":[1,2],\"email\":{},\"password\":12}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void malformedJsonIsRejected() {
    TestClient.Response r =
        raw("/api/v1/auth/login", "{\"login\": \"x\", ".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anEmptyBodyIsRejected() {
    TestClient.Response r = raw("/api/v1/auth/login", new byte[0]);
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void missingRequiredFieldsNameTheField() {
    TestClient.Response r = client().post("/api/v1/auth/register", Map.of("handle", "someone_new"));
    assertProblem(r, 400, "/problems/validation");
    assertThat(r.body()).contains("email").contains("password");
  }

  @Test
  void invalidUtf8IsRejected() {
    byte[] body = {
      '{',
      '"',
      'l',
      'o',
      'g',
      'i',
      'n',
      '"',
      ':',
      '"',
      (byte) 0xC3,
      (byte) 0x28,
      '"',
      ',',
      '"',
      'p',
      'a',
      's',
      's',
      'w',
      'o',
      'r',
      'd',
      '"',
      ':',
      '"',
      'x',
      '"',
      '}'
    };
    TestClient.Response r = raw("/api/v1/auth/login", body);
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void nulBytesNeverReachTheDatabase() {
    Account a = signedIn("nul");
    TestClient.Response r = a.client().patch("/api/v1/me", Map.of("displayName", "evil\u0000name"));
    assertProblem(r, 400, "/problems/validation");
    TestClient.Response reg =
        client()
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "handle",
                    uniqueHandle("n"),
                    "email",
                    "a\u0000b@example.org",
                    "password",
                    PASSWORD));
    assertThat(reg.status()).isEqualTo(400);
  }

  @Test
  void deeplyNestedJsonIsRejected() {
    String body = "{\"login\":" + "[".repeat(1000) + "]".repeat(1000) + ",\"password\":\"x\"}";
    TestClient.Response r = raw("/api/v1/auth/login", body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isBetween(400, 499);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aTenMegabyteBodyIsRefusedBeforeItIsRead() {
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    big[0] = '"';
    big[big.length - 1] = '"';
    TestClient.Response r = raw("/api/v1/auth/register", big);
    assertProblem(r, 413, "/problems/payload-too-large");
  }

  @Test
  void aFormPostIsNotAccepted() {
    TestClient.Response r =
        client()
            .send(
                "POST",
                "/api/v1/auth/login",
                "login=a&password=b".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(r.status()).isEqualTo(415);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anUnknownApiPathIsAProblemNotTheSpa() {
    TestClient.Response r =
        client().get("/api/v1/no-such-thing", Map.of("Accept", "text/html,application/json"));
    assertProblem(r, 404, "/problems/not-found");
  }

  @Test
  void aWrongMethodIsAProblem() {
    TestClient.Response r = client().send("PUT", "/api/v1/auth/login", Map.of(), Map.of());
    assertThat(r.status()).isIn(404, 405);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/me/tokens/abc", "/api/v1/me/tokens/99999999999999999999999"})
  void badPathParametersAreClientErrors(String path) {
    Account a = signedIn("path");
    TestClient.Response r = a.client().delete(path);
    assertThat(r.status()).isBetween(400, 404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void oversizedFieldsAreValidationErrors() {
    TestClient.Response r =
        client().post("/api/v1/auth/login", Map.of("login", "x".repeat(5000), "password", "y"));
    assertProblem(r, 400, "/problems/validation");
    assertThat(r.string("errors.0.field")).isEqualTo("login");
  }
}
