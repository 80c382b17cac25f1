package io.starbridge.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A board as lists show it, names in both languages. */
@Serdeable
public record BoardView(
    long id,
    String slug,
    String nameZh,
    String nameEn,
    String descriptionZh,
    String descriptionEn,
    int position,
    @Nullable Long parentId,
    String color,
    long topicCount,
    long postCount,
    @Nullable Instant lastActivityAt) {}
