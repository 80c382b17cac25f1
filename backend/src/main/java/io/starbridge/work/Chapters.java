package io.starbridge.work;

import io.micronaut.scheduling.annotation.Scheduled;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.Cooked;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.registry.RegistrationRequest;
import io.starbridge.registry.Registry;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Chapters: add, edit (every version kept in {@code chapter_revisions} with its full text, for the
 * copyright registry), reorder, delete, and scheduled publication. A chapter with a future {@code
 * publishAt} stays unpublished (invisible to readers) until {@link #publishDue} runs past its time.
 */
@Singleton
public class Chapters {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;
  private final Registry registry;

  Chapters(
      Db db,
      WorkLookup works,
      WorkQueries queries,
      Guardians guardians,
      Outbox outbox,
      MarkdownRenderer markdown,
      Registry registry) {
    this.registry = registry;
    this.db = db;
    this.works = works;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.markdown = markdown;
  }

  private record Texts(String title, String body, String before, String after) {}

  @Transactional
  public WorkView.Chapter create(Actor actor, long workId, WorkRequests.CreateChapter req) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(workId);
    guardian.ensureCanEdit(work);
    List<FieldError> errors = new ArrayList<>();
    Texts t =
        new Texts(
            WorkRules.title("title", req.title(), false, errors),
            WorkRules.text("body", req.body(), WorkRules.CHAPTER_MAX, true, errors),
            WorkRules.text("notesBefore", req.notesBefore(), WorkRules.NOTES_MAX, false, errors),
            WorkRules.text("notesAfter", req.notesAfter(), WorkRules.NOTES_MAX, false, errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Instant now = Instant.now();
    boolean scheduled = req.publishAt() != null && req.publishAt().isAfter(now);
    Cooked body = markdown.cook(t.body());
    int words = WordCount.of(body.plainText());
    long id =
        db.insertReturningId(
            """
            insert into chapters (work_id, position, title, body, body_html, notes_before, notes_before_html,
                                  notes_after, notes_after_html, cooked_version, word_count, publish_at, published_at)
            values (?, (select coalesce(max(position), 0) + 1 from chapters where work_id = ? and deleted_at is null),
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """,
            workId,
            workId,
            t.title(),
            t.body(),
            body.html(),
            blankToNull(t.before()),
            cookOrNull(t.before()),
            blankToNull(t.after()),
            cookOrNull(t.after()),
            body.version(),
            words,
            scheduled ? req.publishAt() : null,
            scheduled ? null : now);
    revision(id, actor.id());
    recount(workId);
    int position =
        db.one("select position from chapters where id = ?", rs -> rs.getInt(1), id).orElseThrow();
    if (!scheduled) {
      announce(work, id, position, actor.id());
    }
    return queries.chapter(guardian, works.require(workId), position);
  }

  @Transactional
  public WorkView.Chapter update(
      Actor actor, long workId, int position, WorkRequests.UpdateChapter req) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(workId);
    guardian.ensureCanEdit(work);
    Row row = row(workId, position);
    List<FieldError> errors = new ArrayList<>();
    Texts t =
        new Texts(
            req.title() == null ? row.title : WorkRules.title("title", req.title(), false, errors),
            req.body() == null
                ? row.body
                : WorkRules.text("body", req.body(), WorkRules.CHAPTER_MAX, true, errors),
            req.notesBefore() == null
                ? row.before
                : WorkRules.text(
                    "notesBefore", req.notesBefore(), WorkRules.NOTES_MAX, false, errors),
            req.notesAfter() == null
                ? row.after
                : WorkRules.text(
                    "notesAfter", req.notesAfter(), WorkRules.NOTES_MAX, false, errors));
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    boolean textChanged =
        !t.title().equals(row.title)
            || !t.body().equals(row.body)
            || !nz(t.before()).equals(nz(row.before))
            || !nz(t.after()).equals(nz(row.after));
    if (textChanged) {
      Cooked body = markdown.cook(t.body());
      db.update(
          """
          update chapters set title = ?, body = ?, body_html = ?, notes_before = ?, notes_before_html = ?,
                 notes_after = ?, notes_after_html = ?, cooked_version = ?, word_count = ?, updated_at = now()
           where id = ?
          """,
          t.title(),
          t.body(),
          body.html(),
          blankToNull(t.before()),
          cookOrNull(t.before()),
          blankToNull(t.after()),
          cookOrNull(t.after()),
          body.version(),
          WordCount.of(body.plainText()),
          row.id);
      revision(row.id, actor.id());
    }
    if (req.publishAt() != null && row.publishedAt == null) {
      if (req.publishAt().isAfter(Instant.now())) {
        db.update("update chapters set publish_at = ? where id = ?", req.publishAt(), row.id);
      } else {
        db.update(
            "update chapters set publish_at = null, published_at = now() where id = ?", row.id);
        announce(work, row.id, position, actor.id());
      }
    }
    int newPosition = position;
    if (req.position() != null && req.position() != position) {
      List<Long> order = order(workId);
      if (req.position() < 1 || req.position() > order.size()) {
        throw ApiException.invalid("position", "range", "must be between 1 and " + order.size());
      }
      order.remove(row.id);
      order.add(req.position() - 1, row.id);
      applyOrder(workId, order);
      newPosition = req.position();
    }
    recount(workId);
    if (textChanged && row.publishedAt != null) {
      Map<String, Object> p = ManageWorks.payload(work, Map.of());
      p.put("chapterId", row.id);
      p.put("position", newPosition);
      outbox.publish("ChapterEdited", "chapter", row.id, actor.id(), p);
      register(RegistrationRequest.Kind.REVISION, workId, row.id, newPosition, actor.id());
    }
    return queries.chapter(guardian, works.require(workId), newPosition);
  }

  @Transactional
  public List<WorkView.ChapterRef> reorder(Actor actor, long workId, List<Long> chapterIds) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(workId);
    guardian.ensureCanEdit(work);
    List<Long> current = order(workId);
    if (chapterIds.size() != current.size()
        || !new HashSet<>(chapterIds).equals(new HashSet<>(current))) {
      throw ApiException.invalid(
          "chapterIds", "mismatch", "must list every chapter of the work once");
    }
    applyOrder(workId, chapterIds);
    outbox.publish(
        "WorkUpdated",
        "work",
        workId,
        actor.id(),
        ManageWorks.payload(work, Map.of("reordered", true)));
    return queries.view(guardian, works.require(workId)).chapters();
  }

  @Transactional
  public void delete(Actor actor, long workId, int position) {
    Guardian guardian = guardians.of(actor);
    Work work = works.requireForUpdate(workId);
    guardian.ensureCanEdit(work);
    Row row = row(workId, position);
    db.update("update chapters set deleted_at = now() where id = ?", row.id);
    List<Long> order = order(workId);
    applyOrder(workId, order);
    recount(workId);
    Map<String, Object> p = ManageWorks.payload(work, Map.of());
    p.put("chapterId", row.id);
    outbox.publish("ChapterDeleted", "chapter", row.id, actor.id(), p);
  }

  /** Publishes every scheduled chapter whose time has come; returns how many. */
  @Scheduled(fixedDelay = "${starbridge.works.schedule-interval:15s}", initialDelay = "5s")
  @Transactional
  public int publishDue() {
    record Due(long id, long workId, int position) {}
    List<Due> due =
        db.list(
            """
            update chapters set published_at = publish_at
             where id in (select id from chapters where published_at is null and deleted_at is null
                            and publish_at <= now() for update skip locked)
            returning id, work_id, position
            """,
            rs -> new Due(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
    for (Due d : due) {
      recount(d.workId);
      Work work = works.byId(d.workId).orElseThrow();
      announce(work, d.id, d.position, null);
    }
    return due.size();
  }

  /** A chapter became readable: the work moves up the date sort, subscribers hear of it. */
  private void announce(Work work, long chapterId, int position, Long actorId) {
    db.update(
        "update works set revised_at = now() where id = ? and published_at is not null", work.id());
    Map<String, Object> p = ManageWorks.payload(work, Map.of());
    p.put("chapterId", chapterId);
    p.put("position", position);
    outbox.publish("ChapterPublished", "chapter", chapterId, actorId, p);
    register(RegistrationRequest.Kind.PUBLICATION, work.id(), chapterId, position, actorId);
  }

  /**
   * Registers the chapter's latest revision in the copyright registry, in this transaction: the
   * chain then holds every publication and every published revision, with the authors of the day.
   */
  private void register(
      RegistrationRequest.Kind kind, long workId, long chapterId, int position, Long actorId) {
    record Rev(int revision, String body) {}
    Rev rev =
        db.one(
                "select revision, body from chapter_revisions where chapter_id = ? order by revision desc limit 1",
                rs -> new Rev(rs.getInt(1), rs.getString(2)),
                chapterId)
            .orElseThrow();
    List<Long> authors =
        db.list(
            "select user_id from work_authors where work_id = ? and state = 'active' order by position, user_id",
            rs -> rs.getLong(1),
            workId);
    registry.register(
        new RegistrationRequest(
            kind, workId, chapterId, position, rev.revision(), authors, rev.body(), actorId));
  }

  private void revision(long chapterId, long editorId) {
    db.update(
        """
        insert into chapter_revisions (chapter_id, revision, title, body, notes_before, notes_after, word_count, editor_id)
        select c.id, (select coalesce(max(revision), 0) + 1 from chapter_revisions where chapter_id = c.id),
               c.title, c.body, c.notes_before, c.notes_after, c.word_count, ?
          from chapters c where c.id = ?
        """,
        editorId,
        chapterId);
  }

  /** The work's word and chapter counts: published chapters only, as readers see them. */
  private void recount(long workId) {
    db.update(
        """
        update works set
          word_count = (select coalesce(sum(word_count), 0) from chapters
                         where work_id = ? and deleted_at is null and published_at is not null),
          chapter_count = (select count(*) from chapters
                            where work_id = ? and deleted_at is null and published_at is not null),
          updated_at = now()
         where id = ?
        """,
        workId,
        workId,
        workId);
  }

  private List<Long> order(long workId) {
    return new ArrayList<>(
        db.list(
            "select id from chapters where work_id = ? and deleted_at is null order by position",
            rs -> rs.getLong(1),
            workId));
  }

  /** Positions 1..n in the given order (through negatives: the unique index holds throughout). */
  private void applyOrder(long workId, List<Long> ids) {
    db.update(
        "update chapters set position = -position where work_id = ? and deleted_at is null",
        workId);
    for (int i = 0; i < ids.size(); i++) {
      db.update(
          "update chapters set position = ? where id = ? and work_id = ?",
          i + 1,
          ids.get(i),
          workId);
    }
  }

  private record Row(
      long id, String title, String body, String before, String after, Instant publishedAt) {}

  private Row row(long workId, int position) {
    return db.one(
            "select id, title, body, notes_before, notes_after, published_at from chapters"
                + " where work_id = ? and position = ? and deleted_at is null",
            rs ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Db.instant(rs, "published_at")),
            workId,
            position)
        .orElseThrow(() -> ApiException.notFound("Chapter"));
  }

  private String cookOrNull(String text) {
    return text == null || text.isBlank() ? null : markdown.cook(text).html();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
