package io.starbridge.ip;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.Cooked;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.moderation.AuditLog;
import io.starbridge.profile.Badges;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import io.starbridge.work.WorkRights;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adaptation inquiries, the write side: send one, write in its thread, move its state. Each
 * validates, loads, asks the Guardian, then writes its rows, the audit row of a state change and
 * the outbox event (notifications react to it) in one transaction. An agreement also moves the
 * work's right to under option or licensed, through {@link WorkRights#settle}.
 */
@Singleton
public class Inquiries {
  static final int FIELD_MAX = 200;
  static final int MESSAGE_MAX = 10_000;
  static final List<String> AGREED_RIGHT_STATUSES = List.of("under_option", "licensed");

  @Serdeable
  public record SendBody(
      @Nullable String medium,
      @Nullable String language,
      @Nullable String territory,
      @Nullable String term,
      @Nullable String message) {}

  @Serdeable
  public record MessageBody(@Nullable String body) {}

  /** {@code rightStatus} only with {@code agreed}: under_option (default) or licensed. */
  @Serdeable
  public record StateBody(@Nullable String state, @Nullable String rightStatus) {}

  private final Db db;
  private final Guardians guardians;
  private final WorkLookup works;
  private final WorkRights rights;
  private final InquiryLookup inquiries;
  private final InquiryQueries queries;
  private final MarkdownRenderer markdown;
  private final Outbox outbox;
  private final AuditLog audit;
  private final Badges badges;

  Inquiries(
      Db db,
      Guardians guardians,
      WorkLookup works,
      WorkRights rights,
      InquiryLookup inquiries,
      InquiryQueries queries,
      MarkdownRenderer markdown,
      Outbox outbox,
      AuditLog audit,
      Badges badges) {
    this.db = db;
    this.guardians = guardians;
    this.works = works;
    this.rights = rights;
    this.inquiries = inquiries;
    this.queries = queries;
    this.markdown = markdown;
    this.outbox = outbox;
    this.audit = audit;
    this.badges = badges;
  }

  /** Whether the person holds the verified industry badge (denormalised on users). */
  boolean isVerifiedIndustry(long userId) {
    return badges.has(userId, Badges.VERIFIED_INDUSTRY);
  }

