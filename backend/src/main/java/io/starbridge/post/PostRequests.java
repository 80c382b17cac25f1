package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the post endpoints; the body's real limits are checked by {@link PostWriter}.
 */
final class PostRequests {
  private PostRequests() {}

  /** POST /topics/{id}/posts. {@code replyTo} is the id of the post answered, in the same topic. */
  @Serdeable
  record Reply(@NotNull @Size(max = 64_000) String body, @Nullable @Positive Long replyTo) {}

  /** PATCH /posts/{id}. */
  @Serdeable
  record Edit(@NotNull @Size(max = 64_000) String body, @Nullable @Size(max = 500) String reason) {}

  /** PUT /posts/{id}/bookmark (the body is optional). */
  @Serdeable
  record Bookmark(@Nullable @Size(max = 1000) String note) {}
}
