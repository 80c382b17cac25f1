package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;
import java.util.List;

/** The read models of works: cards for lists, the full view of one work, chapters, series. */
public final class WorkView {
  private WorkView() {}

  /** A work as lists show it (listing, profiles, series, translations). */
  @Serdeable
  public record Card(
      long id,
      String title,
      String summaryHtml,
      String type,
      String language,
      List<String> genres,
      List<String> tags,
      String rating,
      List<String> warnings,
      String status,
      String visibility,
      @Nullable String coverUrl,
      List<UserCard> authors,
      int wordCount,
      int chapterCount,
      int kudos,
      int bookmarks,
      long hits,
      @Nullable Long translationOf,
      @Nullable String translationState,
      Instant createdAt,
      @Nullable Instant publishedAt,
      Instant revisedAt) {}

  /** GET /works/{id}. {@code summary} (raw) and {@code invited} only for the work's authors. */
  @Serdeable
  public record Full(
      long id,
      String title,
      String summaryHtml,
      @Nullable String summary,
      String type,
      String language,
      List<String> genres,
      List<String> tags,
      String rating,
      List<String> warnings,
      String status,
      String visibility,
      @Nullable String coverUrl,
      List<UserCard> authors,
      List<UserCard> invited,
      int wordCount,
      int chapterCount,
      int kudos,
      int bookmarks,
      long hits,
      @Nullable Original translationOf,
      @Nullable String translationState,
      @Nullable Long topicId,
      @Nullable String board,
      List<SeriesRef> series,
      List<ChapterRef> chapters,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant publishedAt,
      Instant revisedAt,
      @Nullable Viewer viewer,
      Permissions permissions,
      List<WorkRights.Right> rights) {}

  @Serdeable
  public record Original(long id, String title, String language, List<UserCard> authors) {}

  @Serdeable
  public record SeriesRef(long id, String title, int position) {}

  /** A chapter in the work's table of contents; scheduled ones are listed for authors only. */
  @Serdeable
  public record ChapterRef(
      long id,
      int position,
      String title,
      int wordCount,
      @Nullable Instant publishAt,
      @Nullable Instant publishedAt) {}

  /** What the signed-in caller did with the work. */
  @Serdeable
  public record Viewer(
      boolean kudos,
      boolean subscribed,
      @Nullable BookmarkView bookmark,
      @Nullable PositionView position) {}

  /** The caller's own bookmark: the raw note for the form, the cooked one to show. */
  @Serdeable
  public record BookmarkView(
      String note,
      String noteHtml,
      List<String> tags,
      boolean isPrivate,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * GET /works/{id}/bookmarks: one reader's bookmark as others see it (public ones; a private one
   * only to its owner).
   */
  @Serdeable
  public record Bookmark(
      UserCard user,
      String noteHtml,
      List<String> tags,
      boolean isPrivate,
      Instant createdAt,
      Instant updatedAt) {}

  /** A bookmarked work in the caller's list (GET /me/bookmarks). */
  @Serdeable
  public record SavedWork(Card work, BookmarkView bookmark) {}

  @Serdeable
  public record PositionView(int chapter, double progress, Instant updatedAt) {}

  @Serdeable
  public record Permissions(
      boolean canEdit,
      boolean canDelete,
      boolean canManageCoauthors,
      boolean canGiveKudos,
      boolean canKeep,
      boolean canAcceptInvitation,
      boolean canDecideTranslation,
      boolean canInquire) {}

  /** One chapter to read. Raw texts only for the work's authors (for the editor). */
  @Serdeable
  public record Chapter(
      long id,
      long workId,
      int position,
      String title,
      String bodyHtml,
      @Nullable String notesBeforeHtml,
      @Nullable String notesAfterHtml,
      @Nullable String body,
      @Nullable String notesBefore,
      @Nullable String notesAfter,
      int wordCount,
      @Nullable Instant publishAt,
      @Nullable Instant publishedAt,
      Instant createdAt,
      Instant updatedAt,
      int revisions,
      @Nullable Integer previous,
      @Nullable Integer next) {}

  /** GET /works/{id}/translations: translations the caller may see, with permission states. */
  @Serdeable
  public record Translation(Card work, List<UserCard> translators, String state) {}

  /** GET /series/{id}. */
  @Serdeable
  public record Series(
      long id,
      String title,
      String summaryHtml,
      @Nullable String summary,
      UserCard creator,
      List<UserCard> authors,
      List<Card> works,
      int wordCount,
      boolean subscribed,
      boolean canEdit,
      Instant createdAt,
      Instant updatedAt) {}

  /** GET /translation-requests. */
  @Serdeable
  public record TranslationRequest(
      long id,
      Card work,
      String language,
      String note,
      UserCard requester,
      @Nullable Long fulfilledBy,
      Instant createdAt) {}
}
