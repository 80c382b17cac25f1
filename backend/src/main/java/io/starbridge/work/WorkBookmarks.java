package io.starbridge.work;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.common.Page;
import io.starbridge.event.Outbox;
import io.starbridge.markdown.MarkdownRenderer;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bookmarks on works, as AO3 keeps them: a Markdown note (cooked and sanitised like posts), the
 * reader's own tags, public or private. Public bookmarks are listed on the work; a private one only
 * to its owner. The caller's list ({@code GET /me/bookmarks}) reads them through {@link #saved}.
 */
@Singleton
public class WorkBookmarks {
  private final Db db;
  private final WorkLookup works;
  private final WorkQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final MarkdownRenderer markdown;

  WorkBookmarks(
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

  /** PUT /works/{id}/bookmark: creates the bookmark or replaces its note, tags and privacy. */
  @Transactional
  public void put(Actor actor, long workId, @Nullable WorkRequests.Bookmark req) {
    Work work = works.requireForUpdate(workId);
    guardians.of(actor).ensureCanKeep(work);
    List<FieldError> errors = new ArrayList<>();
    String note =
        WorkRules.text(
            "note", req == null ? null : req.note(), WorkRules.BOOKMARK_NOTE_MAX, false, errors);
    List<String> tags = WorkRules.bookmarkTags(req == null ? null : req.tags(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    note = note.strip();
    String noteHtml = note.isEmpty() ? "" : markdown.cook(note).html();
    boolean priv = req != null && req.hidden();
    boolean added =
        db.one(
                """
                insert into work_bookmarks (work_id, user_id, note, note_html, tags, private)
                values (?, ?, ?, ?, ?::text[], ?)
                on conflict (work_id, user_id) do update
                  set note = excluded.note, note_html = excluded.note_html, tags = excluded.tags,
                      private = excluded.private, updated_at = now()
                returning (xmax = 0) as inserted
                """,
                rs -> rs.getBoolean(1),
                workId,
                actor.id(),
                note,
                noteHtml,
                tags,
                priv)
            .orElse(false);
    if (added) {
      db.update("update works set bookmark_count = bookmark_count + 1 where id = ?", workId);
    }
    outbox.publish(
        added ? "WorkBookmarked" : "WorkBookmarkUpdated",
        "work",
        workId,
        actor.id(),
        ManageWorks.payload(work, Map.of("userId", actor.id(), "private", priv)));
  }

  @Transactional
  public void remove(Actor actor, long workId) {
    Work work = works.requireForUpdate(workId);
    guardians.of(actor).ensureCanKeep(work);
    int removed =
        db.update(
            "delete from work_bookmarks where work_id = ? and user_id = ?", workId, actor.id());
    if (removed > 0) {
      db.update("update works set bookmark_count = bookmark_count - 1 where id = ?", workId);
      outbox.publish(
          "WorkUnbookmarked",
          "work",
          workId,
          actor.id(),
          ManageWorks.payload(work, Map.of("userId", actor.id())));
    }
  }

  /**
   * GET /works/{id}/bookmarks: public bookmarks, newest first, plus the caller's own private one.
   * Readers whose account is deleted or suspended drop out.
   */
  public Page<WorkView.Bookmark> list(
      Actor actor, long workId, @Nullable String cursor, @Nullable Integer limitParam) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureCanSee(works.require(workId));
    int limit = Cursors.limit(limitParam, 20, 100);
    StringBuilder sql =
        new StringBuilder(
            "select b.user_id, b.note_html, b.tags, b.private, b.created_at, b.updated_at, "
                + UserCard.columns("u")
                + " from work_bookmarks b join users u on u.id = b.user_id"
                + " where b.work_id = ? and u.status not in ('deleted', 'suspended')"
                + " and (not b.private or b.user_id = ?)");
    List<Object> params = new ArrayList<>(List.of(workId, actor.isAnonymous() ? -1L : actor.id()));
    if (cursor != null) {
      record Pos(Instant at, long userId) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (b.created_at, b.user_id) < (?, ?)");
      params.add(pos.at());
      params.add(pos.userId());
    }
    sql.append(" order by b.created_at desc, b.user_id desc limit ").append(limit + 1);
    record Row(long userId, WorkView.Bookmark bookmark) {}
    List<Row> rows =
        db.list(
            sql.toString(),
            rs ->
                new Row(
                    rs.getLong("user_id"),
                    new WorkView.Bookmark(
                        UserCard.read(rs, "u"),
                        rs.getString("note_html"),
                        WorkLookup.strings(rs.getArray("tags")),
                        rs.getBoolean("private"),
                        Db.instant(rs, "created_at"),
                        Db.instant(rs, "updated_at"))),
            params.toArray());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      Row last = rows.get(limit - 1);
      next = Cursors.encode(last.bookmark().createdAt(), last.userId());
    }
    return new Page<>(rows.stream().map(Row::bookmark).toList(), next);
  }

  /**
   * The caller's bookmarks on these works, with the works as cards, for the works they may still
   * read (a work gone back to draft drops out).
   */
  public Map<Long, WorkView.SavedWork> saved(Actor actor, List<Long> workIds) {
    if (workIds.isEmpty()) {
      return Map.of();
    }
    Guardian guardian = guardians.of(actor);
    Map<Long, WorkView.BookmarkView> marks = new HashMap<>();
    db.list(
            "select work_id, note, note_html, tags, private, created_at, updated_at"
                + " from work_bookmarks where user_id = ? and work_id = any (?::bigint[])",
            rs ->
                Map.entry(
                    rs.getLong("work_id"),
                    new WorkView.BookmarkView(
                        rs.getString("note"),
                        rs.getString("note_html"),
                        WorkLookup.strings(rs.getArray("tags")),
                        rs.getBoolean("private"),
                        Db.instant(rs, "created_at"),
                        Db.instant(rs, "updated_at"))),
            actor.id(),
            workIds)
        .forEach(e -> marks.put(e.getKey(), e.getValue()));
    Map<Long, WorkView.SavedWork> out = new HashMap<>();
    for (WorkView.Card card : queries.cardsOf(guardian, workIds)) {
      WorkView.BookmarkView mark = marks.get(card.id());
      if (mark != null) {
        out.put(card.id(), new WorkView.SavedWork(card, mark));
      }
    }
    return out;
  }
}
