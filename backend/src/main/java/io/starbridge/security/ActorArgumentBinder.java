package io.starbridge.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets controller methods take an {@link Actor} parameter. */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {
  @Override
  public Argument<Actor> argumentType() {
    return Argument.of(Actor.class);
  }

  @Override
  public BindingResult<Actor> bind(
      ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
    Actor actor = ActorAuthenticationFetcher.actorOf(source);
    return () -> Optional.of(actor);
  }
}
