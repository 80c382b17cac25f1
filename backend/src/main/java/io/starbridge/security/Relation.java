package io.starbridge.security;

/**
 * How the actor stands to another person: whether it follows them or is followed by them, and
 * whether it mutes or blocks them or is blocked by them.
 */
public record Relation(
    boolean following, boolean followedBy, boolean muting, boolean blocking, boolean blockedBy) {
  public static final Relation NONE = new Relation(false, false, false, false, false);
}
