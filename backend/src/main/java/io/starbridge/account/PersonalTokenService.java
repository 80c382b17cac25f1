package io.starbridge.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.PersonalTokens;
import io.starbridge.security.Tokens;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Personal access tokens: created and shown once, listed without the secret, revoked. */
@Singleton
class PersonalTokenService {
  static final int MAX_ACTIVE = 50;
  private final Db db;
  private final Outbox outbox;

  PersonalTokenService(Db db, Outbox outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  @Serdeable
  record TokenView(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant expiresAt) {}

  @Serdeable
  record CreatedToken(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      @Nullable Instant expiresAt,
      String token) {}

  @Transactional
  CreatedToken create(Actor actor, Requests.CreateToken req) {
    String name = Texts.clean(req.name());
    if (name.isEmpty() || Texts.hasForbiddenControlChars(name)) {
      throw ApiException.invalid(
          "name", "invalid", "must not be empty or contain control characters");
    }
    long active =
        db.count(
            "select count(*) from personal_tokens where user_id = ? and revoked_at is null",
            actor.id());
    if (active >= MAX_ACTIVE) {
      throw ApiException.conflict("You have " + MAX_ACTIVE + " active tokens; revoke one first");
    }
    String token = Tokens.random(PersonalTokens.PREFIX);
    String prefix = token.substring(0, 10);
    Instant expires =
        req.expiresInDays() == null
            ? null
            : Instant.now().plus(Duration.ofDays(req.expiresInDays()));
    long id =
        db.insertReturningId(
            "insert into personal_tokens (user_id, name, token_hash, token_prefix, expires_at) values (?, ?, ?, ?, ?) returning id",
            actor.id(),
            name,
            Tokens.hash(token),
            prefix,
            expires);
    outbox.publish("PersonalTokenCreated", "user", actor.id(), actor.id(), Map.of("tokenId", id));
    TokenView v = list(actor).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    return new CreatedToken(id, v.name(), v.prefix(), v.createdAt(), v.expiresAt(), token);
  }

  List<TokenView> list(Actor actor) {
    return db.list(
        """
        select id, name, token_prefix, created_at, last_used_at, expires_at from personal_tokens
         where user_id = ? and revoked_at is null order by created_at desc, id desc
        """,
        rs ->
            new TokenView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                Db.instant(rs, "created_at"),
                Db.instant(rs, "last_used_at"),
                Db.instant(rs, "expires_at")),
        actor.id());
  }

  @Transactional
  void revoke(Actor actor, long id) {
    int n =
        db.update(
            "update personal_tokens set revoked_at = now() where id = ? and user_id = ? and revoked_at is null",
            id,
            actor.id());
    if (n == 0) {
      throw ApiException.notFound("Token");
    }
    outbox.publish("PersonalTokenRevoked", "user", actor.id(), actor.id(), Map.of("tokenId", id));
  }
}
