package io.starbridge.common;

import java.time.Duration;
import java.util.List;

/** A failure the caller can act on; rendered as problem+json by {@link ProblemHandler}. */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final List<FieldError> errors;
  private final Duration retryAfter;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, List.of(), null);
  }

  public ApiException(
      ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
    super(detail == null ? type.title() : detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public ProblemType type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ProblemType.NOT_FOUND, what + " not found");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(ProblemType.FORBIDDEN, detail);
  }

  public static ApiException unauthorized() {
    return new ApiException(ProblemType.UNAUTHORIZED, "Sign in to do this");
  }

  public static ApiException conflict(String detail, FieldError... errors) {
    return new ApiException(ProblemType.CONFLICT, detail, List.of(errors), null);
  }

  public static ApiException invalid(String field, String code, String message) {
    return new ApiException(
        ProblemType.VALIDATION, message, List.of(FieldError.of(field, code, message)), null);
  }

  public static ApiException invalid(List<FieldError> errors) {
    return new ApiException(ProblemType.VALIDATION, errors.get(0).message(), errors, null);
  }

  /** 503: the server cannot take this now (a bounded resource is busy); try again later. */
  public static ApiException unavailable(String detail, Duration retryAfter) {
    return new ApiException(ProblemType.UNAVAILABLE, detail, List.of(), retryAfter);
  }

  public static ApiException rateLimited(Duration retryAfter) {
    return new ApiException(
        ProblemType.RATE_LIMITED,
        "Too many attempts. Try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.",
        List.of(),
        retryAfter);
  }
}
