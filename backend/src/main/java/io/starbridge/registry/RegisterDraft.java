package io.starbridge.registry;

import io.micronaut.context.annotation.Value;
import io.starbridge.common.ApiException;
import io.starbridge.security.Guardian;
import io.starbridge.security.RateLimiter;
import jakarta.inject.Singleton;
import java.time.Duration;

/** A signed-in writer registers a draft: only its hashes enter the chain, never the text. */
@Singleton
public class RegisterDraft {
  private final Registry registry;
  private final RegistryQueries queries;
  private final RateLimiter rateLimiter;
  private final RateLimiter.Limit perUser;

  RegisterDraft(
      Registry registry,
      RegistryQueries queries,
      RateLimiter rateLimiter,
      @Value("${starbridge.rate-limits.registry-drafts-per-hour:30}") long perHour) {
    this.registry = registry;
    this.queries = queries;
    this.rateLimiter = rateLimiter;
    this.perUser = new RateLimiter.Limit("registry-drafts", perHour, Duration.ofHours(1));
  }

  public RegistryViews.Certificate call(Guardian guardian, String text) {
    guardian.ensureCanWrite();
    if (CanonicalText.canonical(text).isEmpty()) {
      throw ApiException.invalid("text", "blank", "must not be blank");
    }
    rateLimiter.consume(perUser, guardian);
    Registration r = registry.register(RegistrationRequest.draft(guardian.actor().id(), text));
    return queries.certificate(guardian, r.id());
  }
}
