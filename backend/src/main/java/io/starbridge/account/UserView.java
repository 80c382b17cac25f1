package io.starbridge.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.profile.ProfileLink;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in user's own account, as {@code /me} and the auth endpoints return it: the account,
 * then the profile (as the profile page shows it, plus the raw {@code bio} and the privacy
 * settings).
 */
@Serdeable
public record UserView(
    long id,
    String handle,
    String displayName,
    @Nullable String email,
    boolean emailVerified,
    String locale,
    String role,
    String status,
    @Nullable Instant statusUntil,
    @Nullable String statusReason,
    int trustLevel,
    Instant createdAt,
    @Nullable String bio,
    @Nullable String bioHtml,
    List<String> disciplines,
    List<String> fields,
    @Nullable String affiliation,
    List<String> languages,
    List<ProfileLink> links,
    @Nullable String location,
    @Nullable String avatarUrl,
    @Nullable String coverUrl,
    List<String> badges,
    boolean hideFollowers,
    boolean hideActivity,
    String mentionPolicy) {}
