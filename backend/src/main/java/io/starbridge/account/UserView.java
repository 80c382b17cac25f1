package io.starbridge.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** The signed-in user's own account, as {@code /me} and the auth endpoints return it. */
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
    Instant createdAt) {}
