package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.group.GroupRef;
import java.time.Instant;
import java.util.List;

/**
 * A row of a topic list. A topic lives in a board or a group: exactly one of {@code board} and
 * {@code group} is set. {@code unreadCount}, {@code lastReadPostNumber} and {@code isNew} are null
 * for anonymous callers; for members, {@code lastReadPostNumber} is null (and {@code unreadCount}
 * 0) until they open the topic.
 */
@Serdeable
public record TopicListItem(
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
    String excerpt,
    @Nullable Integer unreadCount,
    @Nullable Integer lastReadPostNumber,
    @Nullable Boolean isNew) {}
