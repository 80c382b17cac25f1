package io.starbridge.common;

import io.micronaut.http.HttpStatus;

/** The closed set of error codes. The SPA translates each {@code type}; never rename one. */
public enum ProblemType {
  VALIDATION("/problems/validation", HttpStatus.BAD_REQUEST, "The request is not valid"),
  MALFORMED("/problems/malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read"),
  UNAUTHORIZED("/problems/unauthorized", HttpStatus.UNAUTHORIZED, "Sign-in required"),
  INVALID_CREDENTIALS(
      "/problems/invalid-credentials", HttpStatus.UNAUTHORIZED, "Wrong handle, email or password"),
  INVALID_TOKEN(
      "/problems/invalid-token", HttpStatus.BAD_REQUEST, "The link or token is invalid or expired"),
  FORBIDDEN("/problems/forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
  CSRF("/problems/csrf", HttpStatus.FORBIDDEN, "Missing or wrong CSRF token"),
  ACCOUNT_SUSPENDED(
      "/problems/account-suspended", HttpStatus.FORBIDDEN, "This account is suspended"),
  ACCOUNT_SILENCED("/problems/account-silenced", HttpStatus.FORBIDDEN, "This account is silenced"),
  NOT_FOUND("/problems/not-found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED(
      "/problems/method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  NOT_ACCEPTABLE("/problems/not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  CONFLICT("/problems/conflict", HttpStatus.CONFLICT, "Conflict"),
  GONE("/problems/gone", HttpStatus.GONE, "Gone"),
  PAYLOAD_TOO_LARGE(
      "/problems/payload-too-large",
      HttpStatus.REQUEST_ENTITY_TOO_LARGE,
      "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(
      "/problems/unsupported-media-type",
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "Unsupported media type"),
  RATE_LIMITED("/problems/rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
  UNAVAILABLE("/problems/unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
  INTERNAL(
      "/problems/internal", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

  private final String uri;
  private final HttpStatus status;
  private final String title;

  ProblemType(String uri, HttpStatus status, String title) {
    this.uri = uri;
    this.status = status;
    this.title = title;
  }

  public String uri() {
    return uri;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
