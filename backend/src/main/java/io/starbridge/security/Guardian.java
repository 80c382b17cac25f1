package io.starbridge.security;

import io.starbridge.common.ApiException;
import io.starbridge.common.ProblemType;

/**
 * Decides what one actor may see and do. The only place permission rules live: controllers,
 * use-cases, read models, search, feeds and notifications all ask it.
 */
public final class Guardian {
  private final Actor actor;

  Guardian(Actor actor) {
    this.actor = actor;
  }

  public Actor actor() {
    return actor;
  }

  public boolean isSignedIn() {
    return !actor.isAnonymous();
  }

  public boolean isStaff() {
    return isSignedIn() && (actor.role() == Role.ADMIN || actor.role() == Role.MODERATOR);
  }

  public boolean isAdmin() {
    return isSignedIn() && actor.role() == Role.ADMIN;
  }

  public boolean isSilenced() {
    return "silenced".equals(actor.status());
  }

  public void ensureSignedIn() {
    if (!isSignedIn()) {
      throw ApiException.unauthorized();
    }
  }

  /** Session-only operations (not through personal access tokens can one mint more tokens). */
  public void ensureSession() {
    ensureSignedIn();
    if (actor.via() != Actor.AuthMethod.SESSION) {
      throw ApiException.forbidden("This needs a signed-in browser session, not an access token");
    }
  }

  public void ensureAdmin() {
    ensureSignedIn();
    if (!isAdmin()) {
      throw ApiException.forbidden("Only administrators may do this");
    }
  }

  public boolean canManageUsers() {
    return isAdmin();
  }

  /** Writing anything visible to others: not while silenced. */
  public void ensureCanWrite() {
    ensureSignedIn();
    if (isSilenced()) {
      throw new ApiException(
          ProblemType.ACCOUNT_SILENCED, "Your account is silenced and cannot post for now");
    }
  }
}
