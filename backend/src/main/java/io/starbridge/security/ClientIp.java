package io.starbridge.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The caller's IP address. {@code X-Forwarded-For} is believed only when the direct peer is one of
 * the configured trusted proxies (e.g. the nginx in front); otherwise anyone could pick their IP
 * and dodge per-IP limits.
 */
@Singleton
public class ClientIp {
  private final List<String> trustedProxies;

  public ClientIp(@Value("${starbridge.trusted-proxies:}") List<String> trustedProxies) {
    this.trustedProxies =
        trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String of(HttpRequest<?> request) {
    String peer = peer(request);
    if (trustedProxies.contains(peer)) {
      String forwarded = request.getHeaders().get("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] hops = forwarded.split(",");
        String client = hops[hops.length - 1].trim();
        if (!client.isEmpty() && client.length() <= 45) {
          return client;
        }
      }
    }
    return peer;
  }

  public static boolean isLoopback(HttpRequest<?> request) {
    InetSocketAddress address = request.getRemoteAddress();
    InetAddress inet = address.getAddress();
    return inet != null && inet.isLoopbackAddress();
  }

  private static String peer(HttpRequest<?> request) {
    InetSocketAddress address = request.getRemoteAddress();
    InetAddress inet = address.getAddress();
    return inet == null ? address.getHostString() : inet.getHostAddress();
  }
}
