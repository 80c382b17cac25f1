package io.starbridge.work;

import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Series: an ordered list of works by the same author(s). The creator edits it and adds or removes
 * works they are an active author of; readers see only the works they may read.
 */
@Singleton
public class SeriesService {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;

  SeriesService(
      Db db,
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      Outbox outbox,
      MarkdownRenderer markdown) {
    this.db = db;
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.markdown = markdown;
  }

  private record Row(
      long id,
      String title,
      String summary,
      String summaryHtml,
      long createdBy,
      java.time.Instant createdAt,
      java.time.Instant updatedAt) {}

  private Row row(long id) {
    return db.one(
            "select id, title, summary, summary_html, created_by, created_at, updated_at from series where id = ?",
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    Db.instant(rs, "created_at"),
                    Db.instant(rs, "updated_at")),
            id)
        .orElseThrow(() -> ApiException.notFound("Series"));
  }

  public WorkView.Series view(Actor actor, long id) {
    Guardian guardian = guardians.of(actor);
    Row s = row(id);
    boolean owner = guardian.canEditSeries(s.createdBy);
    List<Long> ids =
        db.list(
            "select work_id from series_works where series_id = ? order by position",
            rs -> rs.getLong(1),
            id);
    List<WorkView.Card> cards = queries.cardsOf(guardian, ids);
    if (cards.isEmpty() && !owner && !guardian.isAdmin()) {
      // A series of works the caller cannot read tells nothing.
      throw ApiException.notFound("Series");
    }
    Map<Long, UserCard> authors = new LinkedHashMap<>();
    cards.forEach(c -> c.authors().forEach(a -> authors.putIfAbsent(a.id(), a)));
    UserCard creator =
        db.one(
                "select " + UserCard.columns("u") + " from users u where u.id = ?",
                rs -> UserCard.read(rs, "u"),
                s.createdBy)
            .orElseThrow();
    boolean subscribed =
        guardian.isSignedIn()
            && db.count(
                    "select count(*) from series_subscriptions where series_id = ? and user_id = ?",
                    id,
                    actor.id())
                > 0;
    return new WorkView.Series(
        s.id,
        s.title,
        s.summaryHtml,
        owner ? s.summary : null,
        creator,
        List.copyOf(authors.values()),
        cards,
        cards.stream().mapToInt(WorkView.Card::wordCount).sum(),
        subscribed,
        owner,
        s.createdAt,
        s.updatedAt);
  }

  @Transactional
  public WorkView.Series create(Actor actor, WorkRequests.SeriesBody body) {
    guardians.of(actor).ensureCanWrite();
    List<FieldError> errors = new ArrayList<>();
    String title = WorkRules.title("title", body.title(), true, errors);
    String summary =
        WorkRules.text("summary", body.summary(), WorkRules.SUMMARY_MAX, false, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    long id =
        db.insertReturningId(
            "insert into series (title, summary, summary_html, created_by) values (?, ?, ?, ?) returning id",
            title,
            summary,
            markdown.cook(summary).html(),
            actor.id());
    outbox.publish("SeriesCreated", "series", id, actor.id(), Map.of("seriesId", id));
    return view(actor, id);
  }

  @Transactional
  public WorkView.Series update(Actor actor, long id, WorkRequests.SeriesBody body) {
    Row s = ensureOwner(actor, id);
    List<FieldError> errors = new ArrayList<>();
    String title =
        body.title() == null ? s.title : WorkRules.title("title", body.title(), true, errors);
    String summary =
        body.summary() == null
            ? s.summary
            : WorkRules.text("summary", body.summary(), WorkRules.SUMMARY_MAX, false, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    db.update(
        "update series set title = ?, summary = ?, summary_html = ?, updated_at = now() where id = ?",
        title,
        summary,
        markdown.cook(summary).html(),
        id);
    outbox.publish("SeriesUpdated", "series", id, actor.id(), Map.of("seriesId", id));
    return view(actor, id);
  }

  /** Adds a work at the end (or moves it to {@code position}). */
  @Transactional
  public WorkView.Series putWork(Actor actor, long id, long workId) {
    ensureOwner(actor, id);
    Guardian guardian = guardians.of(actor);
    Work work = works.require(workId);
    guardian.ensureCanEdit(work);
    int added =
        db.update(
            "insert into series_works (series_id, work_id, position)"
                + " values (?, ?, (select coalesce(max(position), 0) + 1 from series_works where series_id = ?))"
                + " on conflict do nothing",
            id,
            workId,
            id);
    if (added > 0) {
      db.update("update series set updated_at = now() where id = ?", id);
      Map<String, Object> p = ManageWorks.payload(work, Map.of());
      p.put("seriesId", id);
      outbox.publish("SeriesWorkAdded", "series", id, actor.id(), p);
    }
    return view(actor, id);
  }

  @Transactional
  public void removeWork(Actor actor, long id, long workId) {
    ensureOwner(actor, id);
    if (db.update("delete from series_works where series_id = ? and work_id = ?", id, workId)
        == 0) {
      throw ApiException.notFound("Work in series");
    }
    outbox.publish(
        "SeriesWorkRemoved", "series", id, actor.id(), Map.of("seriesId", id, "workId", workId));
  }

  /**
   * Puts the series' works in the given order: every work of the series once (the creator sees them
   * all), numbered from 1.
   */
  @Transactional
  public WorkView.Series reorder(Actor actor, long id, List<Long> workIds) {
    ensureOwner(actor, id);
    List<Long> current =
        db.list(
            "select work_id from series_works where series_id = ? for update",
            rs -> rs.getLong(1),
            id);
    if (workIds.size() != current.size()
        || new java.util.HashSet<>(workIds).size() != workIds.size()
        || !current.containsAll(workIds)) {
      throw ApiException.invalid("workIds", "mismatch", "must list every work of the series once");
    }
    for (int i = 0; i < workIds.size(); i++) {
      db.update(
          "update series_works set position = ? where series_id = ? and work_id = ?",
          i + 1,
          id,
          workIds.get(i));
    }
    db.update("update series set updated_at = now() where id = ?", id);
    outbox.publish(
        "SeriesReordered", "series", id, actor.id(), Map.of("seriesId", id, "workIds", workIds));
    return view(actor, id);
  }

  /** The series the caller started, newest first, for the work editor's picker. */
  public List<WorkView.SeriesRef> mine(Actor actor) {
    guardians.of(actor).ensureSignedIn();
    return db.list(
        "select s.id, s.title, (select count(*) from series_works sw where sw.series_id = s.id)"
            + " from series s where s.created_by = ? order by s.id desc limit 200",
        rs -> new WorkView.SeriesRef(rs.getLong(1), rs.getString(2), rs.getInt(3)),
        actor.id());
  }

  @Transactional
  public void subscribe(Actor actor, long id, boolean on) {
    view(actor, id); // 404 when the caller may not see it
    guardians.of(actor).ensureSignedIn();
    if (on) {
      db.update(
          "insert into series_subscriptions (series_id, user_id) values (?, ?) on conflict do nothing",
          id,
          actor.id());
    } else {
      db.update(
          "delete from series_subscriptions where series_id = ? and user_id = ?", id, actor.id());
    }
  }

  private Row ensureOwner(Actor actor, long id) {
    Row s = row(id);
    guardians.of(actor).ensureCanEditSeries(s.createdBy);
    return s;
  }
}
