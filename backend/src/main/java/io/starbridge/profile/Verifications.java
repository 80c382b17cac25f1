package io.starbridge.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verified badges: a member asks for {@code verified_scientist} or {@code verified_industry} with
 * evidence; an admin approves (the badge is added to {@code users.badges}) or declines. Decisions
 * and revocations write an audit row in their transaction and announce themselves on the outbox.
 */
@Singleton
public class Verifications {
  static final List<String> KINDS = List.of("scientist", "industry");
  static final List<String> BADGES = List.of("verified_scientist", "verified_industry");
  static final int EVIDENCE_MAX = 4000;
  static final int MAX_LINKS = 5;
  static final int NOTE_MAX = 1000;

  private final Db db;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;
  private final ProfileQueries people;
  private final Badges badges;

  Verifications(
      Db db,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit,
      ProfileQueries people,
      Badges badges) {
    this.badges = badges;
    this.db = db;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
    this.people = people;
  }

  @Serdeable
  public record RequestBody(
      @Nullable String kind, @Nullable String evidence, @Nullable List<String> links) {}

  @Serdeable
  public record DecisionBody(@Nullable String decision, @Nullable String note) {}

  /** A request as its author sees it. */
  @Serdeable
  public record VerificationView(
      long id,
      String kind,
      String state,
      String evidence,
      List<String> links,
      Instant createdAt,
      @Nullable Instant decidedAt,
      @Nullable String decisionNote) {}

  /** A request in the admin queue: the request's fields and who asked. */
  @Serdeable
  public record QueueItem(
      long id,
      String kind,
      String state,
      String evidence,
      List<String> links,
      Instant createdAt,
      @Nullable Instant decidedAt,
      @Nullable String decisionNote,
      UserCard user) {}

  private static final String COLUMNS =
      "v.id, v.kind, v.state, v.evidence, v.links, v.created_at, v.decided_at, v.decision_note, v.user_id";

