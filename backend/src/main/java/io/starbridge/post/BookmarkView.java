package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;

/** A bookmark in the caller's list: the post, where it is, and the caller's note. */
@Serdeable
public record BookmarkView(
    long postId,
    int postNumber,
    long topicId,
    String topicSlug,
    String topicTitle,
    UserCard author,
    String excerpt,
    @Nullable String note,
    Instant createdAt) {}
