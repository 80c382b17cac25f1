package io.starbridge.board;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The counters on a board row (visible topics, visible posts, last activity). Topic and post writes
 * call these inside their own transaction, so lists never count rows.
 */
@Singleton
public class BoardCounters {
  private final Db db;

  public BoardCounters(Db db) {
    this.db = db;
  }

  /** A topic with {@code posts} visible posts appeared (created, restored or moved in). */
  public void topicAdded(long boardId, int posts, Instant lastActivity) {
    db.update(
        """
        update boards set topic_count = topic_count + 1, post_count = post_count + ?,
               last_activity_at = greatest(last_activity_at, ?)
         where id = ?
        """,
        posts,
        lastActivity,
        boardId);
  }

  /** A topic with {@code posts} visible posts disappeared (deleted or moved out). */
  public void topicRemoved(long boardId, int posts) {
    db.update(
        "update boards set topic_count = greatest(topic_count - 1, 0), post_count = greatest(post_count - ?, 0) where id = ?",
        posts,
        boardId);
  }

  public void postAdded(long boardId, Instant at) {
    db.update(
        "update boards set post_count = post_count + 1, last_activity_at = greatest(last_activity_at, ?) where id = ?",
        at,
        boardId);
  }

  public void postRemoved(long boardId) {
    db.update("update boards set post_count = greatest(post_count - 1, 0) where id = ?", boardId);
  }
}
