package io.starbridge.security;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.board.Board;
import io.starbridge.common.Db;
import io.starbridge.group.Group;

/**
 * What one actor may read, as input for SQL (and later the search filter). It states the same rule
 * as {@link Guardian#canSee(Board)}; a test checks that both agree over a matrix of actors and
 * boards.
 */
public final class AccessScope {
  private final boolean signedIn;
  private final int trustLevel;
  private final boolean staff;
  private final boolean admin;
  private final Long userId;

  AccessScope(boolean signedIn, int trustLevel, boolean staff) {
    this(signedIn, trustLevel, staff, false, null);
  }

  AccessScope(boolean signedIn, int trustLevel, boolean staff, boolean admin, Long userId) {
    this.signedIn = signedIn;
    this.trustLevel = trustLevel;
    this.staff = staff;
    this.admin = admin;
    this.userId = signedIn ? userId : null;
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

  /**
   * Hidden topics (pending review, awaiting approval) are seen by staff and their author only
   * ({@link Guardian#canSee(io.starbridge.topic.Topic)}); every list filters with this.
   */
  public String topicsUnhidden(String alias) {
    return unhidden(alias);
  }

  /** A hidden post's text is for staff and its author ({@link Guardian#canSeeBody}). */
  public String postsUnhidden(String alias) {
    return unhidden(alias);
  }

  private String unhidden(String alias) {
    Db.checkAlias(alias);
    if (staff) {
      return "true";
    }
    if (userId == null) {
      return "(" + alias + ".hidden_at is null)";
    }
    return "(" + alias + ".hidden_at is null or " + alias + ".author_id = " + userId + ")";
  }

  /** A deleted post's text is for staff only ({@link Guardian#canSeeBody}). */
  public String postBodiesVisible(String alias) {
    Db.checkAlias(alias);
    return staff ? "true" : "(" + alias + ".deleted_at is null)";
  }

  // ---- groups (the rules of Guardian#canSee(Group) and Guardian#canReadContent(Group)) -------

  /**
   * A boolean SQL condition over the groups row aliased {@code alias}: true when the actor may see
   * the group's about page ({@link Guardian#canSee(Group)}). Only fixed words and the actor's id, a
   * long, are spliced in.
   */
  public String groupsVisible(String alias) {
    Db.checkAlias(alias);
    if (admin) {
      return "(" + alias + ".deleted_at is null)";
    }
    String open = alias + ".visibility <> 'secret'";
    if (userId == null) {
      return "(" + alias + ".deleted_at is null and " + open + ")";
    }
    return "("
        + alias
        + ".deleted_at is null and ("
        + open
        + " or "
        + memberIn(alias, "'active', 'invited'")
        + "))";
  }

  /**
   * True when the actor may read the discussions of the group aliased {@code alias} ({@link
   * Guardian#canReadContent(Group)}).
   */
  public String groupContentReadable(String alias) {
    Db.checkAlias(alias);
    if (admin) {
      return "(" + alias + ".deleted_at is null)";
    }
    String open = alias + ".visibility = 'public'";
    if (userId == null) {
      return "(" + alias + ".deleted_at is null and " + open + ")";
    }
    return "("
        + alias
        + ".deleted_at is null and ("
        + open
        + " or "
        + memberIn(alias, "'active'")
        + "))";
  }

  private String memberIn(String alias, String states) {
    return "exists (select 1 from group_members gm_s where gm_s.group_id = "
        + alias
        + ".id and gm_s.user_id = "
        + userId
        + " and gm_s.state in ("
        + states
        + "))";
  }

  /**
   * True when the actor may read the topic aliased {@code t}, whose board is left-joined as {@code
   * b} and group as {@code g} (a topic has exactly one of them).
   */
  public String topicsReadable(String t, String b, String g) {
    Db.checkAlias(t);
    return "(("
        + t
        + ".board_id is not null and "
        + boardsReadable(b)
        + ") or ("
        + t
        + ".group_id is not null and "
        + groupContentReadable(g)
        + "))";
  }

  /**
   * What site-wide lists (latest, tags) draw from: readable boards and public groups only, for
   * everyone. Restricted and secret discussions stay inside their group's own list.
   */
  public String topicsListedSiteWide(String t, String b, String g) {
    Db.checkAlias(t);
    Db.checkAlias(g);
    return "(("
        + t
        + ".board_id is not null and "
        + boardsReadable(b)
        + ") or ("
        + t
        + ".group_id is not null and "
        + g
        + ".visibility = 'public' and "
        + g
        + ".deleted_at is null))";
  }

  // ---- search access tokens -----------------------------------------------------------------

  public static final String PUBLIC_TOKEN = "public";

  public static String groupToken(long groupId) {
    return "group:" + groupId;
  }

  /**
   * The token of a secret group's about page (its group document only, never its discussions): held
   * by active members and by those invited ({@link Guardian#canSee(Group)}).
   */
  public static String groupAboutToken(long groupId) {
    return "group-about:" + groupId;
  }

  /**
   * The access token a searchable document (topic, post) carries, from the topic's board or group:
   * a board readable by everyone {@code public}, by the signed-in {@code signed_in}, from a trust
   * level {@code tl:N}, by staff {@code staff}; a public group {@code public}, a restricted or
   * secret group {@code group:{id}}. A caller may see a document when its {@link
   * Guardian#searchTokens()} contain the token.
   */
  public static String documentToken(@Nullable Board board, @Nullable Group group) {
    if (group != null) {
      return group.visibility() == Group.Visibility.PUBLIC ? PUBLIC_TOKEN : groupToken(group.id());
    }
    if (board == null) {
      throw new IllegalArgumentException("a topic lives in a board or a group");
    }
    return switch (board.readAccess()) {
      case EVERYONE -> PUBLIC_TOKEN;
      case SIGNED_IN -> "signed_in";
      case TRUST_LEVEL -> "tl:" + board.minReadTrust();
      case STAFF -> "staff";
    };
  }
}
