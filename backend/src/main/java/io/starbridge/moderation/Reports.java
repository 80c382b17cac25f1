package io.starbridge.moderation;

import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Texts;
import io.starbridge.event.Outbox;
import io.starbridge.registry.RegistryQueries;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.work.WorkLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files a report. Each report scores {@code 1 + trust level + accuracy bonus}; a post or topic is
 * hidden pending review once the open reports' score reaches the {@code reportHideScore} setting
 * <em>and</em> at least {@code reportMinReporters} distinct people reported it; a staff report
 * hides at once.
 */
@Singleton
public class Reports {
  static final Set<String> REASONS =
      Set.of("spam", "harassment", "off_topic", "inappropriate", "copyright", "other");

  @Serdeable
  public record ReportView(
      long id,
      String targetType,
      long targetId,
      String reason,
      int score,
      int targetScore,
      int threshold,
      boolean targetHidden,
      Instant createdAt) {}

  private final Db db;
  private final ReportTargets targets;
  private final Hiding hiding;
  private final SiteSettings settings;
  private final Guardians guardians;
  private final Outbox outbox;
  private final WorkLookup works;
  private final RegistryQueries registry;

  Reports(
      Db db,
      ReportTargets targets,
      Hiding hiding,
      SiteSettings settings,
      Guardians guardians,
      Outbox outbox,
      WorkLookup works,
      RegistryQueries registry) {
    this.works = works;
    this.registry = registry;
    this.db = db;
    this.targets = targets;
    this.hiding = hiding;
    this.settings = settings;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  /**
   * The accuracy bonus: reporters whose past reports staff mostly agreed with weigh more (+1 from 5
   * agreed at 80 %, +2 from 20 agreed at 90 %).
   */
  static int accuracyBonus(long agreed, long disagreed) {
    long total = agreed + disagreed;
    if (total == 0) {
      return 0;
    }
    double rate = (double) agreed / total;
    if (agreed >= 20 && rate >= 0.9) {
      return 2;
    }
    return agreed >= 5 && rate >= 0.8 ? 1 : 0;
  }

  /** Whether open reports of this weight hide their target (the threshold arithmetic). */
  static boolean reachesThreshold(int score, int reporters, int threshold, int minReporters) {
    return score >= threshold && reporters >= minReporters;
  }

  @Transactional
  public ReportView file(Actor actor, ModerationRequests.FileReport req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanReport();
    List<FieldError> errors = new ArrayList<>();
    if (req.targetType() == null || !targets.types().contains(req.targetType())) {
      errors.add(
          FieldError.of(
              "targetType", "invalid", "must be one of " + String.join(", ", targets.types())));
    }
    if (req.targetId() == null) {
      errors.add(FieldError.of("targetId", "required", "must be given"));
    }
    if (req.reason() == null || !REASONS.contains(req.reason())) {
      errors.add(
          FieldError.of(
              "reason",
              "invalid",
              "must be one of spam, harassment, off_topic, inappropriate, copyright, other"));
    }
    String note = req.note() == null ? null : req.note().strip();
    if (note != null && note.length() > 1000) {
      errors.add(FieldError.of("note", "length", "must be at most 1000 characters"));
    } else if (Texts.hasForbiddenControlChars(note)) {
      errors.add(FieldError.of("note", "control_chars", "must not contain control characters"));
    }
    if ("other".equals(req.reason()) && (note == null || note.isEmpty())) {
      errors.add(FieldError.of("note", "required", "say what is wrong"));
    }
    boolean copyright = "copyright".equals(req.reason());
    String url = req.originalUrl() == null ? null : req.originalUrl().strip();
    if (url != null && url.isEmpty()) {
      url = null;
    }
    if (copyright) {
      // The claimed original: an outside URL, a work on this site or a registry entry.
      if (url != null && !isHttpUrl(url)) {
        errors.add(FieldError.of("originalUrl", "format", "must be an http or https URL"));
      }
      if (url == null && req.originalWorkId() == null && req.originalEntryId() == null) {
        errors.add(
            FieldError.of(
                "originalUrl",
                "required",
                "link to the original work (http or https), or give originalWorkId or"
                    + " originalEntryId"));
      }
      if (req.originalWorkId() != null
          && works.byId(req.originalWorkId()).filter(guardian::canSee).isEmpty()) {
        errors.add(FieldError.of("originalWorkId", "not_found", "no such work"));
      }
      if (req.originalEntryId() != null && !registry.entryExists(req.originalEntryId())) {
        errors.add(FieldError.of("originalEntryId", "not_found", "no such registry entry"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    ReportTargets.Target target = targets.require(guardian, req.targetType(), req.targetId());
    if (target.authorId() != null
        && target.authorId() == actor.id()
        && !"group".equals(target.type())) {
      throw ApiException.invalid("targetId", "self", "You cannot report your own content");
    }
    boolean duplicate =
        db.count(
                "select count(*) from reports where reporter_id = ? and target_type = ? and target_id = ? and state = 'open'",
                actor.id(),
                target.type(),
                target.id())
            > 0;
    if (duplicate) {
      throw ApiException.conflict("You have already reported this; moderators will review it");
    }
    int score = 1 + actor.trustLevel() + accuracyBonus(actor.id());
    long id =
        db.insertReturningId(
            """
            insert into reports (target_type, target_id, reporter_id, reason, note, original_url,
                                 original_work_id, original_entry_seq, score, scope_group, author_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """,
            target.type(),
            target.id(),
            actor.id(),
            req.reason(),
            note,
            copyright ? url : null,
            copyright ? req.originalWorkId() : null,
            copyright ? req.originalEntryId() : null,
            score,
            target.scopeGroup(),
            target.authorId());
    record Totals(int score, int reporters) {}
    Totals totals =
        db.one(
                "select coalesce(sum(score), 0), count(distinct reporter_id) from reports"
                    + " where target_type = ? and target_id = ? and state = 'open' and kind = 'report'",
                rs -> new Totals(rs.getInt(1), rs.getInt(2)),
                target.type(),
                target.id())
            .orElseThrow();
    int threshold = settings.getInt("reportHideScore");
    boolean hidden = target.post() != null && target.post().hidden();
    if (target.hideable()
        && !hidden
        && (guardian.reportsHideAtOnce()
            || reachesThreshold(
                totals.score(),
                totals.reporters(),
                threshold,
                settings.getInt("reportMinReporters")))) {
      hidden = hiding.hide(target.post(), target.topic(), "reports", actor.id()) || hidden;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("targetType", target.type());
    payload.put("targetId", target.id());
    payload.put("reason", req.reason());
    payload.put("score", score);
    payload.put("scopeGroup", target.scopeGroup());
    outbox.publish("ReportFiled", "report", id, actor.id(), payload);
    return new ReportView(
        id,
        target.type(),
        target.id(),
        req.reason(),
        score,
        totals.score(),
        threshold,
        hidden,
        Instant.now());
  }

  private int accuracyBonus(long reporterId) {
    long[] counts =
        db.one(
                "select count(*) filter (where state = 'agreed'), count(*) filter (where state = 'disagreed')"
                    + " from reports where reporter_id = ? and kind = 'report'",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                reporterId)
            .orElse(new long[2]);
    return accuracyBonus(counts[0], counts[1]);
  }

  private static boolean isHttpUrl(String url) {
    if (url == null || url.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}
