package io.starbridge.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Client-side routes ({@code /t/some-topic/42}, {@code /settings}) are served the SPA's index.html:
 * only GET/HEAD requests that accept HTML, lie outside the API and operations paths and name no
 * file. Hashed assets are cached for a year.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SpaFallbackFilter implements Ordered {
  private static final List<String> NOT_SPA =
      List.of("/api/", "/dev/", "/media/", "/health", "/metrics", "/openapi", "/swagger");
  private final byte[] index;

  public SpaFallbackFilter() {
    byte[] html = null;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("public/index.html")) {
      if (in != null) {
        html = in.readAllBytes();
      }
    } catch (IOException e) {
      html = null;
    }
    this.index = html;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.RENDERING.order();
  }

  @ResponseFilter
  @Nullable
  public HttpResponse<?> fallback(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    if (path.startsWith("/assets/") && response.status() == HttpStatus.OK) {
      response.header("Cache-Control", "public, max-age=31536000, immutable");
      return null;
    }
    if (response.status() != HttpStatus.NOT_FOUND || index == null || !isSpaRoute(request)) {
      return null;
    }
    return HttpResponse.ok(index)
        .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
        .header("Cache-Control", "no-cache");
  }

  static boolean isSpaRoute(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
      return false;
    }
    String path = request.getPath();
    if (NOT_SPA.stream().anyMatch(path::startsWith) || path.equals("/api")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.contains(".")) {
      return false;
    }
    String accept = request.getHeaders().get("Accept");
    return accept != null && accept.contains("text/html");
  }
}
