package io.starbridge.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import io.starbridge.common.ProblemResponses;
import io.starbridge.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

/**
 * Double-submit CSRF protection. A state-changing request that carries session cookies must echo
 * the readable {@code sb_csrf} cookie in {@code X-CSRF-Token}; a page on another site can make the
 * browser send the cookies but cannot read the value. Bearer-token clients send no cookies and are
 * exempt. Every API response without the cookie gets one, so the SPA always has a value to echo.
 */
@ServerFilter("/api/**")
public class CsrfFilter implements Ordered {
  private static final Set<HttpMethod> SAFE =
      EnumSet.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  private final AuthCookies cookies;

  public CsrfFilter(AuthCookies cookies) {
    this.cookies = cookies;
  }

  @Override
  public int getOrder() {
    // Before authentication: a forged request is refused without touching the database.
    return ServerFilterPhase.SECURITY.before();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    if (SAFE.contains(request.getMethod())
        || !carriesSessionCookie(request)
        || hasBearer(request)) {
      return null;
    }
    String expected =
        request.getCookies().findCookie(AuthCookies.CSRF).map(Cookie::getValue).orElse("");
    String actual = request.getHeaders().get(AuthCookies.CSRF_HEADER);
    if (expected.isEmpty() || actual == null || !constantTimeEquals(expected, actual)) {
      return ProblemResponses.of(
          ProblemType.CSRF,
          "Reload the page and try again: the request lacked a valid X-CSRF-Token header.");
    }
    return null;
  }

  @ResponseFilter
  public void issue(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (request.getCookies().findCookie(AuthCookies.CSRF).isEmpty()
        && response.getHeaders().getAll(HttpHeaders.SET_COOKIE).stream()
            .noneMatch(c -> c.startsWith(AuthCookies.CSRF + "="))) {
      response.cookie(cookies.csrfCookie(request, Tokens.random("")));
    }
  }

  private static boolean carriesSessionCookie(HttpRequest<?> request) {
    return request.getCookies().findCookie(AuthCookies.SESSION).isPresent()
        || request.getCookies().findCookie(AuthCookies.REFRESH).isPresent();
  }

  private static boolean hasBearer(HttpRequest<?> request) {
    String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
