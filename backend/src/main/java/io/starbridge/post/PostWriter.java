package io.starbridge.post;

import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.markdown.Cooked;
import io.starbridge.markdown.MarkdownRenderer;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.List;

/**
 * Writes post rows for this feature's use-cases and for the topic feature (a topic's first post).
 * Every body is cooked here, at write time: raw, cooked HTML, plain text and renderer version are
 * stored together.
 */
@Singleton
public class PostWriter {
  public static final int BODY_MAX = 32_000;

  private final Db db;
  private final MarkdownRenderer markdown;

  PostWriter(Db db, MarkdownRenderer markdown) {
    this.db = db;
    this.markdown = markdown;
  }

  /** The body as stored (NFC), or an error on {@code field}. Length counts code points. */
  public static String checkBody(String field, String raw, List<FieldError> errors) {
    String body = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    if (body.isBlank()) {
      errors.add(FieldError.of(field, "required", "must not be empty"));
    } else if (Texts.length(body) > BODY_MAX) {
      errors.add(FieldError.of(field, "length", "must be at most " + BODY_MAX + " characters"));
    } else if (Texts.hasForbiddenControlChars(body)) {
      errors.add(FieldError.of(field, "invalid", "contains invalid characters"));
    }
    return body;
  }

  public Cooked cook(String raw) {
    return markdown.cook(raw);
  }

  /** Inserts a post whose body was cooked by {@link #cook}; returns its id. */
  public long insert(
      long topicId, int postNumber, long authorId, Long replyToPostId, String raw, Cooked cooked) {
    return db.insertReturningId(
        """
            insert into posts (topic_id, post_number, author_id, reply_to_post_id, raw, cooked, plain_text, cooked_version)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id
            """,
        topicId,
        postNumber,
        authorId,
        replyToPostId,
        raw,
        cooked.html(),
        cooked.plainText(),
        cooked.version());
  }

  public void markDeleted(long postId, long deletedBy) {
    db.update(
        "update posts set deleted_at = now(), deleted_by = ? where id = ? and deleted_at is null",
        deletedBy,
        postId);
  }

  public void markRestored(long postId) {
    db.update("update posts set deleted_at = null, deleted_by = null where id = ?", postId);
  }
}
