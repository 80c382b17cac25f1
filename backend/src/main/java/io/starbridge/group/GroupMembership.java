package io.starbridge.group;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** One group_members row: the caller's (or anyone's) standing in one group. */
public record GroupMembership(long groupId, Role role, State state, @Nullable Long invitedBy) {

  public boolean active() {
    return state == State.ACTIVE;
  }

  /** Roles inside a group; one owner per group. */
  public enum Role {
    OWNER,
    MODERATOR,
    MEMBER;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  /** Active members belong; pending asked to join; invited were asked; banned may not return. */
  public enum State {
    ACTIVE,
    PENDING,
    INVITED,
    BANNED;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State parse(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }
}
