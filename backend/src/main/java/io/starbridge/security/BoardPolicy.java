package io.starbridge.security;

import io.starbridge.board.Board;

/** Board rules, reached through the {@link Guardian}. */
final class BoardPolicy {
  private BoardPolicy() {}

  static boolean canRead(Actor actor, boolean staff, Board board) {
    return allows(actor, staff, board.readAccess(), board.minReadTrust());
  }

  static boolean canPost(Actor actor, boolean staff, Board board) {
    return !actor.isAnonymous() && allows(actor, staff, board.postAccess(), board.minPostTrust());
  }

  private static boolean allows(Actor actor, boolean staff, Board.Access access, int minTrust) {
    if (staff) {
      return true;
    }
    return switch (access) {
      case EVERYONE -> true;
      case SIGNED_IN -> !actor.isAnonymous();
      case TRUST_LEVEL -> !actor.isAnonymous() && actor.trustLevel() >= minTrust;
      case STAFF -> false;
    };
  }

  /** How closed a rule is: everyone 0, signed-in 1, trust level n → 1 + n, staff 10. */
  static int closedness(Board.Access access, int minTrust) {
    return switch (access) {
      case EVERYONE -> 0;
      case SIGNED_IN -> 1;
      case TRUST_LEVEL -> 1 + minTrust;
      case STAFF -> 10;
    };
  }

  static String describe(Board.Access access, int minTrust) {
    return switch (access) {
      case EVERYONE, SIGNED_IN -> "signed-in members";
      case TRUST_LEVEL -> "members of trust level " + minTrust + " or higher";
      case STAFF -> "staff";
    };
  }
}
