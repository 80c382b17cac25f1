package io.starbridge.moderation;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.post.DeletePost;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.DeleteTopic;
import io.starbridge.work.ManageWorks;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every open report (or the approval hold) of one target with one action; the reports
 * become agreed or disagreed (which feeds the reporters' accuracy bonus), an audit row and a {@code
 * ReportResolved} event record the outcome.
 */
@Singleton
public class ResolveReport {
  static final Set<String> ACTIONS =
      Set.of(
          "dismiss", "hide", "delete", "restore", "lock", "warn", "silence", "suspend", "approve");
  private static final Set<String> DISAGREE = Set.of("dismiss", "restore", "approve");

  private final Db db;
  private final ReportTargets targets;
  private final Hiding hiding;
  private final DeletePost deletePost;
  private final DeleteTopic deleteTopic;
  private final StaffActions staff;
  private final Guardians guardians;
  private final AuditLog audit;
  private final Outbox outbox;
  private final ManageWorks manageWorks;

  ResolveReport(
      Db db,
      ReportTargets targets,
      Hiding hiding,
      DeletePost deletePost,
      DeleteTopic deleteTopic,
      StaffActions staff,
      Guardians guardians,
      AuditLog audit,
      Outbox outbox,
      ManageWorks manageWorks) {
    this.manageWorks = manageWorks;
    this.db = db;
    this.targets = targets;
    this.hiding = hiding;
    this.deletePost = deletePost;
    this.deleteTopic = deleteTopic;
    this.staff = staff;
    this.guardians = guardians;
    this.audit = audit;
    this.outbox = outbox;
  }

  record Report(long id, String targetType, long targetId, String kind, String state) {}

  @Transactional
  public Map<String, Object> call(Actor actor, long reportId, ModerationRequests.Resolve req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanSeeReviewQueue();
    String action = req.action();
    if (action == null || !ACTIONS.contains(action)) {
      throw ApiException.invalid(
          "action",
          "invalid",
          "must be one of dismiss, hide, delete, restore, lock, warn, silence, suspend, approve");
    }
    if (Texts.hasForbiddenControlChars(req.note())) {
      throw ApiException.invalid("note", "control_chars", "must not contain control characters");
    }
    Report report =
        db.one(
                "select id, target_type, target_id, kind, state from reports where id = ? for update",
                rs ->
                    new Report(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5)),
                reportId)
            .orElseThrow(() -> ApiException.notFound("Report"));
    ReportTargets.Target target = targets.require(guardian, report.targetType(), report.targetId());
    if (!ReportTargets.canHandle(guardian, target)) {
      throw ApiException.forbidden("You do not moderate where this was reported");
    }
    if (!"open".equals(report.state())) {
      throw ApiException.conflict("This report has already been resolved");
    }
    String note = req.note() == null ? null : req.note().strip();
    Long authorId = target.authorId();
    switch (action) {
      case "hide" -> {
        if (target.work() != null) {
          manageWorks.hideByStaff(actor, target.work().id());
          break;
        }
        requireContent(target, action);
        hiding.hide(target.post(), target.topic(), "staff", actor.id());
      }
      case "restore", "dismiss" -> {
        if (target.post() != null && target.post().hidden()) {
          hiding.unhide(target.post(), target.topic(), "PostUnhidden", actor.id());
        }
      }
      case "approve" -> {
        if (!"approval".equals(report.kind())) {
          throw ApiException.invalid("action", "invalid", "only held posts are approved");
        }
        hiding.unhide(target.post(), target.topic(), "PostApproved", actor.id());
      }
      case "delete" -> {
        if (target.work() != null) {
          manageWorks.deleteByStaff(actor, target.work().id());
          break;
        }
        requireContent(target, action);
        if ("topic".equals(target.type()) || target.post().isFirst()) {
          deleteTopic.delete(actor, target.topic().id(), note);
        } else {
          deletePost.delete(actor, target.post().id());
        }
      }
      case "lock" -> {
        requireContent(target, action);
        db.update(
            "update topics set locked = true, updated_at = now() where id = ?",
            target.topic().id());
        Map<String, Object> payload = new LinkedHashMap<>(target.topic().place());
        payload.put("locked", true);
        outbox.publish("TopicLocked", "topic", target.topic().id(), actor.id(), payload);
      }
      case "warn", "silence", "suspend" -> {
        if (authorId == null) {
          throw ApiException.invalid("action", "invalid", "this target has no author to act on");
        }
        String handle = staff.target(authorId).handle();
        String reason = note == null || note.isEmpty() ? "Reported content" : note;
        if ("warn".equals(action)) {
          staff.warn(actor, handle, reason, target.scopeGroup());
        } else {
          staff.restrict(
              actor,
              handle,
              "silence".equals(action) ? "silenced" : "suspended",
              req.until(),
              reason);
        }
      }
      default -> throw new IllegalStateException(action);
    }
    List<Long> reporters =
        db.list(
            """
            update reports set state = ?, resolution = ?, resolved_by = ?, resolved_at = now()
            where target_type = ? and target_id = ? and state = 'open' and kind = ?
            returning reporter_id
            """,
            rs -> rs.getLong(1),
            DISAGREE.contains(action) ? "disagreed" : "agreed",
            action,
            actor.id(),
            target.type(),
            target.id(),
            report.kind());
    audit.record(
        actor.id(),
        "report." + action,
        target.type(),
        target.id(),
        note,
        Map.of("reportId", reportId, "reports", reporters.size()),
        Map.of("action", action),
        target.scopeGroup());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("reportId", reportId);
    payload.put("targetType", target.type());
    payload.put("targetId", target.id());
    payload.put("action", action);
    payload.put("reporterIds", "approval".equals(report.kind()) ? List.of() : reporters);
    payload.put("authorId", authorId);
    payload.put("scopeGroup", target.scopeGroup());
    outbox.publish("ReportResolved", "report", reportId, actor.id(), payload);
    return payload;
  }

  private static void requireContent(ReportTargets.Target target, String action) {
    if (target.topic() == null) {
      throw ApiException.invalid(
          "action", "invalid", "'" + action + "' applies to posts and topics only");
    }
  }
}
