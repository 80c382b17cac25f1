package io.starbridge.security;

import jakarta.inject.Singleton;

/** Hands out the {@link Guardian} of an actor. */
@Singleton
public class Guardians {
  public Guardian of(Actor actor) {
    return new Guardian(actor);
  }
}
