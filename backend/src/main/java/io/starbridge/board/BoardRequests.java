package io.starbridge.board;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the board endpoints. Deeper rules live in {@link ManageBoards}. */
final class BoardRequests {
  private BoardRequests() {}

  static final String COLOR = "#[0-9a-fA-F]{6}";
  static final String READ_ACCESS = "everyone|signed_in|trust_level|staff";
  static final String POST_ACCESS = "signed_in|trust_level|staff";

  /**
   * POST /boards. Omitted settings take the defaults: readable by everyone, postable by members.
   */
  @Serdeable
  record Create(
      @NotBlank @Size(max = 50) String slug,
      @NotBlank @Size(max = 80) String nameZh,
      @NotBlank @Size(max = 80) String nameEn,
      @Nullable @Size(max = 2000) String descriptionZh,
      @Nullable @Size(max = 2000) String descriptionEn,
      @Nullable @Min(0) @Max(1_000_000) Integer position,
      @Nullable @Size(max = 50) String parent,
      @Nullable @Pattern(regexp = COLOR, message = "must be a colour like #3b6ea8") String color,
      @Nullable @Pattern(regexp = READ_ACCESS) String readAccess,
      @Nullable @Min(0) @Max(4) Integer minReadTrust,
      @Nullable @Pattern(regexp = POST_ACCESS) String postAccess,
      @Nullable @Min(0) @Max(4) Integer minPostTrust,
      @Nullable Boolean approvalRequired,
      @Nullable @Size(max = 500) String reason) {}

  /** PATCH /boards/{slug}: only the fields sent change; {@code parent: ""} makes it top-level. */
  @Serdeable
  record Update(
      @Nullable @Size(min = 1, max = 50) String slug,
      @Nullable @Size(min = 1, max = 80) String nameZh,
      @Nullable @Size(min = 1, max = 80) String nameEn,
      @Nullable @Size(max = 2000) String descriptionZh,
      @Nullable @Size(max = 2000) String descriptionEn,
      @Nullable @Min(0) @Max(1_000_000) Integer position,
      @Nullable @Size(max = 50) String parent,
      @Nullable @Pattern(regexp = COLOR, message = "must be a colour like #3b6ea8") String color,
      @Nullable @Pattern(regexp = READ_ACCESS) String readAccess,
      @Nullable @Min(0) @Max(4) Integer minReadTrust,
      @Nullable @Pattern(regexp = POST_ACCESS) String postAccess,
      @Nullable @Min(0) @Max(4) Integer minPostTrust,
      @Nullable Boolean approvalRequired,
      @Nullable @Size(max = 500) String reason) {}
}
