package io.starbridge.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.registry.RegistryQueries;
import io.starbridge.registry.RegistryViews.EvidenceEntry;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The review queue, a member's moderation history and the audit log, scoped by the Guardian. */
@Singleton
public class ModerationQueries {
  /** Escalation: the next silence/suspension length, by how many the member already had. */
  static final int[] ESCALATION_DAYS = {1, 3, 7, 30};

  private static final int QUEUE_MAX = 100;

  @Serdeable
  public record ReportLine(
      long id,
      String reason,
      @Nullable String note,
      @Nullable String originalUrl,
      @Nullable Long originalWorkId,
      @Nullable Long originalEntryId,
      int score,
      UserCard reporter,
      Instant createdAt) {}

  /**
   * One queue item per target: its open reports (or its approval hold), their total score against
   * the threshold, and enough of the target to judge it. With a copyright report, {@code copyright}
   * lists the registry entries of both sides oldest first (see {@link RegistryQueries#compare}) for
   * staff (site moderators and admins); null otherwise, and for a group's own moderators.
   */
  @Serdeable
  public record QueueItem(
      long reportId,
      String kind,
      String targetType,
      long targetId,
      int score,
      int threshold,
      int reporterCount,
      boolean hidden,
      @Nullable Long topicId,
      @Nullable Integer postNumber,
      @Nullable String title,
      @Nullable String excerpt,
      @Nullable UserCard author,
      @Nullable Long scopeGroup,
      List<ReportLine> reports,
      Instant firstReportedAt,
      @Nullable List<EvidenceEntry> copyright) {}

  @Serdeable
  public record AuditEntry(
      long id,
      @Nullable UserCard actor,
      String action,
      String targetType,
      @Nullable Long targetId,
      @Nullable String reason,
      @Nullable String before,
      @Nullable String after,
      @Nullable Long scopeGroup,
      Instant createdAt) {}

  @Serdeable
  public record History(
      UserCard user,
      String status,
      @Nullable Instant statusUntil,
      @Nullable String statusReason,
      int trustLevel,
      int penalties,
      int suggestedDays,
      List<Integer> escalationDays,
      long reportsAgainst,
      long reportsAgreed,
      List<AuditEntry> actions,
      List<Warning> warnings) {}

  @Serdeable
  public record Warning(long id, String reason, Instant createdAt) {}

  private final Db db;
  private final ReportTargets targets;
  private final SiteSettings settings;
  private final Guardians guardians;
  private final StaffActions staff;
  private final RegistryQueries registry;

  ModerationQueries(
      Db db,
      ReportTargets targets,
      SiteSettings settings,
      Guardians guardians,
      StaffActions staff,
      RegistryQueries registry) {
    this.registry = registry;
    this.db = db;
    this.targets = targets;
    this.settings = settings;
    this.guardians = guardians;
    this.staff = staff;
  }

