package io.starbridge.moderation;

import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.post.Post;
import io.starbridge.topic.Topic;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hides content pending review (or awaiting approval) and shows it again. Hiding a topic's first
 * post hides the topic: lists, the topic page and profiles drop it for everyone but staff and the
 * author (Guardian#canSee and AccessScope#topicsUnhidden state that rule). Call inside the caller's
 * transaction.
 */
@Singleton
public class Hiding {
  private final Db db;
  private final Outbox outbox;

  Hiding(Db db, Outbox outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  /** Returns false when it was already hidden. */
  public boolean hide(Post post, Topic topic, String reason, Long actorId) {
    int changed =
        db.update(
            "update posts set hidden_at = now(), hidden_reason = ? where id = ? and hidden_at is null",
            reason,
            post.id());
    if (changed == 0) {
      return false;
    }
    Map<String, Object> payload = payload(post, topic, reason);
    outbox.publish("PostHidden", "post", post.id(), actorId, payload);
    if (post.isFirst()) {
      db.update(
          "update topics set hidden_at = now(), hidden_reason = ? where id = ? and hidden_at is null",
          reason,
          topic.id());
      outbox.publish("TopicHidden", "topic", topic.id(), actorId, payload);
    }
    return true;
  }

  /** Shows a hidden post again ({@code event}: PostUnhidden after review, PostApproved). */
  public boolean unhide(Post post, Topic topic, String event, Long actorId) {
    int changed =
        db.update(
            "update posts set hidden_at = null, hidden_reason = null where id = ? and hidden_at is not null",
            post.id());
    if (changed == 0) {
      return false;
    }
    Map<String, Object> payload = payload(post, topic, null);
    outbox.publish(event, "post", post.id(), actorId, payload);
    if (post.isFirst()) {
      db.update(
          "update topics set hidden_at = null, hidden_reason = null where id = ?", topic.id());
      outbox.publish("TopicUnhidden", "topic", topic.id(), actorId, payload);
    }
    return true;
  }

  private static Map<String, Object> payload(Post post, Topic topic, String reason) {
    Map<String, Object> payload = new LinkedHashMap<>(topic.place());
    payload.put("topicId", topic.id());
    payload.put("postId", post.id());
    payload.put("postNumber", post.postNumber());
    payload.put("authorId", post.authorId());
    if (reason != null) {
      payload.put("reason", reason);
    }
    return payload;
  }
}
