package io.starbridge.security;

import io.starbridge.board.Board;
import io.starbridge.common.Db;

/**
 * What one actor may read, as input for SQL (and later the search filter). It states the same rule
 * as {@link Guardian#canSee(Board)}; a test checks that both agree over a matrix of actors and
 * boards.
 */
public final class AccessScope {
  private final boolean signedIn;
  private final int trustLevel;
  private final boolean staff;

  AccessScope(boolean signedIn, int trustLevel, boolean staff) {
    this.signedIn = signedIn;
    this.trustLevel = trustLevel;
    this.staff = staff;
  }

  /**
   * A boolean SQL condition over the boards row aliased {@code alias}: true when the actor may read
   * that board. It contains no parameters: only fixed words and the actor's trust level, an int.
   */
  public String boardsReadable(String alias) {
    Db.checkAlias(alias);
    if (staff) {
      return "true";
    }
    if (!signedIn) {
      return "(" + alias + ".read_access = 'everyone')";
    }
    return "("
        + alias
        + ".read_access in ('everyone', 'signed_in') or ("
        + alias
        + ".read_access = 'trust_level' and "
        + alias
        + ".min_read_trust <= "
        + trustLevel
        + "))";
  }

  /**
   * Deleted topics are visible to staff only ({@link Guardian#canSee(io.starbridge.topic.Topic)}).
   */
  public String topicsVisible(String alias) {
    Db.checkAlias(alias);
    return staff ? "true" : "(" + alias + ".deleted_at is null)";
  }

  /** A deleted post's text is for staff only ({@link Guardian#canSeeBody}). */
  public String postBodiesVisible(String alias) {
    Db.checkAlias(alias);
    return staff ? "true" : "(" + alias + ".deleted_at is null)";
  }
}
