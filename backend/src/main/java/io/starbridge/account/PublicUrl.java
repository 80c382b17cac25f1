package io.starbridge.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The site's own address for links in mail. Configured, never taken from the request's Host header
 * (which an attacker could set to send victims a reset link to their own site).
 */
@Singleton
public class PublicUrl {
  private final String url;

  public PublicUrl(
      @Nullable @Value("${starbridge.public-url:}") String configured,
      @Value("${micronaut.server.port:8080}") int port) {
    String u =
        configured == null || configured.isBlank() ? "http://localhost:" + port : configured.trim();
    this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  public String get() {
    return url;
  }
}
