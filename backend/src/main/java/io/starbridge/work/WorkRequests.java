package io.starbridge.work;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.StrictBoolean;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies and query parameters of the works, series and translation endpoints. */
public final class WorkRequests {
  private WorkRequests() {}

  static final String TYPES =
      "short_story|novelette|novella|novel|screenplay|comic|illustration|game_design|world_bible|popsci_essay";
  static final String LANGUAGES = "zh-Hans|zh-Hant|en|other";
  static final String RATINGS = "general|teen|mature|explicit";
  static final String VISIBILITIES = "public|signed_in|draft";
  static final String STATUSES = "in_progress|complete";

  /** POST /works. */
  @Serdeable
  public record Create(
      @NotNull @Size(max = 1000) String title,
      @Nullable @Size(max = 20_000) String summary,
      @NotNull @Pattern(regexp = TYPES) String type,
      @NotNull @Pattern(regexp = LANGUAGES) String language,
      @Nullable @Size(max = 10) List<@NotNull @Size(max = 100) String> genres,
      @Nullable @Size(max = 30) List<@NotNull @Size(max = 100) String> tags,
      @NotNull @Pattern(regexp = RATINGS) String rating,
      @Nullable @Size(max = 10) List<@NotNull @Size(max = 100) String> warnings,
      @Nullable @Pattern(regexp = STATUSES) String status,
      @Nullable @Pattern(regexp = VISIBILITIES) String visibility,
      @Nullable @Size(min = 1, max = 60) String board) {}

  /** PATCH /works/{id}: only the fields sent change. */
  @Serdeable
  public record Update(
      @Nullable @Size(max = 1000) String title,
      @Nullable @Size(max = 20_000) String summary,
      @Nullable @Pattern(regexp = TYPES) String type,
      @Nullable @Pattern(regexp = LANGUAGES) String language,
      @Nullable @Size(max = 10) List<@NotNull @Size(max = 100) String> genres,
      @Nullable @Size(max = 30) List<@NotNull @Size(max = 100) String> tags,
      @Nullable @Pattern(regexp = RATINGS) String rating,
      @Nullable @Size(max = 10) List<@NotNull @Size(max = 100) String> warnings,
      @Nullable @Pattern(regexp = STATUSES) String status,
      @Nullable @Pattern(regexp = VISIBILITIES) String visibility,
      @Nullable @Size(min = 1, max = 60) String board) {}

  /** POST /works/{id}/chapters. */
  @Serdeable
  public record CreateChapter(
      @Nullable @Size(max = 1000) String title,
      @NotNull @Size(max = 600_000) String body,
      @Nullable @Size(max = 20_000) String notesBefore,
      @Nullable @Size(max = 20_000) String notesAfter,
      @Nullable Instant publishAt) {}

  /** PATCH /works/{id}/chapters/{n}: only the fields sent change; position moves the chapter. */
  @Serdeable
  public record UpdateChapter(
      @Nullable @Size(max = 1000) String title,
      @Nullable @Size(max = 600_000) String body,
      @Nullable @Size(max = 20_000) String notesBefore,
      @Nullable @Size(max = 20_000) String notesAfter,
      @Nullable Instant publishAt,
      @Nullable Integer position) {}

  /** PUT /works/{id}/chapters/order: chapter ids in their new order (all of them). */
  @Serdeable
  public record Reorder(@NotNull @Size(max = 2000) List<@NotNull Long> chapterIds) {}

  /**
   * PUT /works/{id}/bookmark, every field optional: a Markdown note (at most 5,000 characters), at
   * most 20 free tags of at most 100 characters, and whether only the caller sees it ({@code
   * private}; {@code isPrivate} is the older spelling).
   */
  @Serdeable
  public record Bookmark(
      @Nullable String note,
      @Nullable List<String> tags,
      @Nullable @JsonProperty("private") @Serdeable.Deserializable(using = StrictBoolean.class)
          Boolean privateBookmark,
      @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean isPrivate) {

    boolean hidden() {
      return Boolean.TRUE.equals(privateBookmark != null ? privateBookmark : isPrivate);
    }
  }

  /** PUT /works/{id}/position. */
  @Serdeable
  public record Position(@NotNull Integer chapter, @Nullable Double progress) {}

  /** POST /works/{id}/coauthors. */
  @Serdeable
  public record Invite(@NotNull @Size(min = 1, max = 60) String handle) {}

  /** POST /works/{id}/translations: link one of the caller's works as a translation. */
  @Serdeable
  public record LinkTranslation(@NotNull Long workId) {}

  /** PUT /works/{id}/translations/{translationId}: the original's authors decide. */
  @Serdeable
  public record Decide(@NotNull @Pattern(regexp = "granted|declined") String state) {}

  /** POST /translation-requests. */
  @Serdeable
  public record RequestTranslation(
      @NotNull Long workId,
      @NotNull @Pattern(regexp = LANGUAGES) String language,
      @Nullable @Size(max = 2000) String note) {}

  /** POST /series and PATCH /series/{id}. */
  @Serdeable
  public record SeriesBody(
      @Nullable @Size(max = 1000) String title, @Nullable @Size(max = 20_000) String summary) {}

  /** PUT /series/{id}/order. */
  @Serdeable
  public record SeriesOrder(@NotNull @Size(max = 2000) List<@NotNull Long> workIds) {}

  /** GET /works query parameters. */
  @Introspected
  public record ListParams(
      @Nullable @QueryValue List<String> tag,
      @Nullable @QueryValue List<String> excludeTag,
      @Nullable @QueryValue @Pattern(regexp = TYPES) String type,
      @Nullable @QueryValue @Pattern(regexp = LANGUAGES) String language,
      @Nullable @QueryValue @Pattern(regexp = RATINGS) String rating,
      @Nullable @QueryValue @Pattern(regexp = STATUSES) String status,
      @Nullable @QueryValue @Pattern(regexp = "date|kudos|bookmarks|hits") String sort,
      @Nullable @QueryValue @Size(max = 200) String q,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue Integer limit) {}
}
