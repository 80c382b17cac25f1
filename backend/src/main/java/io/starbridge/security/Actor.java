package io.starbridge.security;

import io.micronaut.core.annotation.Nullable;

/**
 * Who is asking: a signed-in user or nobody. Built once per request by the authentication fetcher;
 * ask the {@link Guardian} what it may do.
 */
public record Actor(
    @Nullable Long userId,
    @Nullable String handle,
    Role role,
    String status,
    int trustLevel,
    boolean emailVerified,
    @Nullable Long sessionId,
    AuthMethod via) {

  public enum AuthMethod {
    NONE,
    SESSION,
    PERSONAL_TOKEN
  }

  private static final Actor ANONYMOUS =
      new Actor(null, null, Role.MEMBER, "active", 0, false, null, AuthMethod.NONE);

  public static Actor anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return userId == null;
  }

  public long id() {
    if (userId == null) {
      throw new IllegalStateException("anonymous actor has no id");
    }
    return userId;
  }
}
