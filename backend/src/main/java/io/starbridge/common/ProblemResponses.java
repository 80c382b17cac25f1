package io.starbridge.common;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;

/** Builds problem+json responses. */
public final class ProblemResponses {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.of(MEDIA_TYPE);

  private ProblemResponses() {}

  public static MutableHttpResponse<Problem> of(ProblemType type, String detail) {
    return of(type, detail, List.of(), null);
  }

  public static MutableHttpResponse<Problem> of(
      ProblemType type, String detail, List<FieldError> errors, Duration retryAfter) {
    Long retrySeconds =
        retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    Problem problem =
        new Problem(
            type.uri(), type.title(), type.status().getCode(), detail, errors, retrySeconds);
    MutableHttpResponse<Problem> response =
        HttpResponse.<Problem>status(type.status()).body(problem).contentType(PROBLEM_JSON);
    if (retrySeconds != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(retrySeconds));
    }
    return response;
  }

  public static MutableHttpResponse<Problem> of(ApiException e) {
    return of(e.type(), e.getMessage(), e.errors(), e.retryAfter());
  }
}
