package io.starbridge.group;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The counters on a group row (visible topics, visible posts, last activity, active members).
 * Topic, post and membership writes call these inside their own transaction, so lists never count
 * rows.
 */
@Singleton
public class GroupCounters {
  private final Db db;

  GroupCounters(Db db) {
    this.db = db;
  }

  /** A topic with {@code posts} visible posts appeared (created or restored). */
  public void topicAdded(long groupId, int posts, Instant lastActivity) {
    db.update(
        """
        update groups set topic_count = topic_count + 1, post_count = post_count + ?,
               last_activity_at = greatest(last_activity_at, ?)
         where id = ?
        """,
        posts,
        lastActivity,
        groupId);
  }

  /** A topic with {@code posts} visible posts disappeared (deleted). */
  public void topicRemoved(long groupId, int posts) {
    db.update(
        "update groups set topic_count = greatest(topic_count - 1, 0), post_count = greatest(post_count - ?, 0) where id = ?",
        posts,
        groupId);
  }

  public void postAdded(long groupId, Instant at) {
    db.update(
        "update groups set post_count = post_count + 1, last_activity_at = greatest(last_activity_at, ?) where id = ?",
        at,
        groupId);
  }

  public void postRemoved(long groupId) {
    db.update("update groups set post_count = greatest(post_count - 1, 0) where id = ?", groupId);
  }

  /** Active members joined ({@code delta} > 0) or left. */
  void membersChanged(long groupId, int delta) {
    db.update(
        "update groups set member_count = greatest(member_count + ?, 0) where id = ?",
        delta,
        groupId);
  }
}
