package io.starbridge.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Turns the {@code sb_session} cookie or a {@code Bearer} personal access token into an {@link
 * Actor}. The lookup reads the user's current status, so a suspension or a revoked session takes
 * effect on the next request.
 */
@Singleton
public class ActorAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
  static final String ACTOR_ATTRIBUTE = "actor";
  private static final String BEARER = "Bearer ";

  private final SessionStore sessions;
  private final PersonalTokens personalTokens;
  private final Visits visits;
  private final Scheduler blocking;

  public ActorAuthenticationFetcher(
      SessionStore sessions,
      PersonalTokens personalTokens,
      Visits visits,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.sessions = sessions;
    this.personalTokens = personalTokens;
    this.visits = visits;
    this.blocking = Schedulers.fromExecutorService(executor);
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    Optional<String> bearer =
        request
            .getHeaders()
            .findFirst(HttpHeaders.AUTHORIZATION)
            .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(h -> h.substring(BEARER.length()).trim());
    Optional<String> cookie =
        request
            .getCookies()
            .findCookie(AuthCookies.SESSION)
            .map(Cookie::getValue)
            .filter(v -> !v.isBlank());
    if (bearer.isEmpty() && cookie.isEmpty()) {
      return Mono.empty();
    }
    return Mono.fromCallable(
            () ->
                (bearer.isPresent()
                        ? personalTokens.authenticate(bearer.get())
                        : sessions.authenticate(cookie.get()))
                    .map(
                        actor -> {
                          visits.record(actor.id()); // once a day per member (trust levels)
                          return actor;
                        })
                    .map(ActorAuthenticationFetcher::toAuthentication)
                    .orElse(null))
        .subscribeOn(blocking);
  }

  private static Authentication toAuthentication(Actor actor) {
    return Authentication.build(
        actor.handle(), List.of(actor.role().wire()), Map.of(ACTOR_ATTRIBUTE, actor));
  }

  /** The actor of a request: anonymous when it carries no valid credentials. */
  public static Actor actorOf(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(a -> a.getAttributes().get(ACTOR_ATTRIBUTE))
        .filter(Actor.class::isInstance)
        .map(Actor.class::cast)
        .orElse(Actor.anonymous());
  }
}
