package io.starbridge.search;

import io.starbridge.security.Guardian;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Access tokens of documents and callers (the contract in the groups issue): a board document
 * carries {@code public}, {@code signed_in}, {@code tl:N} or {@code staff} after its read rule; a
 * caller holds {@code public}, plus {@code signed_in} and {@code tl:0..N} when signed in, plus
 * every token for staff. A document matches when the caller holds one of its tokens.
 */
public final class AccessTokens {
  private AccessTokens() {}

  public static final String PUBLIC = "public";

  /** The token of a board's read rule ({@code boards.read_access}, {@code min_read_trust}). */
  public static String board(String readAccess, int minReadTrust) {
    return switch (readAccess) {
      case "everyone" -> PUBLIC;
      case "signed_in" -> "signed_in";
      case "trust_level" -> "tl:" + minReadTrust;
      default -> "staff";
    };
  }

  /** What the Guardian's actor may read, as tokens. */
  public static Set<String> caller(Guardian guardian) {
    Set<String> out = new LinkedHashSet<>();
    out.add(PUBLIC);
    if (!guardian.isSignedIn()) {
      return out;
    }
    out.add("signed_in");
    int level = guardian.isStaff() ? 4 : guardian.actor().trustLevel();
    for (int i = 0; i <= level; i++) {
      out.add("tl:" + i);
    }
    if (guardian.isStaff()) {
      out.add("staff");
    }
    return out;
  }
}
