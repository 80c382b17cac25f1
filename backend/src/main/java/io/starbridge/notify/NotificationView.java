package io.starbridge.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification as the API shows it.
 *
 * @param actors up to three of the people who caused it, newest first
 * @param actorCount how many people in all ("Ada and 3 others")
 */
@Serdeable
public record NotificationView(
    long id,
    String kind,
    boolean read,
    Instant createdAt,
    Instant updatedAt,
    List<UserCard> actors,
    int actorCount,
    @Nullable TopicRef topic,
    @Nullable Long postId,
    @Nullable Integer postNumber,
    @Nullable GroupLink group,
    Map<String, Object> data) {

  @Serdeable
  public record TopicRef(long id, String slug, String title) {}

  @Serdeable
  public record GroupLink(long id, String slug, String name) {}

  @Serdeable
  public record Page(List<NotificationView> items, @Nullable String nextCursor, int unreadCount) {}

  /** What the stream sends: the notification and the new unread count. */
  @Serdeable
  public record Live(@Nullable NotificationView notification, int unreadCount) {}
}
