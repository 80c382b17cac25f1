package io.starbridge.account;

import io.starbridge.common.Db;
import io.starbridge.profile.OwnProfile;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads and writes of the users table used by the account use-cases. */
@Singleton
public class Users {
  static final String COLUMNS =
      "id, handle, email, email_verified_at, password_hash, display_name, locale, role, status, status_until, status_reason, trust_level, created_at, "
          + OwnProfile.COLUMNS;

  private final Db db;

  public Users(Db db) {
    this.db = db;
  }

  /** A users row (the write model). */
  public record User(
      long id,
      String handle,
      String email,
      java.time.Instant emailVerifiedAt,
      String passwordHash,
      String displayName,
      String locale,
      String role,
      String status,
      java.time.Instant statusUntil,
      String statusReason,
      int trustLevel,
      java.time.Instant createdAt,
      OwnProfile profile) {

    UserView view() {
      return new UserView(
          id,
          handle,
          displayName,
          email,
          emailVerifiedAt != null,
          locale,
          role,
          io.starbridge.security.SessionStore.effectiveStatus(status, statusUntil),
          statusUntil,
          statusReason,
          trustLevel,
          createdAt,
          profile.bio(),
          profile.bioHtml(),
          profile.disciplines(),
          profile.fields(),
          profile.affiliation(),
          profile.languages(),
          profile.links(),
          profile.location(),
          profile.avatarUrl(),
          profile.coverUrl(),
          profile.badges(),
          profile.hideFollowers(),
          profile.hideActivity(),
          profile.mentionPolicy());
    }
  }

  static User map(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("handle"),
        rs.getString("email"),
        Db.instant(rs, "email_verified_at"),
        rs.getString("password_hash"),
        rs.getString("display_name"),
        rs.getString("locale"),
        rs.getString("role"),
        rs.getString("status"),
        Db.instant(rs, "status_until"),
        rs.getString("status_reason"),
        rs.getInt("trust_level"),
        Db.instant(rs, "created_at"),
        OwnProfile.read(rs));
  }

  public Optional<User> byId(long id) {
    return db.one(
        "select " + COLUMNS + " from users where id = ? and status <> 'deleted'", Users::map, id);
  }

  public Optional<User> byIdForUpdate(long id) {
    return db.one(
        "select " + COLUMNS + " from users where id = ? and status <> 'deleted' for update",
        Users::map,
        id);
  }

  public Optional<User> byHandle(String handle) {
    return db.one(
        "select " + COLUMNS + " from users where lower(handle) = lower(?) and status <> 'deleted'",
        Users::map,
        handle);
  }

  public Optional<User> byEmail(String email) {
    return db.one(
        "select " + COLUMNS + " from users where lower(email) = lower(?) and status <> 'deleted'",
        Users::map,
        email);
  }

  /** By handle or email, as typed into the sign-in form. */
  public Optional<User> byLogin(String login) {
    return login.contains("@")
        ? byEmail(AccountRules.normalizeEmail(login))
        : byHandle(AccountRules.normalizeHandle(login));
  }

  public boolean handleTaken(String handle) {
    return db.count("select count(*) from users where lower(handle) = lower(?)", handle) > 0;
  }

  public boolean emailTaken(String email) {
    return db.count("select count(*) from users where lower(email) = lower(?)", email) > 0;
  }
}
