package io.starbridge.security;

import jakarta.inject.Singleton;

/** Hands out the {@link Guardian} of an actor. */
@Singleton
public class Guardians {
  private final RelationLookup relations;

  public Guardians(RelationLookup relations) {
    this.relations = relations;
  }

  public Guardian of(Actor actor) {
    return new Guardian(actor, relations);
  }
}
