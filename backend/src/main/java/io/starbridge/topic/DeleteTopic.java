package io.starbridge.topic;

import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.post.PostWriter;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Deletes a topic (softly: staff still see and may restore it) together with its first post, and
 * restores it. Deleting the first post through the post endpoints lands here too.
 */
@Singleton
public class DeleteTopic {
  private final Db db;
  private final TopicLookup topics;
  private final PostWriter posts;
  private final PlaceCounters boards;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  DeleteTopic(
      Db db,
      TopicLookup topics,
      PostWriter posts,
      PlaceCounters boards,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.db = db;
    this.topics = topics;
    this.posts = posts;
    this.boards = boards;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public void delete(Actor actor, long topicId, String reason) {
    long firstPostId = lockFirstPost(topicId);
    Topic topic = topics.requireForUpdate(topicId);
    guardians.of(actor).ensureCanDelete(topic);
    int replies =
        db.one(
                "update topics set deleted_at = now(), deleted_by = ?, updated_at = now() where id = ? returning reply_count",
                rs -> rs.getInt(1),
                actor.id(),
                topicId)
            .orElseThrow();
    posts.markDeleted(firstPostId, actor.id());
    boards.topicRemoved(topic, replies + 1);
    if (topic.authorId() != actor.id()) {
      audit.record(
          actor.id(),
          "delete_topic",
          "topic",
          topicId,
          reason,
          Map.of("title", topic.title()),
          null,
          topic.groupId());
    }
    outbox.publish("TopicDeleted", "topic", topicId, actor.id(), payload(topic, firstPostId));
  }

  @Transactional
  public void restore(Actor actor, long topicId, String reason) {
    long firstPostId = lockFirstPost(topicId);
    Topic topic = topics.requireForUpdate(topicId);
    guardians.of(actor).ensureCanRestore(topic);
    record Counts(int replies, java.time.Instant lastPostedAt) {}
    Counts counts =
        db.one(
                """
                update topics set deleted_at = null, deleted_by = null, updated_at = now() where id = ?
                returning reply_count, last_posted_at
                """,
                rs -> new Counts(rs.getInt(1), Db.instant(rs, "last_posted_at")),
                topicId)
            .orElseThrow();
    posts.markRestored(firstPostId);
    boards.topicAdded(topic, counts.replies() + 1, counts.lastPostedAt());
    audit.record(
        actor.id(),
        "restore_topic",
        "topic",
        topicId,
        reason,
        null,
        Map.of("title", topic.title()),
        topic.groupId());
    outbox.publish("TopicRestored", "topic", topicId, actor.id(), payload(topic, firstPostId));
  }

  private static Map<String, Object> payload(Topic topic, long firstPostId) {
    Map<String, Object> payload = topic.place();
    payload.put("postId", firstPostId);
    return payload;
  }

  /** Locks post before topic, the order every post write takes (no deadlock with reactions). */
  private long lockFirstPost(long topicId) {
    return db.one(
            "select id from posts where topic_id = ? and post_number = 1 for no key update",
            rs -> rs.getLong(1),
            topicId)
        .orElseThrow(() -> io.starbridge.common.ApiException.notFound("Topic"));
  }
}
