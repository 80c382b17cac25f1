package io.starbridge.topic;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies of the topic endpoints. The sizes here only bound what is read; the real rules
 * (lengths in code points, tag syntax) are in {@link TopicRules} and the post body check.
 */
public final class TopicRequests {
  private TopicRequests() {}

  /** POST /topics: in a board or in a group (exactly one of the two). */
  @Serdeable
  public record Create(
      @Nullable @Size(min = 1, max = 60) String board,
      @Nullable @Size(min = 1, max = 60) String group,
      @NotNull @Size(max = 1000) String title,
      @NotNull @Size(max = 64_000) String body,
      @Nullable @Size(max = 20) List<@NotNull @Size(max = 100) String> tags) {}

  /**
   * PATCH /topics/{id}: only the fields sent change. Title and tags: the author or staff; pinned,
   * locked, closed and board: moderators.
   */
  @Serdeable
  record Update(
      @Nullable @Size(max = 1000) String title,
      @Nullable @Size(max = 20) List<@NotNull @Size(max = 100) String> tags,
      @Nullable @Pattern(regexp = "none|board|global") String pinned,
      @Nullable Boolean locked,
      @Nullable Boolean closed,
      @Nullable @Size(min = 1, max = 60) String board,
      @Nullable Boolean announcement,
      @Nullable @Size(max = 500) String reason) {

    boolean moderates() {
      return pinned != null || locked != null || closed != null || board != null;
    }

    boolean edits() {
      return title != null || tags != null;
    }
  }

  /** POST /topics/{id}/read. */
  @Serdeable
  record Read(@NotNull @Min(1) @Max(10_000_000) Integer postNumber) {}
}
