package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.group.GroupRef;
import java.time.Instant;
import java.util.List;

/**
 * A row of a topic list. A topic lives in a board or a group: exactly one of {@code board} and
 * {@code group} is set. {@code unreadCount}, {@code lastReadPostNumber}, {@code isNew} and {@code
 * watchLevel} are null for anonymous callers; for members, {@code lastReadPostNumber} is null until
 * they open the topic, and {@code unreadCount} (posts after the last one read) is counted only for
 * topics they track or watch ({@code watchLevel}: the topic's own level, else its board's or
 * group's, else {@code normal}) and is 0 otherwise.
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
    @Nullable Boolean isNew,
    @Nullable String watchLevel) {}
