package io.starbridge.security;

import io.micronaut.context.annotation.Value;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in sessions. A session is a family of rotating tokens: a short-lived access token (the
 * {@code sb_session} cookie) and a single-use refresh token ({@code sb_refresh}). Presenting a
 * refresh token twice means it was stolen, so the whole family is revoked.
 */
@Singleton
public class SessionStore {
  private final Db db;
  private final Duration accessTtl;
  private final Duration refreshTtl;

  public SessionStore(
      Db db,
      @Value("${starbridge.session.access-ttl:15m}") Duration accessTtl,
      @Value("${starbridge.session.refresh-ttl:30d}") Duration refreshTtl) {
    this.db = db;
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
  }

  public record Issued(
      long sessionId,
      String accessToken,
      String refreshToken,
      Duration accessTtl,
      Duration refreshTtl) {}

  public sealed interface RefreshResult {
    record Rotated(long userId, Issued tokens) implements RefreshResult {}

    record Rejected(boolean reuseDetected) implements RefreshResult {}
  }

  @Transactional
  public Issued open(long userId, String userAgent, String ip) {
    long sessionId =
        db.insertReturningId(
            "insert into sessions (user_id, user_agent, ip) values (?, ?, ?) returning id",
            userId,
            truncate(userAgent, 300),
            ip);
    return issue(sessionId);
  }

  private Issued issue(long sessionId) {
    String access = Tokens.random("");
    String refresh = Tokens.random("");
    Instant now = Instant.now();
    db.update(
        "insert into session_tokens (session_id, kind, token_hash, expires_at) values (?, 'access', ?, ?), (?, 'refresh', ?, ?)",
        sessionId,
        Tokens.hash(access),
        now.plus(accessTtl),
        sessionId,
        Tokens.hash(refresh),
        now.plus(refreshTtl));
    return new Issued(sessionId, access, refresh, accessTtl, refreshTtl);
  }

  /**
   * Exchanges a refresh token for a new pair; a second use of the same token revokes the family.
   */
  @Transactional
  public RefreshResult refresh(String refreshToken) {
    record Row(
        long tokenId,
        long sessionId,
        long userId,
        Instant expiresAt,
        Instant usedAt,
        Instant revokedAt,
        String status,
        Instant statusUntil) {}
    Optional<Row> found =
        db.one(
            """
            select t.id, t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at, u.status, u.status_until
              from session_tokens t
              join sessions s on s.id = t.session_id
              join users u on u.id = s.user_id
             where t.token_hash = ? and t.kind = 'refresh'
             for update of t, s
            """,
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    Db.instant(rs, "expires_at"),
                    Db.instant(rs, "used_at"),
                    Db.instant(rs, "revoked_at"),
                    rs.getString("status"),
                    Db.instant(rs, "status_until")),
            Tokens.hash(refreshToken));
    if (found.isEmpty()) {
      return new RefreshResult.Rejected(false);
    }
    Row row = found.get();
    if (row.revokedAt() != null) {
      return new RefreshResult.Rejected(false);
    }
    if (row.usedAt() != null) {
      revoke(row.sessionId());
      return new RefreshResult.Rejected(true);
    }
    if (row.expiresAt().isBefore(Instant.now()) || isLockedOut(row.status(), row.statusUntil())) {
      return new RefreshResult.Rejected(false);
    }
    db.update("update session_tokens set used_at = now() where id = ?", row.tokenId());
    // The access tokens issued with the old refresh token end with it.
    db.update(
        "update session_tokens set expires_at = least(expires_at, now()) where session_id = ? and kind = 'access'",
        row.sessionId());
    db.update("update sessions set last_used_at = now() where id = ?", row.sessionId());
    return new RefreshResult.Rotated(row.userId(), issue(row.sessionId()));
  }

  public void revokeByRefreshToken(String refreshToken) {
    db.update(
        "update sessions set revoked_at = now() where revoked_at is null and id = (select session_id from session_tokens where token_hash = ? and kind = 'refresh')",
        Tokens.hash(refreshToken));
  }

  public void revoke(long sessionId) {
    db.update(
        "update sessions set revoked_at = now() where id = ? and revoked_at is null", sessionId);
  }

  /** Revokes every session of the user but {@code keepSessionId} (null: all of them). */
  public int revokeAllOf(long userId, Long keepSessionId) {
    return db.update(
        "update sessions set revoked_at = now() where user_id = ? and revoked_at is null and (?::bigint is null or id <> ?::bigint)",
        userId,
        keepSessionId,
        keepSessionId);
  }

  /** The actor behind a live access token, or empty when it is unknown, expired or revoked. */
  public Optional<Actor> authenticate(String accessToken) {
    return db.one(
        """
            select u.id, u.handle, u.role, u.status, u.status_until, u.trust_level,
                   u.email_verified_at is not null as verified, s.id as session_id
              from session_tokens t
              join sessions s on s.id = t.session_id
              join users u on u.id = s.user_id
             where t.token_hash = ? and t.kind = 'access' and t.expires_at > now()
               and s.revoked_at is null and u.status <> 'deleted'
            """,
        rs -> actorFrom(rs, rs.getLong("session_id"), Actor.AuthMethod.SESSION),
        Tokens.hash(accessToken));
  }

  static Actor actorFrom(ResultSet rs, Long sessionId, Actor.AuthMethod via) throws SQLException {
    String status = rs.getString("status");
    Instant until = Db.instant(rs, "status_until");
    if (isLockedOut(status, until)) {
      return null;
    }
    String effective = effectiveStatus(status, until);
    return new Actor(
        rs.getLong("id"),
        rs.getString("handle"),
        Role.parse(rs.getString("role")),
        effective,
        rs.getInt("trust_level"),
        rs.getBoolean("verified"),
        sessionId,
        via);
  }

  /** Suspended accounts cannot use any session until the suspension ends. */
  public static boolean isLockedOut(String status, Instant until) {
    return "suspended".equals(status) && (until == null || until.isAfter(Instant.now()));
  }

  /** A silence or suspension whose time has passed no longer applies. */
  public static String effectiveStatus(String status, Instant until) {
    if (("suspended".equals(status) || "silenced".equals(status))
        && until != null
        && !until.isAfter(Instant.now())) {
      return "active";
    }
    return status;
  }

  /** Removes expired tokens and long-revoked sessions; called by the housekeeping job. */
  @Transactional
  public int purgeExpired() {
    int n = db.update("delete from session_tokens where expires_at < now() - interval '1 day'");
    n += db.update("delete from sessions where revoked_at < now() - interval '7 days'");
    return n;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
