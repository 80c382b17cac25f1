package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * What the Guardian needs to judge a work: who wrote it (active authors, invited co-authors), who
 * wrote its original when it is a translation, its visibility and the translation permission.
 *
 * @param visibility {@code public}, {@code signed_in} or {@code draft}
 * @param translationState null unless a translation: {@code requested}, {@code granted}, {@code
 *     declined}
 */
public record Work(
    long id,
    String title,
    long ownerId,
    List<Long> authorIds,
    List<Long> invitedIds,
    String visibility,
    @Nullable Long translationOf,
    @Nullable String translationState,
    List<Long> originalAuthorIds,
    @Nullable Long topicId,
    @Nullable String boardSlug,
    @Nullable String coverKey,
    @Nullable Instant publishedAt,
    @Nullable Instant deletedAt) {

  public boolean isTranslation() {
    return translationOf != null;
  }

  public boolean isDraft() {
    return "draft".equals(visibility);
  }
}
