package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.work.WorkView;
import java.time.Instant;

/**
 * A bookmark in the caller's list. {@code kind} {@code post}: the post, where it is, and the
 * caller's note (the fields this list always had). {@code kind} {@code work}: {@code work} holds
 * the work's card and the bookmark (note, cooked note, tags, private); the post fields are null and
 * {@code note} repeats the raw note.
 */
@Serdeable
public record BookmarkView(
    String kind,
    @Nullable Long postId,
    @Nullable Integer postNumber,
    @Nullable Long topicId,
    @Nullable String topicSlug,
    @Nullable String topicTitle,
    @Nullable UserCard author,
    @Nullable String excerpt,
    @Nullable String note,
    Instant createdAt,
    @Nullable WorkView.SavedWork work) {}
