package io.starbridge.notify;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * A notification an event would give one recipient, before the checks (own action, blocks,
 * preferences, watch levels, the recipient's Guardian).
 *
 * @param subject the de-duplication key per recipient, e.g. {@code post:12}
 */
record Candidate(
    long recipientId,
    NotificationKind kind,
    String subject,
    @Nullable Long actorId,
    @Nullable Long topicId,
    @Nullable Long postId,
    @Nullable Long groupId,
    Map<String, Object> data) {

  static Candidate of(
      long recipientId,
      NotificationKind kind,
      String subject,
      Long actorId,
      Long topicId,
      Long postId,
      Long groupId) {
    return new Candidate(recipientId, kind, subject, actorId, topicId, postId, groupId, Map.of());
  }

  Candidate withData(Map<String, Object> d) {
    return new Candidate(recipientId, kind, subject, actorId, topicId, postId, groupId, d);
  }
}
