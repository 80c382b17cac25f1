package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;
import java.util.List;

/**
 * A post as the topic view shows it.
 *
 * @param body the raw Markdown: only in single-post responses (GET/PATCH /posts/{id}), for the
 *     composer; null in lists and for tombstones
 * @param bodyHtml sanitized HTML; null for a deleted post unless the caller is staff
 * @param reactions the kinds with at least one reaction, in a fixed order
 * @param ignored the caller muted or blocked the author: the SPA collapses the post
 * @param hidden hidden pending a moderator's review or awaiting approval: the text is shown to
 *     staff and the author only
 * @param hiddenReason {@code reports}, {@code staff}, {@code approval} or {@code spam}: for the
 *     author and staff (the author's notice), null otherwise
 * @param depth the nesting depth (0 = the first post, capped at 5) in the threaded view; null
 *     otherwise
 */
@Serdeable
public record PostView(
    long id,
    long topicId,
    int postNumber,
    UserCard author,
    @Nullable String body,
    @Nullable String bodyHtml,
    @Nullable ReplyTo replyTo,
    Instant createdAt,
    @Nullable Instant editedAt,
    int revisionCount,
    List<Reaction> reactions,
    boolean bookmarked,
    boolean deleted,
    boolean ignored,
    boolean hidden,
    @Nullable String hiddenReason,
    @Nullable Integer depth,
    Permissions permissions) {

  @Serdeable
  public record ReplyTo(long postId, int postNumber, String authorHandle) {}

  @Serdeable
  public record Reaction(String kind, int count, boolean reacted) {}

  @Serdeable
  public record Permissions(
      boolean canEdit,
      boolean canDelete,
      boolean canRestore,
      boolean canReply,
      boolean canReact,
      boolean canBookmark) {}
}
