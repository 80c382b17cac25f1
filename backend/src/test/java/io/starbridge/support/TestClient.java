package io.starbridge.support;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser-like HTTP client for API tests: real HTTP over loopback, its own cookie jar, and the
 * CSRF header echoed from the {@code sb_csrf} cookie the way the SPA does it.
 */
public final class TestClient {
  private final URI base;
  private final ObjectMapper json;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private boolean sendCsrf = true;
  private String bearer;

  public TestClient(URI base, ObjectMapper json) {
    this.base = base;
    this.json = json;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public TestClient withoutCsrf() {
    this.sendCsrf = false;
    return this;
  }

  public TestClient withBearer(String token) {
    this.bearer = token;
    return this;
  }

  public record Response(
      int status, Map<String, List<String>> headers, String body, ObjectMapper json) {
    public Map<String, Object> map() {
      try {
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public Object get(String path) {
      Object cur = map();
      for (String part : path.split("\\.")) {
        if (cur instanceof Map<?, ?> m) {
          cur = m.get(part);
        } else if (cur instanceof List<?> l) {
          cur = l.get(Integer.parseInt(part));
        } else {
          return null;
        }
      }
      return cur;
    }

    public String string(String path) {
      Object v = get(path);
      return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
      return (List<Map<String, Object>>) map().get("items");
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public List<String> headerValues(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, Map.of());
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, Map.of());
  }

  public Response patch(String path, Object body) {
    return send("PATCH", path, body, Map.of());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  public Response send(String method, String path, Object body, Map<String, String> headers) {
    byte[] bytes;
    try {
      bytes =
          body == null
              ? null
              : body instanceof byte[] b
                  ? b
                  : body instanceof String s
                      ? s.getBytes(StandardCharsets.UTF_8)
                      : json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Accept", "application/json");
    if (bytes != null) {
      all.put("Content-Type", "application/json");
    }
    if (sendCsrf && !method.equals("GET") && !method.equals("HEAD")) {
      csrf().ifPresent(v -> all.put("X-CSRF-Token", v));
    }
    if (bearer != null) {
      all.put("Authorization", "Bearer " + bearer);
    }
    all.putAll(headers);
    all.forEach(
        (k, v) -> {
          if (v != null) {
            b.header(k, v);
          }
        });
    b.method(
        method,
        bytes == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes));
    try {
      HttpResponse<String> r =
          http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.headers().map(), r.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name) && !c.hasExpired())
        .map(HttpCookie::getValue)
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  public void setCookie(String name, String value) {
    HttpCookie c = new HttpCookie(name, value);
    c.setPath("/");
    c.setVersion(0);
    cookies.getCookieStore().add(base, c);
  }

  public void clearCookies() {
    cookies.getCookieStore().removeAll();
  }

  private Optional<String> csrf() {
    Optional<String> v = cookie("sb_csrf");
    if (v.isEmpty()) {
      get("/api/v1/boards"); // any API response hands out the CSRF cookie
      v = cookie("sb_csrf");
    }
    return v;
  }
}
