package io.starbridge.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.StrictBoolean;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the account endpoints. Deeper rules live in {@link AccountRules}. */
public final class Requests {
  private Requests() {}

  static final String LOCALE_PATTERN = "zh-CN|en";

  @Serdeable
  record Register(
      @NotBlank
          @Size(min = 3, max = 30)
          @Pattern(regexp = "[A-Za-z0-9_]+", message = "may contain only letters a-z, digits and _")
          String handle,
      @NotBlank @Size(max = 254) String email,
      @NotNull @Size(max = 1000) String password,
      @Nullable @Size(max = 60) String displayName,
      @Nullable @Pattern(regexp = LOCALE_PATTERN) String locale) {}

  @Serdeable
  record Token(@NotBlank @Size(max = 200) String token) {}

  @Serdeable
  record Login(
      @NotBlank @Size(max = 254) String login, @NotNull @Size(max = 256) String password) {}

  @Serdeable
  record PasswordReset(@NotBlank @Size(max = 254) String email) {}

  @Serdeable
  record PasswordResetConfirm(
      @NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1000) String password) {}

  /**
   * Every field optional; absent (null) leaves it as it is. Profile fields are checked by {@link
   * io.starbridge.profile.ProfileSettings}, which names each invalid field.
   */
  @Serdeable
  public record UpdateMe(
      @Nullable @Size(min = 1, max = 60) String displayName,
      @Nullable @Pattern(regexp = LOCALE_PATTERN) String locale,
      @Nullable String bio,
      @Nullable List<String> disciplines,
      @Nullable List<String> fields,
      @Nullable String affiliation,
      @Nullable List<String> languages,
      @Nullable List<io.starbridge.profile.ProfileLink> links,
      @Nullable String location,
      @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean hideFollowers,
      @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean hideActivity,
      @Nullable String mentionPolicy) {

    io.starbridge.profile.ProfileUpdate profile() {
      return new io.starbridge.profile.ProfileUpdate(
          bio,
          disciplines,
          fields,
          affiliation,
          languages,
          links,
          location,
          hideFollowers,
          hideActivity,
          mentionPolicy);
    }
  }

  @Serdeable
  record ChangePassword(
      @NotNull @Size(max = 256) String currentPassword,
      @NotNull @Size(max = 1000) String newPassword) {}

  @Serdeable
  record CreateToken(
      @NotBlank @Size(max = 80) String name, @Nullable @Min(1) @Max(3650) Integer expiresInDays) {}

  @Serdeable
  record AdminUpdateUser(
      @Nullable @Pattern(regexp = "member|moderator|admin") String role,
      @Nullable @Min(0) @Max(4) Integer trustLevel,
      @Nullable @Size(max = 500) String reason) {}
}
