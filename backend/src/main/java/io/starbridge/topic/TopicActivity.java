package io.starbridge.topic;

import io.starbridge.common.Db;
import io.starbridge.common.Texts;
import jakarta.inject.Singleton;

/**
 * Keeps a topic's counters (and its board's or group's) in step with the posts written into it.
 * Post use-cases call it inside their transaction.
 */
@Singleton
public class TopicActivity {
  static final int EXCERPT_LENGTH = 200;

  private final Db db;
  private final PlaceCounters boards;

  TopicActivity(Db db, PlaceCounters boards) {
    this.db = db;
    this.boards = boards;
  }

  /**
   * A reply is being written: takes the next post number (the row lock serializes replies to one
   * topic), counts it, and records the last poster.
   */
  public int replyAdded(Topic topic, long authorId) {
    int number =
        db.one(
                """
                update topics set highest_post_number = highest_post_number + 1, reply_count = reply_count + 1,
                                  last_posted_at = now(), last_poster_id = ?, updated_at = now()
                 where id = ? returning highest_post_number
                """,
                rs -> rs.getInt(1),
                authorId,
                topic.id())
            .orElseThrow();
    boards.postAdded(topic, java.time.Instant.now());
    return number;
  }

  public void replyRemoved(Topic topic) {
    db.update(
        "update topics set reply_count = greatest(reply_count - 1, 0), updated_at = now() where id = ?",
        topic.id());
    if (!topic.deleted()) {
      boards.postRemoved(topic);
    }
  }

  public void replyRestored(Topic topic, java.time.Instant postedAt) {
    db.update(
        "update topics set reply_count = reply_count + 1, updated_at = now() where id = ?",
        topic.id());
    if (!topic.deleted()) {
      boards.postAdded(topic, postedAt);
    }
  }

  /** The list excerpt follows the first post's text. */
  public void firstPostEdited(Topic topic, String plainText) {
    db.update(
        "update topics set excerpt = ?, updated_at = now() where id = ?",
        Texts.excerpt(plainText, EXCERPT_LENGTH),
        topic.id());
  }

  /** Reactions on any of its posts count as the topic's likes (for top and hot). */
  public void reactionsChanged(long topicId, int delta) {
    db.update(
        "update topics set like_count = greatest(like_count + ?, 0) where id = ?", delta, topicId);
  }
}
