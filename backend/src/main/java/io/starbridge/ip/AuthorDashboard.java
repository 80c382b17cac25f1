package io.starbridge.ip;

import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.Db;
import io.starbridge.registry.RegistryQueries;
import io.starbridge.registry.RegistryViews.EntrySummary;
import io.starbridge.registry.RegistryViews.WorkRegistrations;
import io.starbridge.security.Guardian;
import io.starbridge.work.WorkRights;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The author dashboard: per work the caller authors (owner or accepted co-author, drafts too) its
 * reading stats, rights and registrations, and the caller's own registrations. Only ever the
 * caller's own works: the query starts from the caller's work_authors rows. Also the inquiries
 * received about those works, counted per state.
 */
@Singleton
class AuthorDashboard {
  static final int DAYS = 30;
  static final int MAX_WORKS = 200;
  static final int MAX_REGISTRATIONS = 100;

  /** A work's adaptation inquiries: the open ones (sent, in discussion) and all of them. */
  @Serdeable
  record WorkInquiries(long open, long total) {}

  /** Hits of one UTC day (YYYY-MM-DD). */
  @Serdeable
  record DayHits(String day, long hits) {}

  @Serdeable
  record WorkStats(
      long id,
      String title,
      String visibility,
      String status,
      long wordCount,
      int chapters,
      long hits,
      List<DayHits> hitsByDay,
      long kudos,
      long bookmarks,
      long subscribers,
      long comments,
      List<WorkRights.Right> rights,
      WorkRegistrations registrations,
      WorkInquiries inquiries) {}

  /**
   * @param inquiries the adaptation inquiries received about the caller's works, per state (every
   *     state present, zero included)
   */
  @Serdeable
  record Dashboard(
      List<WorkStats> works, List<EntrySummary> registrations, Map<String, Long> inquiries) {}

  private final Db db;
  private final WorkRights rights;
  private final RegistryQueries registry;
  private final InquiryQueries inquiries;

  AuthorDashboard(Db db, WorkRights rights, RegistryQueries registry, InquiryQueries inquiries) {
    this.db = db;
    this.rights = rights;
    this.registry = registry;
    this.inquiries = inquiries;
  }

  private record Row(
      long id,
      String title,
      String visibility,
      String status,
      long words,
      int chapters,
      long hits,
      long kudos,
      long bookmarks,
      long subscribers,
      long comments) {}

  Dashboard of(Guardian guardian) {
    guardian.ensureSignedIn();
    long me = guardian.actor().id();
    List<Row> rows =
        db.list(
            """
            select w.id, w.title, w.visibility, w.status, w.word_count, w.chapter_count, w.hits,
                   w.kudos_count, w.bookmark_count,
                   (select count(*) from work_subscriptions s where s.work_id = w.id) as subscribers,
                   (select count(*) from chapter_comments cc
                      join chapters c on c.id = cc.chapter_id and c.deleted_at is null
                      join posts p on p.id = cc.post_id and p.deleted_at is null
                     where c.work_id = w.id) as comments
              from works w
              join work_authors a on a.work_id = w.id and a.user_id = ? and a.state = 'active'
             where w.deleted_at is null
             order by w.updated_at desc, w.id desc
             limit ?
            """,
            rs ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getString("visibility"),
                    rs.getString("status"),
                    rs.getLong("word_count"),
                    rs.getInt("chapter_count"),
                    rs.getLong("hits"),
                    rs.getLong("kudos_count"),
                    rs.getLong("bookmark_count"),
                    rs.getLong("subscribers"),
                    rs.getLong("comments")),
            me,
            MAX_WORKS);
    List<Long> ids = rows.stream().map(Row::id).toList();
    Map<Long, List<WorkRights.Right>> rightsOf = rights.ofWorks(ids);
    Map<Long, WorkRegistrations> registrationsOf = registry.registrationsOfWorks(ids);
    Map<Long, List<DayHits>> hitsOf = hitsByDay(ids);
    Map<Long, WorkInquiries> inquiriesOf = inquiriesOf(ids);
    List<WorkStats> works = new ArrayList<>(rows.size());
    for (Row r : rows) {
      works.add(
          new WorkStats(
              r.id(),
              r.title(),
              r.visibility(),
              r.status(),
              r.words(),
              r.chapters(),
              r.hits(),
              hitsOf.get(r.id()),
              r.kudos(),
              r.bookmarks(),
              r.subscribers(),
              r.comments(),
              rightsOf.getOrDefault(r.id(), List.of()),
              registrationsOf.getOrDefault(r.id(), new WorkRegistrations(0, null)),
              inquiriesOf.getOrDefault(r.id(), new WorkInquiries(0, 0))));
    }
    return new Dashboard(
        works, registry.entriesOfAuthor(me, MAX_REGISTRATIONS), inquiries.receivedCounts(guardian));
  }

  /** Per work: its inquiries, open and in total (the caller is an author of each work). */
  private Map<Long, WorkInquiries> inquiriesOf(List<Long> ids) {
    Map<Long, WorkInquiries> out = new HashMap<>();
    if (!ids.isEmpty()) {
      db.list(
              "select work_id, count(*) filter (where state in ('sent', 'in_discussion')),"
                  + " count(*) from inquiries where work_id = any(?) group by work_id",
              rs -> Map.entry(rs.getLong(1), new WorkInquiries(rs.getLong(2), rs.getLong(3))),
              ids)
          .forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The last {@link #DAYS} UTC days per work, oldest first, days without hits as zero. */
  private Map<Long, List<DayHits>> hitsByDay(List<Long> ids) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<Long, Map<LocalDate, Long>> counted = new HashMap<>();
    if (!ids.isEmpty()) {
      db.list(
              "select work_id, day, hits from work_hits_daily where work_id = any(?) and day >= ?",
              rs ->
                  Map.entry(
                      rs.getLong(1), Map.entry(rs.getObject(2, LocalDate.class), rs.getLong(3))),
              ids,
              first)
          .forEach(
              e ->
                  counted
                      .computeIfAbsent(e.getKey(), k -> new HashMap<>())
                      .put(e.getValue().getKey(), e.getValue().getValue()));
    }
    Map<Long, List<DayHits>> out = new HashMap<>();
    for (long id : ids) {
      Map<LocalDate, Long> days = counted.getOrDefault(id, Map.of());
      List<DayHits> series = new ArrayList<>(DAYS);
      for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
        series.add(new DayHits(d.toString(), days.getOrDefault(d, 0L)));
      }
      out.put(id, series);
    }
    return out;
  }
}
