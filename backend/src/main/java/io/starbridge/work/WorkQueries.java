package io.starbridge.work;

import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.media.MediaUrls;
import io.starbridge.profile.Badges;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read models of works: the listing, one work, chapters, a person's works. Every list is filtered
 * in SQL by {@link Guardian#worksReadable}; single works are judged by {@link
 * Guardian#canSee(Work)}.
 */
@Singleton
public class WorkQueries {
  static final String CARD_COLUMNS =
      "w.id, w.title, w.summary, w.summary_html, w.type, w.language, w.genres, w.tags, w.rating,"
          + " w.warnings, w.status, w.visibility, w.cover_key, w.word_count, w.chapter_count,"
          + " w.kudos_count, w.bookmark_count, w.hits, w.translation_of, w.translation_state,"
          + " w.created_at, w.updated_at, w.published_at, w.revised_at, w.topic_id, w.board_slug";

  private final Db db;
  private final WorkLookup works;
  private final WorkRights rights;
  private final Badges badges;

  WorkQueries(Db db, WorkLookup works, WorkRights rights, Badges badges) {
    this.db = db;
    this.works = works;
    this.rights = rights;
    this.badges = badges;
  }

  /**
   * Whether the caller may send an adaptation inquiry (ip/) about this work now: the Guardian's
   * rule (with the caller's badge) and at least one right available.
   */
  private boolean canInquire(Guardian guardian, Work work) {
    if (!guardian.isSignedIn()
        || guardian.isAuthor(work)
        || !badges.has(guardian.actor().id(), Badges.VERIFIED_INDUSTRY)) {
      return false;
    }
    return guardian.canInquire(work, true)
        && rights.of(work.id()).stream().anyMatch(r -> "available".equals(r.status()));
  }

  // ---- lists ----------------------------------------------------------------------------------

  private record Sort(String column, boolean timestamp) {}

  private static final Map<String, Sort> SORTS =
      Map.of(
          "date", new Sort("revised_at", true),
          "kudos", new Sort("kudos_count", false),
          "bookmarks", new Sort("bookmark_count", false),
          "hits", new Sort("hits", false));

  /** GET /works: include/exclude tags, type, language, rating, status, q; four sorts. */
  public Page<WorkView.Card> list(Guardian guardian, WorkRequests.ListParams p) {
    int limit = Cursors.limit(p.limit(), 20, 100);
    Sort sort = SORTS.get(p.sort() == null ? "date" : p.sort());
    StringBuilder where = new StringBuilder(guardian.worksReadable("w"));
    List<Object> params = new ArrayList<>();
    List<String> include = tags(p.tag());
    if (!include.isEmpty()) {
      where.append(" and w.all_tags @> ?::text[]");
      params.add(include);
    }
    List<String> exclude = tags(p.excludeTag());
    if (!exclude.isEmpty()) {
      where.append(" and not (w.all_tags && ?::text[])");
      params.add(exclude);
    }
    addEq(where, params, "w.type", p.type());
    addEq(where, params, "w.language", p.language());
    addEq(where, params, "w.rating", p.rating());
    addEq(where, params, "w.status", p.status());
    if (p.q() != null && !p.q().isBlank()) {
      String like =
          "%" + p.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      where.append(" and (w.title ilike ? or w.summary ilike ?)");
      params.add(like);
      params.add(like);
    }
    // A listing shows published works: drafts live on their authors' own pages.
    where.append(" and w.visibility <> 'draft'");
    return page(where.toString(), params, sort, p.cursor(), limit);
  }

  /** GET /users/{handle}/works: the person's works the caller may see (drafts for themselves). */
  public Page<WorkView.Card> byAuthor(
      Guardian guardian, long userId, String cursor, Integer limit) {
    int n = Cursors.limit(limit, 20, 100);
    String where =
        guardian.worksReadable("w")
            + " and exists (select 1 from work_authors wa where wa.work_id = w.id and wa.user_id = ?"
            + " and wa.state = 'active')";
    List<Object> params = new ArrayList<>(List.of(userId));
    return page(where, params, SORTS.get("date"), cursor, n);
  }

  /** How many of the person's works the caller may see. */
  public long countByAuthor(Guardian guardian, long userId) {
    return db.count(
        "select count(*) from works w where "
            + guardian.worksReadable("w")
            + " and exists (select 1 from work_authors wa where wa.work_id = w.id and wa.user_id = ?"
            + " and wa.state = 'active')",
        userId);
  }

  private Page<WorkView.Card> page(
      String where, List<Object> params, Sort sort, String cursor, int limit) {
    String sql = "select " + CARD_COLUMNS + " from works w where " + where;
    List<Object> all = new ArrayList<>(params);
    if (cursor != null) {
      Object[] after =
          Cursors.read(
              cursor,
              2,
              x ->
                  new Object[] {
                    sort.timestamp() ? Cursors.instant(x.get(0)) : Long.parseLong(x.get(0)),
                    Long.parseLong(x.get(1))
                  });
      sql += " and (w." + sort.column() + ", w.id) < (?, ?)";
      all.add(after[0]);
      all.add(after[1]);
    }
    sql += " order by w." + sort.column() + " desc, w.id desc limit " + (limit + 1);
    List<Row> rows = db.list(sql, WorkQueries::row, all.toArray());
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<WorkView.Card> cards = cards(rows);
    String next = null;
    if (more) {
      Row last = rows.get(rows.size() - 1);
      Object key =
          switch (sort.column()) {
            case "revised_at" -> last.revisedAt;
            case "kudos_count" -> last.kudos;
            case "bookmark_count" -> last.bookmarks;
            default -> last.hits;
          };
      next = Cursors.encode(key, last.id);
    }
    return new Page<>(cards, next);
  }

  private static void addEq(StringBuilder where, List<Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" and ").append(column).append(" = ?");
      params.add(value);
    }
  }

  private static List<String> tags(List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      for (String part : r.split(",")) {
        String t = WorkRules.canonicalTag(part);
        if (t != null) {
          out.add(t);
        } else if (!part.isBlank()) {
          // A tag no work can carry matches nothing; keep the filter honest.
          out.add(part.strip().toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return out;
  }

  // ---- rows and cards -------------------------------------------------------------------------

  /** One works row as read by {@link #CARD_COLUMNS}. */
  record Row(
      long id,
      String title,
      String summary,
      String summaryHtml,
      String type,
      String language,
      List<String> genres,
      List<String> tags,
      String rating,
      List<String> warnings,
      String status,
      String visibility,
      String coverKey,
      int wordCount,
      int chapterCount,
      int kudos,
      int bookmarks,
      long hits,
      Long translationOf,
      String translationState,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      Instant revisedAt,
      Long topicId,
      String boardSlug) {}

  static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("summary"),
        rs.getString("summary_html"),
        rs.getString("type"),
        rs.getString("language"),
        WorkLookup.strings(rs.getArray("genres")),
        WorkLookup.strings(rs.getArray("tags")),
        rs.getString("rating"),
        WorkLookup.strings(rs.getArray("warnings")),
        rs.getString("status"),
        rs.getString("visibility"),
        rs.getString("cover_key"),
        rs.getInt("word_count"),
        rs.getInt("chapter_count"),
        rs.getInt("kudos_count"),
        rs.getInt("bookmark_count"),
        rs.getLong("hits"),
        Db.nullableLong(rs, "translation_of"),
        rs.getString("translation_state"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        Db.instant(rs, "published_at"),
        Db.instant(rs, "revised_at"),
        Db.nullableLong(rs, "topic_id"),
        rs.getString("board_slug"));
  }

  /** Active authors of each work, in credit order. */
  Map<Long, List<UserCard>> authors(List<Long> workIds, String state) {
    Map<Long, List<UserCard>> out = new HashMap<>();
    if (workIds.isEmpty()) {
      return out;
    }
    db.list(
        "select a.work_id, "
            + UserCard.columns("u")
            + " from work_authors a join users u on u.id = a.user_id"
            + " where a.work_id = any(?) and a.state = ? order by a.position, a.user_id",
        rs -> {
          out.computeIfAbsent(rs.getLong("work_id"), k -> new ArrayList<>())
              .add(UserCard.read(rs, "u"));
          return null;
        },
        workIds,
        state);
    return out;
  }

  List<WorkView.Card> cards(List<Row> rows) {
    Map<Long, List<UserCard>> authors = authors(rows.stream().map(Row::id).toList(), "active");
    return rows.stream().map(r -> card(r, authors.getOrDefault(r.id, List.of()))).toList();
  }

  static WorkView.Card card(Row r, List<UserCard> authors) {
    return new WorkView.Card(
        r.id,
        r.title,
        r.summaryHtml,
        r.type,
        r.language,
        r.genres,
        r.tags,
        r.rating,
        r.warnings,
        r.status,
        r.visibility,
        MediaUrls.of(r.coverKey),
        authors,
        r.wordCount,
        r.chapterCount,
        r.kudos,
        r.bookmarks,
        r.hits,
        r.translationOf,
        r.translationState,
        r.createdAt,
        r.publishedAt,
        r.revisedAt);
  }

  /** Cards of the given works that the caller may read, in the order given. */
  /** Works whose owner invited this user as a co-author and that await an answer, newest first. */
  public List<WorkView.Card> invitations(Guardian guardian, long userId) {
    List<Long> ids =
        db.list(
            "select a.work_id from work_authors a join works w on w.id = a.work_id"
                + " where a.user_id = ? and a.state = 'invited' and w.deleted_at is null"
                + " order by a.created_at desc limit 100",
            rs -> rs.getLong(1),
            userId);
    return cardsOf(guardian, ids);
  }

  public List<WorkView.Card> cardsOf(Guardian guardian, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Row> rows =
        db.list(
            "select "
                + CARD_COLUMNS
                + " from (select unnest(?::bigint[]) as id offset 0) ids join works w on w.id = ids.id where "
                + guardian.worksReadable("w"),
            WorkQueries::row,
            ids);
    Map<Long, WorkView.Card> byId = new LinkedHashMap<>();
    for (WorkView.Card c : cards(rows)) {
      byId.put(c.id(), c);
    }
    return ids.stream().filter(byId::containsKey).map(byId::get).toList();
  }

  // ---- one work -------------------------------------------------------------------------------

  public WorkView.Full view(Guardian guardian, long id) {
    Work work = works.require(id);
    guardian.ensureCanSee(work);
    return view(guardian, work);
  }

  WorkView.Full view(Guardian guardian, Work work) {
    Row r =
        db.one(
                "select " + CARD_COLUMNS + " from works w where w.id = ?",
                WorkQueries::row,
                work.id())
            .orElseThrow(() -> ApiException.notFound("Work"));
    boolean editor = guardian.canEdit(work) || guardian.isAuthor(work);
    List<UserCard> authors =
        authors(List.of(work.id()), "active").getOrDefault(work.id(), List.of());
    List<UserCard> invited =
        editor || guardian.isInvitedCoauthor(work)
            ? authors(List.of(work.id()), "invited").getOrDefault(work.id(), List.of())
            : List.of();
    WorkView.Original original = null;
    if (work.translationOf() != null) {
      original =
          db.one(
                  "select w.id, w.title, w.language from works w where w.id = ? and w.deleted_at is null",
                  rs ->
                      new WorkView.Original(
                          rs.getLong("id"),
                          rs.getString("title"),
                          rs.getString("language"),
                          List.of()),
                  work.translationOf())
              .map(
                  o ->
                      new WorkView.Original(
                          o.id(),
                          o.title(),
                          o.language(),
                          authors(List.of(o.id()), "active").getOrDefault(o.id(), List.of())))
              .orElse(null);
    }
    List<WorkView.SeriesRef> series =
        db.list(
            "select s.id, s.title, sw.position from series_works sw join series s on s.id = sw.series_id"
                + " where sw.work_id = ? order by s.id",
            rs -> new WorkView.SeriesRef(rs.getLong(1), rs.getString(2), rs.getInt(3)),
            work.id());
    List<WorkView.ChapterRef> chapters =
        db.list(
            "select id, position, title, word_count, publish_at, published_at from chapters"
                + " where work_id = ? and deleted_at is null"
                + (editor ? "" : " and published_at is not null")
                + " order by position",
            rs ->
                new WorkView.ChapterRef(
                    rs.getLong("id"),
                    rs.getInt("position"),
                    rs.getString("title"),
                    rs.getInt("word_count"),
                    Db.instant(rs, "publish_at"),
                    Db.instant(rs, "published_at")),
            work.id());
    WorkView.Viewer viewer =
        guardian.isSignedIn() ? viewer(guardian.actor().id(), work.id()) : null;
    WorkView.Permissions permissions =
        new WorkView.Permissions(
            guardian.canEdit(work),
            guardian.canDelete(work),
            guardian.canManageCoauthors(work),
            guardian.canGiveKudos(work),
            guardian.isSignedIn(),
            guardian.isInvitedCoauthor(work),
            work.isTranslation() && guardian.isOriginalAuthor(work),
            canInquire(guardian, work));
    return new WorkView.Full(
        r.id,
        r.title,
        r.summaryHtml,
        editor ? r.summary : null,
        r.type,
        r.language,
        r.genres,
        r.tags,
        r.rating,
        r.warnings,
        r.status,
        r.visibility,
        MediaUrls.of(r.coverKey),
        authors,
        invited,
        r.wordCount,
        r.chapterCount,
        r.kudos,
        r.bookmarks,
        r.hits,
        original,
        r.translationState,
        r.topicId,
        r.boardSlug,
        series,
        chapters,
        r.createdAt,
        r.updatedAt,
        r.publishedAt,
        r.revisedAt,
        viewer,
        permissions,
        rights.of(work.id()));
  }

  private WorkView.Viewer viewer(long userId, long workId) {
    return db.one(
            """
            select exists (select 1 from work_kudos where work_id = ? and user_id = ?) as kudos,
                   exists (select 1 from work_subscriptions where work_id = ? and user_id = ?) as subscribed,
                   b.note, b.note_html, b.tags as b_tags, b.private, b.created_at as b_created, b.updated_at as b_updated,
                   p.chapter, p.progress, p.updated_at as p_updated
              from (select 1) one
              left join work_bookmarks b on b.work_id = ? and b.user_id = ?
              left join reading_positions p on p.work_id = ? and p.user_id = ?
            """,
            rs ->
                new WorkView.Viewer(
                    rs.getBoolean("kudos"),
                    rs.getBoolean("subscribed"),
                    rs.getTimestamp("b_created") == null
                        ? null
                        : new WorkView.BookmarkView(
                            rs.getString("note"),
                            rs.getString("note_html"),
                            WorkLookup.strings(rs.getArray("b_tags")),
                            rs.getBoolean("private"),
                            Db.instant(rs, "b_created"),
                            Db.instant(rs, "b_updated")),
                    rs.getTimestamp("p_updated") == null
                        ? null
                        : new WorkView.PositionView(
                            rs.getInt("chapter"),
                            rs.getDouble("progress"),
                            Db.instant(rs, "p_updated"))),
            workId,
            userId,
            workId,
            userId,
            workId,
            userId,
            workId,
            userId)
        .orElseThrow();
  }

  // ---- chapters -------------------------------------------------------------------------------

  private static final String CHAPTER_COLUMNS =
      "c.id, c.work_id, c.position, c.title, c.body, c.body_html, c.notes_before, c.notes_before_html,"
          + " c.notes_after, c.notes_after_html, c.word_count, c.publish_at, c.published_at,"
          + " c.created_at, c.updated_at,"
          + " (select count(*) from chapter_revisions r where r.chapter_id = c.id) as revisions";

  /** Every chapter the caller may read, in order, with bodies: the "entire work" view. */
  public List<WorkView.Chapter> chapters(Guardian guardian, Work work) {
    return chapters(guardian, work, null, null);
  }

  /**
   * The chapters the caller may read from position {@code from} (inclusive) on, at most {@code
   * limit} of them (all when null), in order, with bodies and their neighbours' positions: the
   * "entire work" view, read in slices so a work of hundreds of long chapters is not one response.
   */
  public List<WorkView.Chapter> chapters(
      Guardian guardian, Work work, Integer from, Integer limit) {
    guardian.ensureCanSee(work);
    if (limit != null && (limit < 1 || limit > CHAPTER_PAGE_MAX)) {
      throw ApiException.invalid("limit", "range", "must be between 1 and " + CHAPTER_PAGE_MAX);
    }
    boolean editor = guardian.isAuthor(work);
    String readable = editor ? "" : " and c.published_at is not null";
    int start = from == null ? Integer.MIN_VALUE : from;
    // One more on each side than asked for, for the neighbours of the first and last.
    List<Integer> before =
        db.list(
            "select c.position from chapters c where c.work_id = ? and c.deleted_at is null"
                + readable
                + " and c.position < ? order by c.position desc limit 1",
            rs -> rs.getInt(1),
            work.id(),
            start);
    List<WorkView.Chapter> raw =
        db.list(
            "select "
                + CHAPTER_COLUMNS
                + " from chapters c where c.work_id = ? and c.deleted_at is null"
                + readable
                + " and c.position >= ? order by c.position"
                + (limit == null ? "" : " limit " + (limit + 1)),
            rs -> chapter(rs, editor, null, null),
            work.id(),
            start);
    Integer after = null;
    if (limit != null && raw.size() > limit) {
      after = raw.get(limit).position();
      raw = raw.subList(0, limit);
    }
    List<WorkView.Chapter> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      WorkView.Chapter c = raw.get(i);
      out.add(
          withNeighbours(
              c,
              i > 0 ? Integer.valueOf(raw.get(i - 1).position()) : first(before),
              i + 1 < raw.size() ? Integer.valueOf(raw.get(i + 1).position()) : after));
    }
    return out;
  }

  /**
   * The title of chapter {@code chapterId} of the work when the caller may read that chapter
   * (published, or the caller is an author); empty otherwise or when it is deleted.
   */
  public Optional<String> chapterTitle(Guardian guardian, Work work, long chapterId) {
    if (!guardian.canSee(work)) {
      return Optional.empty();
    }
    boolean editor = guardian.isAuthor(work);
    return db.one(
        "select c.title from chapters c where c.id = ? and c.work_id = ? and c.deleted_at is null"
            + (editor ? "" : " and c.published_at is not null"),
        rs -> rs.getString(1),
        chapterId,
        work.id());
  }

  private static Integer first(List<Integer> xs) {
    return xs.isEmpty() ? null : xs.get(0);
  }

  private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** At most this many chapters per slice of the entire-work view. */
  static final int CHAPTER_PAGE_MAX = 50;

  /**
   * Chapter {@code position} of the work, as the caller may read it (scheduled: authors only): one
   * row with its text, and its neighbours' positions from the index, never the other chapters.
   */
  public WorkView.Chapter chapter(Guardian guardian, Work work, int position) {
    guardian.ensureCanSee(work);
    boolean editor = guardian.isAuthor(work);
    String readable = editor ? "" : " and c.published_at is not null";
    WorkView.Chapter c =
        db.one(
                "select "
                    + CHAPTER_COLUMNS
                    + " from chapters c where c.work_id = ? and c.deleted_at is null"
                    + readable
                    + " and c.position = ?",
                rs -> chapter(rs, editor, null, null),
                work.id(),
                position)
            .orElseThrow(() -> ApiException.notFound("Chapter"));
    return db.one(
            "select max(c.position) filter (where c.position < ?) as prev,"
                + " min(c.position) filter (where c.position > ?) as next"
                + " from chapters c where c.work_id = ? and c.deleted_at is null"
                + readable,
            rs -> withNeighbours(c, intOrNull(rs, "prev"), intOrNull(rs, "next")),
            position,
            position,
            work.id())
        .orElseThrow();
  }

  private static WorkView.Chapter withNeighbours(WorkView.Chapter c, Integer prev, Integer next) {
    return new WorkView.Chapter(
        c.id(),
        c.workId(),
        c.position(),
        c.title(),
        c.bodyHtml(),
        c.notesBeforeHtml(),
        c.notesAfterHtml(),
        c.body(),
        c.notesBefore(),
        c.notesAfter(),
        c.wordCount(),
        c.publishAt(),
        c.publishedAt(),
        c.createdAt(),
        c.updatedAt(),
        c.revisions(),
        prev,
        next);
  }

  private static WorkView.Chapter chapter(ResultSet rs, boolean editor, Integer prev, Integer next)
      throws SQLException {
    return new WorkView.Chapter(
        rs.getLong("id"),
        rs.getLong("work_id"),
        rs.getInt("position"),
        rs.getString("title"),
        rs.getString("body_html"),
        rs.getString("notes_before_html"),
        rs.getString("notes_after_html"),
        editor ? rs.getString("body") : null,
        editor ? rs.getString("notes_before") : null,
        editor ? rs.getString("notes_after") : null,
        rs.getInt("word_count"),
        Db.instant(rs, "publish_at"),
        Db.instant(rs, "published_at"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        rs.getInt("revisions"),
        prev,
        next);
  }
}