  /**
   * POST /works/{id}/inquiries: 404 for a work the caller may not read, 403 for authors and people
   * without the badge, 400 with every field error, 409 when the right is not available or the
   * caller already has an open inquiry about it.
   */
  @Transactional
  public InquiryView send(Actor actor, long workId, @Nullable SendBody body) {
    Guardian g = guardians.of(actor);
    g.ensureSignedIn();
    Work work = works.require(workId);
    g.ensureCanInquire(work, isVerifiedIndustry(actor.id()));
    SendBody b = body == null ? new SendBody(null, null, null, null, null) : body;
    List<FieldError> errors = new ArrayList<>();
    String medium = b.medium();
    if (medium == null || !WorkRights.MEDIA.contains(medium)) {
      errors.add(FieldError.of("medium", "invalid", "Unknown medium"));
    }
    boolean translation = "translation".equals(medium);
    String language = b.language() == null ? "" : b.language().strip();
    if (translation && (language.isEmpty() || language.length() > 35)) {
      errors.add(FieldError.of("language", "required", "A translation needs a language"));
    } else if (!translation && !language.isEmpty()) {
      errors.add(
          FieldError.of("language", "not_allowed", "Only translation inquiries have a language"));
    }
    String territory = text("territory", b.territory(), FIELD_MAX, errors);
    String term = text("term", b.term(), FIELD_MAX, errors);
    String message = text("message", b.message(), MESSAGE_MAX, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    String status = rights.statusOf(workId, medium, language).orElse(null);
    if (!"available".equals(status)) {
      throw ApiException.conflict(
          "This right is not open for inquiries",
          FieldError.of("medium", "not_available", "This right is not available"));
    }
    if (db.count(
            "select count(*) from inquiries where inquirer_id = ? and work_id = ? and medium = ?"
                + " and language = ? and state in ('sent', 'in_discussion')",
            actor.id(),
            workId,
            medium,
            language)
        > 0) {
      throw ApiException.conflict(
          "You already have an open inquiry about this right",
          FieldError.of("medium", "duplicate", "An inquiry about this right is open"));
    }
    long id =
        db.insertReturningId(
            "insert into inquiries (work_id, inquirer_id, medium, language, territory, term)"
                + " values (?, ?, ?, ?, ?, ?) returning id",
            workId,
            actor.id(),
            medium,
            language,
            territory,
            term);
    insertMessage(id, actor.id(), message);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", "sent");
    after.put("workId", workId);
    after.put("medium", medium);
    audit.record(actor.id(), "inquiry.sent", "inquiry", id, null, null, after);
    outbox.publish("InquirySent", "inquiry", id, actor.id(), Map.of("workId", workId));
    return queries.thread(g, id);
  }

  /** POST /inquiries/{id}/messages: an author's first word moves a sent inquiry into discussion. */
  @Transactional
  public InquiryView.Message post(Actor actor, long id, @Nullable MessageBody body) {
    Guardian g = guardians.of(actor);
    g.ensureSignedIn();
    Inquiry inquiry = load(id);
    Work work = workOf(inquiry);
    g.ensureCanPostInquiryMessage(inquiry, work);
    List<FieldError> errors = new ArrayList<>();
    String text = text("body", body == null ? null : body.body(), MESSAGE_MAX, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    long messageId = insertMessage(id, actor.id(), text);
    if ("sent".equals(inquiry.state()) && g.isAuthor(work)) {
      move(actor, inquiry, "in_discussion", null);
    } else {
      db.update("update inquiries set updated_at = now() where id = ?", id);
    }
    outbox.publish(
        "InquiryMessagePosted",
        "inquiry",
        id,
        actor.id(),
        Map.of("workId", work.id(), "messageId", messageId));
    return queries.message(messageId);
  }

  /** POST /inquiries/{id}/state. */
  @Transactional
  public InquiryView changeState(Actor actor, long id, @Nullable StateBody body) {
    Guardian g = guardians.of(actor);
    g.ensureSignedIn();
    Inquiry inquiry = load(id);
    Work work = workOf(inquiry);
    g.ensureCanSee(inquiry, work);
    String target = body == null ? null : body.state();
    String rightStatus = body == null ? null : body.rightStatus();
    List<FieldError> errors = new ArrayList<>();
    if (target == null || !Inquiry.STATES.contains(target) || "sent".equals(target)) {
      errors.add(
          FieldError.of(
              "state", "invalid", "state is in_discussion, declined, agreed or withdrawn"));
    }
    if ("agreed".equals(target)) {
      if (rightStatus == null) {
        rightStatus = "under_option";
      } else if (!AGREED_RIGHT_STATUSES.contains(rightStatus)) {
        errors.add(
            FieldError.of("rightStatus", "invalid", "rightStatus is under_option or licensed"));
      }
    } else if (rightStatus != null) {
      errors.add(
          FieldError.of("rightStatus", "not_allowed", "Only an agreement sets the right's status"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    g.ensureCanMoveInquiry(inquiry, work, target);
    move(actor, inquiry, target, rightStatus);
    if ("agreed".equals(target)) {
      rights.settle(work.id(), inquiry.medium(), inquiry.language(), rightStatus, actor.id());
      declineOthers(actor, inquiry);
    }
    return queries.thread(g, id);
  }

  /**
   * An agreement takes the right: the other open inquiries about the same right (same work, medium
   * and translation language) are declined by the same author in the same transaction, each with
   * its thread event, audit row and outbox event, so their inquirers are told.
   */
  private void declineOthers(Actor actor, Inquiry agreed) {
    List<Long> others =
        db.list(
            "select id from inquiries where work_id = ? and medium = ? and language = ?"
                + " and id <> ? and state in ('sent', 'in_discussion') order by id",
            rs -> rs.getLong(1),
            agreed.workId(),
            agreed.medium(),
            agreed.language(),
            agreed.id());
    for (long other : others) {
      Inquiry open = load(other);
      if (open.isOpen()) {
        move(actor, open, "declined", null);
      }
    }
  }

  /** The state change itself: row, thread event, audit row and outbox event. */
  private void move(Actor actor, Inquiry inquiry, String target, @Nullable String rightStatus) {
    db.update(
        "update inquiries set state = ?, right_status = ?, updated_at = now() where id = ?",
        target,
        rightStatus,
        inquiry.id());
    db.update(
        "insert into inquiry_events (inquiry_id, actor_id, from_state, to_state, right_status)"
            + " values (?, ?, ?, ?, ?)",
        inquiry.id(),
        actor.id(),
        inquiry.state(),
        target,
        rightStatus);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("state", target);
    if (rightStatus != null) {
      after.put("rightStatus", rightStatus);
    }
    audit.record(
        actor.id(),
        "inquiry." + target,
        "inquiry",
        inquiry.id(),
        null,
        Map.of("state", inquiry.state()),
        after);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("workId", inquiry.workId());
    payload.put("from", inquiry.state());
    payload.put("to", target);
    if (rightStatus != null) {
      payload.put("rightStatus", rightStatus);
    }
    outbox.publish("InquiryStateChanged", "inquiry", inquiry.id(), actor.id(), payload);
  }

  private Inquiry load(long id) {
    return inquiries.byIdForUpdate(id).orElseThrow(() -> ApiException.notFound("Inquiry"));
  }

  private Work workOf(Inquiry inquiry) {
    return works
        .byId(inquiry.workId())
        .filter(w -> w.deletedAt() == null)
        .orElseThrow(() -> ApiException.notFound("Inquiry"));
  }

  private long insertMessage(long inquiryId, long authorId, String text) {
    Cooked cooked = markdown.cook(text);
    return db.insertReturningId(
        "insert into inquiry_messages (inquiry_id, author_id, body, body_html, cooked_version)"
            + " values (?, ?, ?, ?, ?) returning id",
        inquiryId,
        authorId,
        text,
        cooked.html(),
        cooked.version());
  }

  /** A required text of 1..max characters, stripped; records a field error otherwise. */
  private static String text(String field, @Nullable String raw, int max, List<FieldError> errors) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty()) {
      errors.add(FieldError.of(field, "required", field + " is required"));
    } else if (Texts.length(value) > max) {
      errors.add(FieldError.of(field, "too_long", field + " is at most " + max + " characters"));
    } else if (Texts.hasForbiddenControlChars(value)) {
      errors.add(FieldError.of(field, "invalid", field + " contains invalid characters"));
    }
    return value;
  }
}