  private static VerificationView view(ResultSet rs) throws SQLException {
    return new VerificationView(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("state"),
        rs.getString("evidence"),
        OwnProfile.strings(rs.getArray("links")),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "decided_at"),
        rs.getString("decision_note"));
  }

  private static QueueItem item(ResultSet rs) throws SQLException {
    VerificationView v = view(rs);
    return new QueueItem(
        v.id(),
        v.kind(),
        v.state(),
        v.evidence(),
        v.links(),
        v.createdAt(),
        v.decidedAt(),
        v.decisionNote(),
        UserCard.read(rs, "u"));
  }

  // ---- members --------------------------------------------------------------------------------

  /** POST /me/verifications: one pending request per kind (409 otherwise). */
  @Transactional
  public VerificationView request(Actor actor, RequestBody body) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanWrite();
    List<FieldError> errors = new ArrayList<>();
    String kind = body.kind();
    if (kind == null || !KINDS.contains(kind)) {
      errors.add(FieldError.of("kind", "enum", "must be scientist or industry"));
    }
    String evidence = body.evidence() == null ? "" : body.evidence().strip();
    if (evidence.isEmpty()) {
      errors.add(FieldError.of("evidence", "required", "must describe your work or position"));
    } else if (Texts.length(evidence) > EVIDENCE_MAX) {
      errors.add(
          FieldError.of("evidence", "size", "must be at most " + EVIDENCE_MAX + " characters"));
    } else if (Texts.hasForbiddenControlChars(evidence)) {
      errors.add(FieldError.of("evidence", "invalid", "contains invalid characters"));
    }
    List<String> links = body.links() == null ? List.of() : body.links();
    if (links.size() > MAX_LINKS) {
      errors.add(FieldError.of("links", "size", "at most " + MAX_LINKS + " links"));
    }
    List<String> cleanLinks = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      String url = links.get(i) == null ? "" : links.get(i).strip();
      if (!ProfileSettings.isWebUrl(url)) {
        errors.add(FieldError.of("links[" + i + "]", "url", "must be an http or https address"));
      } else {
        cleanLinks.add(url);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    long me = actor.id();
    if (badges.has(me, badge(kind))) {
      throw ApiException.conflict("You already have this badge");
    }
    Long id =
        db.one(
                "insert into verification_requests (user_id, kind, evidence, links) values (?, ?, ?, ?)"
                    + " on conflict (user_id, kind) where state = 'pending' do nothing returning id",
                rs -> rs.getLong(1),
                me,
                kind,
                evidence,
                cleanLinks)
            .orElseThrow(
                () ->
                    ApiException.conflict(
                        "You already have a pending request for this badge: wait for its decision"));
    outbox.publish("VerificationRequested", "user", me, me, Map.of("requestId", id, "kind", kind));
    return db.one(
            "select " + COLUMNS + " from verification_requests v where v.id = ?",
            Verifications::view,
            id)
        .orElseThrow();
  }

  /** GET /me/verifications: the caller's requests, newest first. */
  public Page<VerificationView> mine(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    return new Page<>(
        db.list(
            "select "
                + COLUMNS
                + " from verification_requests v where v.user_id = ? order by v.created_at desc, v.id desc limit 100",
            Verifications::view,
            actor.id()),
        null);
  }

  // ---- admins ---------------------------------------------------------------------------------

  /** GET /admin/verifications: pending requests oldest first; decided ones newest first. */
  public Page<QueueItem> queue(
      Actor actor, @Nullable String state, @Nullable Integer limitParam, @Nullable String cursor) {
    guardians.of(actor).ensureAdmin();
    String s = state == null || state.isEmpty() ? "pending" : state;
    if (!List.of("pending", "approved", "declined").contains(s)) {
      throw ApiException.invalid("state", "enum", "must be pending, approved or declined");
    }
    int limit = Cursors.limit(limitParam, 20, 100);
    boolean ascending = s.equals("pending");
    String cmp = ascending ? ">" : "<";
    String dir = ascending ? "asc" : "desc";
    Sql sql =
        new Sql()
            .append(
                "select "
                    + COLUMNS
                    + ", "
                    + UserCard.columns("u")
                    + " from verification_requests v join users u on u.id = v.user_id where v.state = ?",
                s);
    if (cursor != null) {
      record Pos(Instant at, long id) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (v.created_at, v.id) " + cmp + " (?, ?)", pos.at(), pos.id());
    }
    sql.append(" order by v.created_at " + dir + ", v.id " + dir + " limit ?", limit + 1);
    List<QueueItem> rows = db.list(sql.text(), Verifications::item, sql.params());
    if (rows.size() > limit) {
      List<QueueItem> items = new ArrayList<>(rows.subList(0, limit));
      QueueItem last = items.get(limit - 1);
      return new Page<>(items, Cursors.encode(last.createdAt(), last.id()));
    }
    return new Page<>(rows, null);
  }

  /** POST /admin/verifications/{id}/decision. */
  @Transactional
  public QueueItem decide(Actor actor, long id, DecisionBody body) {
    guardians.of(actor).ensureAdmin();
    String decision = body.decision();
    if (!"approve".equals(decision) && !"decline".equals(decision)) {
      throw ApiException.invalid("decision", "enum", "must be approve or decline");
    }
    String note = body.note() == null ? null : Texts.clean(body.note());
    if (note != null && Texts.length(note) > NOTE_MAX) {
      throw ApiException.invalid("note", "size", "must be at most " + NOTE_MAX + " characters");
    }
    record Row(long userId, String kind, String state) {}
    Row row =
        db.one(
                "select user_id, kind, state from verification_requests where id = ? for update",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)),
                id)
            .orElseThrow(() -> ApiException.notFound("Verification request"));
    if (!row.state().equals("pending")) {
      throw ApiException.conflict("This request has already been " + row.state());
    }
    String state = decision.equals("approve") ? "approved" : "declined";
    List<String> before = badgesForUpdate(row.userId());
    db.update(
        "update verification_requests set state = ?, decided_at = now(), decided_by = ?, decision_note = ? where id = ?",
        state,
        actor.id(),
        note == null || note.isEmpty() ? null : note,
        id);
    String badge = badge(row.kind());
    if (state.equals("approved") && !before.contains(badge)) {
      db.update(
          "update users set badges = array_append(badges, ?), updated_at = now() where id = ?",
          badge,
          row.userId());
    }
    List<String> after = badgesForUpdate(row.userId());
    Map<String, Object> auditBefore = new HashMap<>();
    auditBefore.put("requestId", id);
    auditBefore.put("state", "pending");
    auditBefore.put("badges", before);
    Map<String, Object> auditAfter = new HashMap<>();
    auditAfter.put("requestId", id);
    auditAfter.put("state", state);
    auditAfter.put("badges", after);
    audit.record(
        actor.id(),
        state.equals("approved") ? "approve_verification" : "decline_verification",
        "user",
        row.userId(),
        note,
        auditBefore,
        auditAfter);
    outbox.publish(
        "VerificationDecided",
        "user",
        row.userId(),
        actor.id(),
        Map.of("requestId", id, "kind", row.kind(), "decision", decision));
    return db.one(
            "select "
                + COLUMNS
                + ", "
                + UserCard.columns("u")
                + " from verification_requests v join users u on u.id = v.user_id where v.id = ?",
            Verifications::item,
            id)
        .orElseThrow();
  }

  /** DELETE /admin/users/{handle}/badges/{badge}: idempotent; only a removal is audited. */
  @Transactional
  public void revoke(Actor actor, String handle, String badge) {
    guardians.of(actor).ensureAdmin();
    if (!BADGES.contains(badge)) {
      throw ApiException.notFound("Badge");
    }
    Person person = people.person(handle);
    List<String> before = badgesForUpdate(person.id());
    if (!before.contains(badge)) {
      return;
    }
    db.update(
        "update users set badges = array_remove(badges, ?), updated_at = now() where id = ?",
        badge,
        person.id());
    audit.record(
        actor.id(),
        "revoke_badge",
        "user",
        person.id(),
        null,
        Map.of("badges", before),
        Map.of("badges", badgesForUpdate(person.id())));
    outbox.publish("UserBadgeRevoked", "user", person.id(), actor.id(), Map.of("badge", badge));
  }

  private List<String> badgesForUpdate(long userId) {
    return db.one(
            "select badges from users where id = ? for update",
            rs -> new ArrayList<>(OwnProfile.strings(rs.getArray(1))),
            userId)
        .orElseThrow(() -> ApiException.notFound("User"));
  }

  static String badge(String kind) {
    return "verified_" + kind;
  }
}