  public Page<QueueItem> queue(Actor actor) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanSeeReviewQueue();
    Sql sql =
        new Sql()
            .append(
                "select target_type, target_id, kind, min(id) as report_id, sum(score) as score,"
                    + " count(distinct reporter_id) as reporters, min(created_at) as first_at"
                    + " from reports where state = 'open'");
    if (!guardian.canModeratePeople()) {
      // Group moderators: their groups' items only (the Guardian re-checks each below).
      sql.append(
          " and scope_group = any(?::bigint[])", new ArrayList<>(guardian.managedGroupIds()));
    }
    sql.append(
        " group by target_type, target_id, kind order by sum(score) desc, min(created_at) limit ?",
        QUEUE_MAX);
    record Group(
        String type, long id, String kind, long reportId, int score, int reporters, Instant at) {}
    List<Group> groups =
        db.list(
            sql.text(),
            rs ->
                new Group(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    Db.instant(rs, "first_at")),
            sql.params());
    int threshold = settings.getInt("reportHideScore");
    List<QueueItem> items = new ArrayList<>();
    for (Group g : groups) {
      ReportTargets.Target target;
      try {
        target = targets.require(guardian, g.type(), g.id());
      } catch (io.starbridge.common.ApiException e) {
        continue; // gone, or (secret group content) not readable by this moderator
      }
      if (!ReportTargets.canHandle(guardian, target)) {
        continue;
      }
      record Summary(String title, String excerpt) {}
      Summary summary =
          target.post() != null
              ? db.one(
                      "select t.title, left(p.plain_text, 300) from posts p join topics t on t.id = p.topic_id where p.id = ?",
                      rs -> new Summary(rs.getString(1), rs.getString(2)),
                      target.post().id())
                  .orElse(null)
              : target.group() != null
                  ? new Summary(target.group().name(), null)
                  : target.work() != null ? new Summary(target.work().title(), null) : null;
      List<ReportLine> lines = lines(g.type(), g.id());
      items.add(
          new QueueItem(
              g.reportId(),
              g.kind(),
              g.type(),
              g.id(),
              g.score(),
              threshold,
              g.reporters(),
              target.post() != null && target.post().hidden(),
              target.topic() == null ? null : target.topic().id(),
              target.post() == null ? null : target.post().postNumber(),
              summary == null ? null : summary.title(),
              summary == null ? null : summary.excerpt(),
              target.authorId() == null ? null : card(target.authorId()),
              target.scopeGroup(),
              lines,
              g.at(),
              guardian.isStaff() ? copyrightEvidence(target, lines) : null));
    }
    return new Page<>(items, null);
  }

  private List<ReportLine> lines(String type, long id) {
    return db.list(
        "select r.id, r.reason, r.note, r.original_url, r.original_work_id,"
            + " r.original_entry_seq, r.score, r.created_at, "
            + UserCard.columns("u")
            + " from reports r join users u on u.id = r.reporter_id"
            + " where r.target_type = ? and r.target_id = ? and r.state = 'open' order by r.id",
        rs ->
            new ReportLine(
                rs.getLong("id"),
                rs.getString("reason"),
                rs.getString("note"),
                rs.getString("original_url"),
                Db.nullableLong(rs, "original_work_id"),
                Db.nullableLong(rs, "original_entry_seq"),
                rs.getInt("score"),
                UserCard.read(rs, "u"),
                Db.instant(rs, "created_at")),
        type,
        id);
  }

  /**
   * The registry entries of both sides of the target's copyright reports, for staff who judge them
   * (site moderators and admins; a group's own moderators handle its reports without them): the
   * reported work's entries, or those sharing a paragraph with a reported post (a topic: its first
   * post), and every claimed original's. Null without a copyright report.
   */
  private List<EvidenceEntry> copyrightEvidence(
      ReportTargets.Target target, List<ReportLine> lines) {
    List<ReportLine> claims = lines.stream().filter(l -> "copyright".equals(l.reason())).toList();
    if (claims.isEmpty()) {
      return null;
    }
    Set<Long> claimedWorks = new LinkedHashSet<>();
    Set<Long> claimedEntries = new LinkedHashSet<>();
    for (ReportLine l : claims) {
      if (l.originalWorkId() != null) {
        claimedWorks.add(l.originalWorkId());
      }
      if (l.originalEntryId() != null) {
        claimedEntries.add(l.originalEntryId());
      }
    }
    List<Long> reportedWorks = target.work() != null ? List.of(target.work().id()) : List.of();
    String text = null;
    if (target.post() != null) {
      text =
          db.one("select raw from posts where id = ?", rs -> rs.getString(1), target.post().id())
              .orElse(null);
    } else if (target.topic() != null && "topic".equals(target.type())) {
      text =
          db.one(
                  "select raw from posts where topic_id = ? and post_number = 1",
                  rs -> rs.getString(1),
                  target.topic().id())
              .orElse(null);
    }
    return registry.compare(
        new RegistryQueries.Side(reportedWorks, List.of(), text),
        new RegistryQueries.Side(claimedWorks, claimedEntries, null));
  }

  private UserCard card(long userId) {
    return db.one(
            "select " + UserCard.columns("u") + " from users u where u.id = ?",
            rs -> UserCard.read(rs, "u"),
            userId)
        .orElse(null);
  }

  public History history(Actor actor, String handle) {
    guardians.of(actor).ensureCanSeeModerationHistory();
    StaffActions.Target t = staff.target(handle);
    long id = t.person().id();
    int penalties =
        (int)
            db.count(
                "select count(*) from audit_log where target_type = 'user' and target_id = ?"
                    + " and action in ('user.silence', 'user.suspend')",
                id);
    long against =
        db.count("select count(*) from reports where author_id = ? and kind = 'report'", id);
    long agreed =
        db.count(
            "select count(*) from reports where author_id = ? and kind = 'report' and state = 'agreed'",
            id);
    List<AuditEntry> actions = log(Set.of(), true, null, null, "user:" + id, null, 50).items();
    List<Warning> warnings =
        db.list(
            "select id, reason, created_at from user_warnings where user_id = ? order by id desc limit 50",
            rs -> new Warning(rs.getLong(1), rs.getString(2), Db.instant(rs, "created_at")),
            id);
    int trust =
        db.one("select trust_level from users where id = ?", rs -> rs.getInt(1), id).orElse(0);
    return new History(
        card(id),
        t.status(),
        t.until(),
        t.reason(),
        trust,
        penalties,
        suggestedDays(penalties),
        List.of(1, 3, 7, 30),
        against,
        agreed,
        actions,
        warnings);
  }

  /** The next length suggested after {@code penalties} earlier silences/suspensions. */
  static int suggestedDays(int penalties) {
    return ESCALATION_DAYS[Math.min(penalties, ESCALATION_DAYS.length - 1)];
  }

  /** {@code target}: {@code type:id} (e.g. {@code post:12}) or a type alone. */
  public Page<AuditEntry> log(
      Actor actor,
      @Nullable String actorHandle,
      @Nullable String action,
      @Nullable String target,
      @Nullable String cursor,
      @Nullable Integer limit) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanSeeAuditLog();
    return log(
        guardian.managedGroupIds(),
        guardian.canSeeWholeAuditLog(),
        actorHandle,
        action,
        target,
        cursor,
        Cursors.limit(limit, 50, 100));
  }

  private Page<AuditEntry> log(
      Set<Long> groups,
      boolean all,
      String actorHandle,
      String action,
      String target,
      String cursor,
      int limit) {
    Sql sql =
        new Sql()
            .append(
                "select l.id, l.action, l.target_type, l.target_id, l.reason, l.before::text as before,"
                    + " l.after::text as after, l.scope_group, l.created_at, l.actor_id, "
                    + UserCard.columns("u")
                    + " from audit_log l left join users u on u.id = l.actor_id where true");
    if (!all) {
      sql.append(" and l.scope_group = any(?::bigint[])", new ArrayList<>(groups));
    }
    if (actorHandle != null && !actorHandle.isBlank()) {
      sql.append(" and lower(u.handle) = lower(?)", actorHandle.strip());
    }
    if (action != null && !action.isBlank()) {
      sql.append(" and l.action like ?", action.strip().replace("%", "") + "%");
    }
    if (target != null && !target.isBlank()) {
      String[] parts = target.strip().split(":", 2);
      sql.append(" and l.target_type = ?", parts[0]);
      if (parts.length == 2) {
        try {
          sql.append(" and l.target_id = ?", Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
          throw io.starbridge.common.ApiException.invalid("target", "invalid", "use type:id");
        }
      }
    }
    if (cursor != null) {
      long before = Cursors.read(cursor, 1, p -> Long.parseLong(p.get(0)));
      sql.append(" and l.id < ?", before);
    }
    sql.append(" order by l.id desc limit ?", limit + 1);
    List<AuditEntry> rows =
        db.list(
            sql.text(),
            rs ->
                new AuditEntry(
                    rs.getLong("id"),
                    Db.nullableLong(rs, "actor_id") == null ? null : UserCard.read(rs, "u"),
                    rs.getString("action"),
                    rs.getString("target_type"),
                    Db.nullableLong(rs, "target_id"),
                    rs.getString("reason"),
                    rs.getString("before"),
                    rs.getString("after"),
                    Db.nullableLong(rs, "scope_group"),
                    Db.instant(rs, "created_at")),
            sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = Cursors.encode(rows.get(limit - 1).id());
    }
    return new Page<>(rows, next);
  }
}
