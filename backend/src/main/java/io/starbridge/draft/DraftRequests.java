package io.starbridge.draft;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

final class DraftRequests {
  private DraftRequests() {}

  /** PUT /drafts/{key}: unfinished text, so only sizes are checked (the body as a post's). */
  @Serdeable
  record Save(
      @NotNull @Size(max = 64_000) String body,
      @Nullable @Size(max = 1000) String title,
      @Nullable @Size(max = 10) List<@NotNull @Size(max = 100) String> tags,
      @Nullable @Positive Long replyTo) {}
}
