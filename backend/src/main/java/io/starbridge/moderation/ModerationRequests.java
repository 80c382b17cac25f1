package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** Request bodies of the moderation endpoints. */
final class ModerationRequests {
  private ModerationRequests() {}

  @Serdeable
  record FileReport(
      @Nullable String targetType,
      @Nullable Long targetId,
      @Nullable String reason,
      @Nullable String note,
      @Nullable String originalUrl,
      @Nullable Long originalWorkId,
      @Nullable Long originalEntryId) {}

  /** {@code until} only for silence and suspend (null: until lifted). */
  @Serdeable
  record Resolve(@Nullable String action, @Nullable String note, @Nullable Instant until) {}

  @Serdeable
  record Restrict(@Nullable Instant until, @Nullable String reason) {}

  @Serdeable
  record Warn(@Nullable String reason) {}

  @Serdeable
  record TrustLevel(@Nullable Integer level) {}
}
