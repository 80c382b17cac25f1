package io.starbridge.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses control characters (a NUL byte in particular, which PostgreSQL text cannot hold) in the
 * path and the query parameters of every API request with a 400 that names the parameter, instead
 * of letting them reach a query and fail there without field errors. Bodies are checked by each
 * feature's validation (see {@link Texts#hasForbiddenControlChars}).
 */
@ServerFilter("/api/**")
public class ControlCharsFilter implements Ordered {

  @Override
  public int getOrder() {
    // Inside the security headers filter, so the refusal carries them too.
    return ServerFilterPhase.FIRST.after();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    if (Texts.hasForbiddenControlChars(decoded(request.getPath()))) {
      return ProblemResponses.of(
          ApiException.invalid("path", "control_chars", "must not contain control characters"));
    }
    for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
      String name = p.getKey();
      boolean bad = Texts.hasForbiddenControlChars(name);
      for (String value : p.getValue()) {
        bad |= Texts.hasForbiddenControlChars(value);
      }
      if (bad) {
        String field = Texts.hasForbiddenControlChars(name) ? "query" : name;
        return ProblemResponses.of(
            ApiException.invalid(field, "control_chars", "must not contain control characters"));
      }
    }
    return null;
  }

  /** The path with %XX escapes resolved; a malformed escape is left for routing to refuse. */
  private static String decoded(String path) {
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }
}
