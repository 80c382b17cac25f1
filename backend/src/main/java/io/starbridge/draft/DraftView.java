package io.starbridge.draft;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A composer draft of the caller. */
@Serdeable
public record DraftView(
    String key,
    String body,
    @Nullable String title,
    List<String> tags,
    @Nullable Long replyTo,
    Instant updatedAt) {}
