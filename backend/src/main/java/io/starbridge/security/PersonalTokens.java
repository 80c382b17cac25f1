package io.starbridge.security;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Looks up the actor behind a personal access token ({@code Authorization: Bearer sbp_…}). */
@Singleton
public class PersonalTokens {
  public static final String PREFIX = "sbp_";
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private final Db db;

  public PersonalTokens(Db db) {
    this.db = db;
  }

  public Optional<Actor> authenticate(String token) {
    if (!token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    record Found(long tokenId, Instant lastUsed, Actor actor) {}
    Optional<Found> found =
        db.one(
            """
            select p.id as token_id, p.last_used_at, u.id, u.handle, u.role, u.status, u.status_until,
                   u.trust_level, u.email_verified_at is not null as verified
              from personal_tokens p
              join users u on u.id = p.user_id
             where p.token_hash = ? and p.revoked_at is null
               and (p.expires_at is null or p.expires_at > now())
               and u.status <> 'deleted'
            """,
            rs ->
                new Found(
                    rs.getLong("token_id"),
                    Db.instant(rs, "last_used_at"),
                    SessionStore.actorFrom(rs, null, Actor.AuthMethod.PERSONAL_TOKEN)),
            Tokens.hash(token));
    if (found.isEmpty() || found.get().actor() == null) {
      return Optional.empty();
    }
    Found f = found.get();
    // "Last used" is shown to the owner; a minute's precision spares a write per request.
    if (f.lastUsed() == null || f.lastUsed().isBefore(Instant.now().minus(TOUCH_EVERY))) {
      db.update("update personal_tokens set last_used_at = now() where id = ?", f.tokenId());
    }
    return Optional.of(f.actor());
  }
}
