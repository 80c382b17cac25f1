package io.starbridge.security;

import java.util.Locale;

/** Site-wide roles. Group roles live with groups. */
public enum Role {
  MEMBER,
  MODERATOR,
  ADMIN;

  public static Role parse(String value) {
    return Role.valueOf(value.toUpperCase(Locale.ROOT));
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
