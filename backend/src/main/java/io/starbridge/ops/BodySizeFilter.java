package io.starbridge.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.starbridge.common.FieldError;
import io.starbridge.common.ProblemResponses;
import io.starbridge.common.ProblemType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The framework's request-size cap is sized for image uploads; every other body (JSON) is refused
 * here from its declared length, before it is read, when over {@code starbridge.max-json-body}, and
 * so are uploads over 5 MB plus their framing. Writing a chapter may send more, up to {@code
 * starbridge.max-chapter-body} (4 MB: a chapter of the longest allowed length, 500,000 CJK
 * characters, even with every character escaped as six ASCII characters, as many JSON libraries
 * do). (A body sent chunked, without a length, meets the framework's cap instead.)
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BodySizeFilter implements Ordered {
  /**
   * An upload of at most 5 MB with its multipart framing; larger ones are refused from their
   * declared length (the upload itself checks the file's exact size).
   */
  static final long MAX_UPLOAD_REQUEST = 5L * 1024 * 1024 + 64 * 1024;

  /** POST /works/{id}/chapters and PATCH /works/{id}/chapters/{n}. */
  private static final Pattern CHAPTER_WRITE =
      Pattern.compile("/api/v1/works/[0-9]+/chapters(/[0-9]+)?/?");

  private final long max;
  private final long chapterMax;

  public BodySizeFilter(
      @ReadableBytes @Value("${starbridge.max-json-body:1MB}") long max,
      @ReadableBytes @Value("${starbridge.max-chapter-body:4MB}") long chapterMax) {
    this.max = max;
    this.chapterMax = Math.max(max, chapterMax);
  }

  private static boolean chapterWrite(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    return (method == HttpMethod.POST || method == HttpMethod.PATCH)
        && CHAPTER_WRITE.matcher(request.getPath()).matches();
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
    if (length <= chapterMax && chapterWrite(request)) {
      return null;
    }
    boolean upload =
        request
            .getContentType()
            .map(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
            .orElse(false);
    if (!upload) {
      return ProblemResponses.of(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is larger than "
              + (chapterWrite(request) ? chapterMax : max)
              + " bytes");
    }
    if (length <= MAX_UPLOAD_REQUEST) {
      return null;
    }
    String message = "The file is larger than 5 MB";
    return ProblemResponses.of(
        ProblemType.PAYLOAD_TOO_LARGE,
        message,
        List.of(FieldError.of("file", "too-large", message)),
        null);
  }
}
