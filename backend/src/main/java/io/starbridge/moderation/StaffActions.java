package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.profile.Person;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warn, silence (reads, cannot post) and suspend (cannot sign in) members, and lift either early.
 * The session lookup reads the status on every request, so both take effect on live sessions.
 */
@Singleton
public class StaffActions {
  private final Db db;
  private final Guardians guardians;
  private final AuditLog audit;
  private final Outbox outbox;

  StaffActions(Db db, Guardians guardians, AuditLog audit, Outbox outbox) {
    this.db = db;
    this.guardians = guardians;
    this.audit = audit;
    this.outbox = outbox;
  }

  record Target(Person person, String handle, String status, Instant until, String reason) {}

  Target target(String handle) {
    return db.one(
            "select id, role, hide_followers, hide_activity, mention_policy, handle, status, status_until, status_reason"
                + " from users where lower(handle) = lower(?) and deleted_at is null",
            rs ->
                new Target(
                    new Person(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7),
                    Db.instant(rs, "status_until"),
                    rs.getString(9)),
            handle)
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  Target target(long userId) {
    String handle =
        db.one("select handle from users where id = ?", rs -> rs.getString(1), userId)
            .orElseThrow(() -> ApiException.notFound("User"));
    return target(handle);
  }

  /** {@code status}: silenced or suspended; {@code until} null = until lifted. */
  @Transactional
  public void restrict(
      Actor actor, String handle, String status, @Nullable Instant until, @Nullable String reason) {
    Target t = target(handle);
    guardians.of(actor).ensureCanActOn(t.person());
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw ApiException.invalid(
          "reason", "required", "give a reason (up to 1000 characters): the member will see it");
    }
    if (Texts.hasForbiddenControlChars(why)) {
      throw ApiException.invalid("reason", "control_chars", "must not contain control characters");
    }
    if (until != null && !until.isAfter(Instant.now())) {
      throw ApiException.invalid("until", "past", "must be in the future");
    }
    db.update(
        "update users set status = ?, status_until = ?, status_reason = ?, updated_at = now() where id = ?",
        status,
        until,
        why,
        t.person().id());
    audit.record(
        actor.id(),
        "silenced".equals(status) ? "user.silence" : "user.suspend",
        "user",
        t.person().id(),
        why,
        state(t.status(), t.until(), t.reason()),
        state(status, until, why));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("userId", t.person().id());
    payload.put("until", until == null ? null : until.toString());
    payload.put("reason", why);
    outbox.publish(
        "silenced".equals(status) ? "UserSilenced" : "UserSuspended",
        "user",
        t.person().id(),
        actor.id(),
        payload);
  }

  /** Lifts a silence or suspension early ({@code status} says which; 409 if not in force). */
  @Transactional
  public void lift(Actor actor, String handle, String status) {
    Target t = target(handle);
    guardians.of(actor).ensureCanActOn(t.person());
    if (!status.equals(t.status())) {
      throw ApiException.conflict("This member is not " + status);
    }
    db.update(
        "update users set status = 'active', status_until = null, status_reason = null, updated_at = now() where id = ?",
        t.person().id());
    audit.record(
        actor.id(),
        "silenced".equals(status) ? "user.unsilence" : "user.unsuspend",
        "user",
        t.person().id(),
        null,
        state(t.status(), t.until(), t.reason()),
        state("active", null, null));
    outbox.publish(
        "silenced".equals(status) ? "UserUnsilenced" : "UserUnsuspended",
        "user",
        t.person().id(),
        actor.id(),
        Map.of("userId", t.person().id()));
  }

  @Transactional
  public void warn(Actor actor, String handle, @Nullable String reason, @Nullable Long scopeGroup) {
    Target t = target(handle);
    guardians.of(actor).ensureCanActOn(t.person());
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 1000) {
      throw ApiException.invalid(
          "reason", "required", "give a reason (up to 1000 characters): the member will see it");
    }
    if (Texts.hasForbiddenControlChars(why)) {
      throw ApiException.invalid("reason", "control_chars", "must not contain control characters");
    }
    long id =
        db.insertReturningId(
            "insert into user_warnings (user_id, by_id, reason) values (?, ?, ?) returning id",
            t.person().id(),
            actor.id(),
            why);
    audit.record(actor.id(), "user.warn", "user", t.person().id(), why, null, null, scopeGroup);
    outbox.publish(
        "UserWarned",
        "user",
        t.person().id(),
        actor.id(),
        Map.of("userId", t.person().id(), "warningId", id, "reason", why));
  }

  private static Map<String, Object> state(String status, Instant until, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("until", until == null ? null : until.toString());
    m.put("reason", reason);
    return m;
  }
}
