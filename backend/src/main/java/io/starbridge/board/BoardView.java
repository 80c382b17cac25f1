package io.starbridge.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A board as lists show it, names in both languages, with its counters, the caller's follow state
 * ({@code null} when anonymous), what the caller may do, and its visible sub-boards.
 */
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
    @Nullable String parentSlug,
    String color,
    String readAccess,
    int minReadTrust,
    String postAccess,
    int minPostTrust,
    boolean approvalRequired,
    long topicCount,
    long postCount,
    @Nullable Instant lastActivityAt,
    @Nullable Boolean followed,
    Permissions permissions,
    List<BoardView> children) {

  @Serdeable
  public record Permissions(boolean canCreateTopic, boolean canFollow, boolean canManage) {}
}
