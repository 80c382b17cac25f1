package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.group.GroupRef;
import io.starbridge.post.PostView;
import java.time.Instant;
import java.util.List;

/**
 * One topic: its meta, what the caller may do with it (computed by the Guardian) and its first
 * post. The other posts come from {@code GET /topics/{id}/posts}.
 */
@Serdeable
public record TopicView(
    long id,
    String slug,
    String title,
    @Nullable BoardRef board,
    @Nullable GroupRef group,
    List<String> tags,
    UserCard author,
    int replyCount,
    int likeCount,
    long viewCount,
    int highestPostNumber,
    Instant createdAt,
    Instant lastPostedAt,
    @Nullable UserCard lastPoster,
    String pinned,
    boolean locked,
    boolean closed,
    boolean deleted,
    String excerpt,
    @Nullable Integer lastReadPostNumber,
    boolean announced,
    Permissions permissions,
    PostView firstPost) {

  @Serdeable
  public record Permissions(
      boolean canReply,
      boolean canEdit,
      boolean canDelete,
      boolean canModerate,
      boolean canMarkRead,
      boolean canAnnounce) {}
}
