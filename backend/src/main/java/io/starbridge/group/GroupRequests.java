package io.starbridge.group;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the group endpoints. Deeper rules live in {@link GroupRules}. */
public final class GroupRequests {
  private GroupRequests() {}

  static final String VISIBILITY = "public|restricted|secret";

  /** POST /groups. */
  @Serdeable
  public record Create(
      @NotBlank @Size(max = 60) String slug,
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 20_000) String description,
      @NotNull @Pattern(regexp = VISIBILITY) String visibility,
      @Nullable @Size(max = 12) List<@NotNull @Size(max = 40) String> disciplines,
      @Nullable @Size(max = 20) List<@NotNull @Size(max = 100) String> fields) {}

  /** PATCH /groups/{slug}: only the fields sent change; visibility by the owner only. */
  @Serdeable
  record Update(
      @Nullable @Size(max = 200) String name,
      @Nullable @Size(max = 20_000) String description,
      @Nullable @Pattern(regexp = VISIBILITY) String visibility,
      @Nullable @Size(max = 12) List<@NotNull @Size(max = 40) String> disciplines,
      @Nullable @Size(max = 20) List<@NotNull @Size(max = 100) String> fields,
      @Nullable @Size(max = 500) String reason) {}

  /** POST /groups/{slug}/invites. */
  @Serdeable
  record Invite(@NotBlank @Size(max = 40) String handle) {}

  /**
   * PUT /groups/{slug}/members/{handle}: {@code state: active} approves a request, {@code banned}
   * bans; {@code role} sets the role ({@code owner} hands ownership over).
   */
  @Serdeable
  public record ChangeMember(
      @Nullable @Pattern(regexp = "active|banned") String state,
      @Nullable @Pattern(regexp = "owner|moderator|member") String role,
      @Nullable @Size(max = 500) String reason) {}

  /** The query of GET /groups. */
  @Introspected
  record DirectoryParams(
      @Nullable @QueryValue String discipline,
      @Nullable @QueryValue String field,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {}
}
