package io.starbridge.search;

import io.starbridge.security.AccessScope;
import io.starbridge.security.Guardian;
import java.util.Set;

/**
 * Access tokens of documents and callers (the contract in the groups issue): a board document
 * carries {@code public}, {@code signed_in}, {@code tl:N} or {@code staff} after its read rule; a
 * caller holds {@code public}, plus {@code signed_in} and {@code tl:0..N} when signed in, plus
 * every token for staff, plus {@code group:{id}} and {@code group-about:{id}} per active group
 * membership and {@code group-about:{id}} per invitation. A document matches when the caller holds
 * one of its tokens.
 */
public final class AccessTokens {
  private AccessTokens() {}

  public static final String PUBLIC = AccessScope.PUBLIC_TOKEN;

  /** The token of a board's read rule ({@code boards.read_access}, {@code min_read_trust}). */
  public static String board(String readAccess, int minReadTrust) {
    return switch (readAccess) {
      case "everyone" -> PUBLIC;
      case "signed_in" -> "signed_in";
      case "trust_level" -> "tl:" + minReadTrust;
      default -> "staff";
    };
  }

  /** The token of a discussion in a group of the given visibility. */
  public static String group(long groupId, String visibility) {
    return "public".equals(visibility) ? PUBLIC : AccessScope.groupToken(groupId);
  }

  /**
   * The token of a group's about page: everyone's unless the group is secret; a secret group's
   * {@code group-about:{id}}, which its active members and its invitees hold (discussions carry
   * {@code group:{id}}, which invitees do not).
   */
  public static String groupAbout(long groupId, String visibility) {
    return "secret".equals(visibility) ? AccessScope.groupAboutToken(groupId) : PUBLIC;
  }

  /**
   * The token of a readable work: {@code public} or {@code signed_in} after its visibility (drafts
   * and translations without permission are never indexed).
   */
  public static String work(String visibility) {
    return "public".equals(visibility) ? PUBLIC : "signed_in";
  }

  /**
   * What the Guardian's actor may read, as tokens; null for site admins, who read every board and
   * every group (no filter).
   */
  public static Set<String> caller(Guardian guardian) {
    return guardian.isAdmin() ? null : guardian.searchTokens();
  }
}
