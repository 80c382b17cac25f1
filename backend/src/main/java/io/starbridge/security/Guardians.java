package io.starbridge.security;

import jakarta.inject.Singleton;

/** Hands out the {@link Guardian} of an actor. */
@Singleton
public class Guardians {
  private final MembershipLookup memberships;
  private final RelationLookup relations;

  public Guardians(MembershipLookup memberships, RelationLookup relations) {
    this.memberships = memberships;
    this.relations = relations;
  }

  public Guardian of(Actor actor) {
    return new Guardian(actor, memberships, relations);
  }
}
