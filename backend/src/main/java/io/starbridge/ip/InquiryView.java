package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;
import java.util.List;

/**
 * An inquiry as its participants see it. Lists leave {@code messages}, {@code events}, {@code
 * allowedTransitions} and {@code canPostMessage} out (null); {@code GET /inquiries/{id}} fills
 * them.
 *
 * @param role the caller's part: {@code inquirer}, {@code author} or {@code admin}
 * @param rightStatus what the agreement made of the right ({@code under_option}, {@code licensed});
 *     null unless agreed
 * @param allowedTransitions the states the caller may move it to now (the SPA's buttons)
 */
@Serdeable
public record InquiryView(
    long id,
    WorkRef work,
    UserCard inquirer,
    String medium,
    @Nullable String language,
    String territory,
    String term,
    String state,
    @Nullable String rightStatus,
    Instant createdAt,
    Instant updatedAt,
    String role,
    @Nullable List<String> allowedTransitions,
    @Nullable Boolean canPostMessage,
    @Nullable List<Message> messages,
    @Nullable List<StateEvent> events) {

  @Serdeable
  public record WorkRef(long id, String title) {}

  /** One message of the thread: Markdown in, sanitized HTML out. */
  @Serdeable
  public record Message(long id, UserCard author, String bodyHtml, Instant createdAt) {}

  /** A state change as the thread shows it ("Ada moved this to in discussion"). */
  @Serdeable
  public record StateEvent(
      long id,
      UserCard actor,
      String fromState,
      String toState,
      @Nullable String rightStatus,
      Instant createdAt) {}
}
