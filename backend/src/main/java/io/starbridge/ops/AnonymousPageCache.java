package io.starbridge.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.serde.ObjectMapper;
import io.starbridge.event.ContentVersion;
import io.starbridge.security.AuthCookies;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Anonymous readers all see the same board and topic pages, so those answers are kept in memory (in
 * the manner of Discourse's anonymous cache) under the {@link ContentVersion} current when they
 * were computed. Any committed write moves the version, so a cached page is never stale; requests
 * with a session or a token are never cached. Only the lists and post pages are cached: the topic
 * endpoint itself counts views and always runs.
 */
@ServerFilter("/api/v1/**")
public class AnonymousPageCache implements Ordered {
  private static final Pattern CACHEABLE =
      Pattern.compile(
          "/api/v1/(boards|topics|boards/[^/]+/topics|tags/[^/]+/topics|topics/\\d+/posts)");
  private static final String KEY_ATTRIBUTE = "starbridge.anon-cache-key";
  private static final int MAX_ENTRIES = 2_000;
  // Bounds staleness from other nodes' writes only while Redis pub/sub is down.
  private static final long TTL_NANOS = 10_000_000_000L;

  private record Entry(byte[] json, long expiresAt) {}

  private final ContentVersion version;
  private final ObjectMapper json;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public AnonymousPageCache(ContentVersion version, ObjectMapper json) {
    this.version = version;
    this.json = json;
  }

  @Override
  public int getOrder() {
    // After CSRF and authentication: their response work (cookies, headers) applies to hits too.
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> serve(HttpRequest<?> request) {
    if (!cacheable(request)) {
      return null;
    }
    String key = version.current() + " " + request.getUri();
    Entry hit = entries.get(key);
    if (hit != null && hit.expiresAt() > System.nanoTime()) {
      return HttpResponse.ok(hit.json())
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .header("X-Cache", "hit");
    }
    request.setAttribute(KEY_ATTRIBUTE, key);
    return null;
  }

  @ResponseFilter
  public void keep(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String key = request.getAttribute(KEY_ATTRIBUTE, String.class).orElse(null);
    if (key == null || response.status() != HttpStatus.OK || response.getBody().isEmpty()) {
      return;
    }
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(response.getBody().get());
    } catch (IOException e) {
      return; // not cacheable; Micronaut encodes it as usual
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // old versions pile up between writes; starting over is cheap and bounded
    }
    entries.put(key, new Entry(bytes, System.nanoTime() + TTL_NANOS));
  }

  private static boolean cacheable(HttpRequest<?> request) {
    return request.getMethod() == HttpMethod.GET
        && CACHEABLE.matcher(request.getPath()).matches()
        && request.getCookies().findCookie(AuthCookies.SESSION).isEmpty()
        && !request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
  }
}
