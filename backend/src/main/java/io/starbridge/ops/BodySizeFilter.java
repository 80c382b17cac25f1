package io.starbridge.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.starbridge.common.ProblemResponses;
import io.starbridge.common.ProblemType;

/**
 * The framework's request-size cap is sized for image uploads; every other body (JSON) is refused
 * here from its declared length, before it is read, when over {@code starbridge.max-json-body}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodySizeFilter implements Ordered {
  private final long max;

  public BodySizeFilter(@ReadableBytes @Value("${starbridge.max-json-body:1MB}") long max) {
    this.max = max;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    long length = request.getContentLength();
    if (length <= max) {
      return null;
    }
    boolean upload =
        request
            .getContentType()
            .map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
            .orElse(false);
    if (upload) {
      return null;
    }
    return ProblemResponses.of(
        ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + max + " bytes");
  }
}
