package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.Db;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A posts row without its text (the write model); the Guardian judges it. */
public record Post(
    long id,
    long topicId,
    int postNumber,
    long authorId,
    @Nullable Long replyToPostId,
    Instant createdAt,
    @Nullable Instant deletedAt,
    @Nullable Long deletedBy,
    @Nullable Instant hiddenAt,
    @Nullable String hiddenReason) {

  /** The select-list of a post aliased {@code p} (plain column names). */
  static final String COLUMNS =
      "p.id, p.topic_id, p.post_number, p.author_id, p.reply_to_post_id, p.created_at, p.deleted_at, p.deleted_by,"
          + " p.hidden_at, p.hidden_reason";

  static Post read(ResultSet rs) throws SQLException {
    return new Post(
        rs.getLong("id"),
        rs.getLong("topic_id"),
        rs.getInt("post_number"),
        rs.getLong("author_id"),
        Db.nullableLong(rs, "reply_to_post_id"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "deleted_at"),
        Db.nullableLong(rs, "deleted_by"),
        Db.instant(rs, "hidden_at"),
        rs.getString("hidden_reason"));
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /** Hidden pending review or awaiting approval (see the moderation package). */
  public boolean hidden() {
    return hiddenAt != null;
  }

  /** The first post carries the topic: deleting it deletes the topic. */
  public boolean isFirst() {
    return postNumber == 1;
  }
}
