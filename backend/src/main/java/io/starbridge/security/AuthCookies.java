package io.starbridge.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The session cookies. {@code sb_session} and {@code sb_refresh} are HttpOnly (no page script can
 * read them); {@code sb_csrf} is readable on purpose: the SPA echoes it in {@code X-CSRF-Token}.
 */
@Singleton
public class AuthCookies {
  public static final String SESSION = "sb_session";
  public static final String REFRESH = "sb_refresh";
  public static final String CSRF = "sb_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  static final String REFRESH_PATH = "/api/v1/auth";

  private final String secureMode;

  public AuthCookies(@Value("${starbridge.cookies.secure:auto}") String secureMode) {
    this.secureMode = secureMode;
  }

  public void set(
      HttpRequest<?> request, MutableHttpResponse<?> response, SessionStore.Issued issued) {
    boolean secure = secure(request);
    response.cookie(
        Cookie.of(SESSION, issued.accessToken())
            .httpOnly(true)
            .secure(secure)
            .sameSite(SameSite.Lax)
            .path("/")
            .maxAge(issued.accessTtl()));
    response.cookie(
        Cookie.of(REFRESH, issued.refreshToken())
            .httpOnly(true)
            .secure(secure)
            .sameSite(SameSite.Lax)
            .path(REFRESH_PATH)
            .maxAge(issued.refreshTtl()));
    if (request.getCookies().get(CSRF) == null) {
      response.cookie(csrfCookie(request, Tokens.random("")));
    }
  }

  public void clear(HttpRequest<?> request, MutableHttpResponse<?> response) {
    boolean secure = secure(request);
    response.cookie(
        Cookie.of(SESSION, "")
            .httpOnly(true)
            .secure(secure)
            .sameSite(SameSite.Lax)
            .path("/")
            .maxAge(0));
    response.cookie(
        Cookie.of(REFRESH, "")
            .httpOnly(true)
            .secure(secure)
            .sameSite(SameSite.Lax)
            .path(REFRESH_PATH)
            .maxAge(0));
  }

  Cookie csrfCookie(HttpRequest<?> request, String value) {
    return Cookie.of(CSRF, value)
        .httpOnly(false)
        .secure(secure(request))
        .sameSite(SameSite.Lax)
        .path("/")
        .maxAge(Duration.ofDays(365));
  }

  /**
   * Secure when the request came over HTTPS (directly or via a proxy that says so), or when forced.
   */
  boolean secure(HttpRequest<?> request) {
    return switch (secureMode) {
      case "always", "true" -> true;
      case "never", "false" -> false;
      default ->
          request.isSecure()
              || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    };
  }
}
