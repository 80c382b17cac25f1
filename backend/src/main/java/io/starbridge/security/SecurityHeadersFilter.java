package io.starbridge.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.starbridge.ops.SwaggerUiCsp;

/**
 * Security headers on every response. The CSP allows no inline script at all: even if a sanitizer
 * bug let markup through, it could not run. Styles may be inline because KaTeX sets sizes in style
 * attributes. Swagger UI's own page gets its inline scripts allowed by hash only.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
          + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  private final SwaggerUiCsp swaggerUiCsp;

  public SecurityHeadersFilter(SwaggerUiCsp swaggerUiCsp) {
    this.swaggerUiCsp = swaggerUiCsp;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @ResponseFilter
  public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    var h = response.getHeaders();
    String path = request.getPath();
    h.set("Content-Security-Policy", path.startsWith("/api/docs") ? swaggerUiCsp.policy() : CSP);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "strict-origin-when-cross-origin");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (path.startsWith("/api/") && !h.contains("Cache-Control")) {
      h.set("Cache-Control", "no-store");
    }
  }
}
