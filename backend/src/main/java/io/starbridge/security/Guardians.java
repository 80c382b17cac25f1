package io.starbridge.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Hands out the {@link Guardian} of an actor. */
@Singleton
public class Guardians {
  // Field-injected so that other features can add constructor parameters without conflict.
  @Inject MembershipLookup memberships = MembershipLookup.NONE;

  public Guardian of(Actor actor) {
    return new Guardian(actor, memberships);
  }
}
