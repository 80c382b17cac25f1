package io.starbridge.event;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One outbox row as consumers see it; {@code payload} is the parsed JSON object. */
public record OutboxEvent(
    long id,
    String type,
    String aggregate,
    long aggregateId,
    @Nullable Long actorId,
    Map<String, Object> payload,
    Instant createdAt) {

  /** A numeric payload field, or null when absent. */
  public @Nullable Long longField(String name) {
    Object v = payload.get(name);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s && !s.isEmpty()) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public @Nullable String stringField(String name) {
    Object v = payload.get(name);
    return v == null ? null : v.toString();
  }

  /** A list payload field as strings (empty when absent). */
  public List<String> listField(String name) {
    Object v = payload.get(name);
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
