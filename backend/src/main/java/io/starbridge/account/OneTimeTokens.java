package io.starbridge.account;

import io.starbridge.common.Db;
import io.starbridge.security.Tokens;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Email verification and password reset tokens: single use, expiring, stored hashed. */
@Singleton
class OneTimeTokens {
  enum Purpose {
    VERIFY_EMAIL,
    PASSWORD_RESET
  }

  private final Db db;

  OneTimeTokens(Db db) {
    this.db = db;
  }

  /** Issues a new token; earlier unused tokens of the same purpose stop working. */
  String issue(long userId, Purpose purpose, Duration ttl) {
    db.update(
        "update one_time_tokens set used_at = now() where user_id = ? and purpose = ? and used_at is null",
        userId,
        purpose);
    String token = Tokens.random("");
    db.update(
        "insert into one_time_tokens (user_id, purpose, token_hash, expires_at) values (?, ?, ?, ?)",
        userId,
        purpose,
        Tokens.hash(token),
        Instant.now().plus(ttl));
    return token;
  }

  /** Marks the token used and returns its user, or empty when unknown, used or expired. */
  Optional<Long> consume(String token, Purpose purpose) {
    return db.one(
        """
        update one_time_tokens set used_at = now()
         where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
        returning user_id
        """,
        rs -> rs.getLong(1),
        Tokens.hash(token),
        purpose);
  }
}
