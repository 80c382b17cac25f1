package io.starbridge.topic;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.starbridge.account.UserCard;
import io.starbridge.board.Board;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.group.Group;
import io.starbridge.group.GroupLookup;
import io.starbridge.group.GroupRef;
import io.starbridge.post.PostQueries;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Read model of topics: the lists (per board, site-wide, per tag) and the topic view. Each list
 * page is one query on a keyset index, filtered by the Guardian's readable scope.
 *
 * <p>Sorts, all descending with the id as tie-breaker:
 *
 * <ul>
 *   <li>{@code latest}: last activity ({@code last_posted_at});
 *   <li>{@code new}: creation time;
 *   <li>{@code top}: likes + replies, among topics created within {@code period};
 *   <li>{@code hot}: a Hacker-News-style gravity score, among topics of the last 30 days:
 *       <pre>hot = (likes + 2·replies + ln(1 + views)) / (hours since creation + 2)^1.8</pre>
 *       Replies weigh double (they cost more than a click), views count logarithmically (so a crawl
 *       of page views cannot outrank discussion), and the 1.8 power lets a day-old topic need about
 *       4× the engagement of a fresh one to stay level. Topics older than 30 days score below a
 *       hundred-thousandth of their points and are left out, which keeps the scan bounded.
 * </ul>
 *
 * <p>{@code top} and {@code hot} depend on the time of the request, so the first page fixes a
 * reference time and the cursor carries it: later pages rank with the same clock and neither repeat
 * nor skip a topic (counters that change between requests may still move one).
 *
 * <p>Pinned topics come first, on the first page only and above the {@code limit} regular items: in
 * a board's list its topics pinned to the board or globally (global first); in the site-wide and
 * tag lists the globally pinned topics. Regular items leave them out.
 */
@Singleton
public class TopicQueries {
  static final int DEFAULT_LIMIT = 30;
  static final int MAX_LIMIT = 100;
  static final int MAX_PINNED = 50;

  /** A topic the member has never opened counts as new for this long after its creation. */
  static final Duration NEW_FOR = Duration.ofDays(14);

  static final Duration HOT_WINDOW = Duration.ofDays(30);

  private final Db db;
  private final BoardQueries boards;
  private final PostQueries posts;
  private final GroupLookup groups;

  TopicQueries(Db db, BoardQueries boards, PostQueries posts, GroupLookup groups) {
    this.db = db;
    this.boards = boards;
    this.posts = posts;
    this.groups = groups;
  }

  enum Sort {
    LATEST("t.last_posted_at"),
    NEW("t.created_at"),
    TOP("(t.like_count + t.reply_count)"),
    HOT("k.sort_key");

    final String key;

    Sort(String key) {
      this.key = key;
    }

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  enum Period {
    DAY(Duration.ofDays(1)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30)),
    YEAR(Duration.ofDays(365)),
    ALL(null);

    final Duration length;

    Period(Duration length) {
      this.length = length;
    }
  }

  /** The query parameters of a topic list, as sent (bound from the query string). */
  @Introspected
  public record ListParams(
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue String period,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {}

  /**
   * Where a list draws from: one board, one group, one tag, one author's topics, or (all null)
   * every readable board and public group.
   */
  record Source(
      @Nullable Long boardId,
      @Nullable Long groupId,
      @Nullable String tag,
      @Nullable Long authorId) {
    static Source ofBoard(long boardId) {
      return new Source(boardId, null, null, null);
    }

    static Source ofGroup(long groupId) {
      return new Source(null, groupId, null, null);
    }

    static Source siteWide() {
      return new Source(null, null, null, null);
    }

    static Source tagged(String tag) {
      return new Source(null, null, tag, null);
    }

    static Source byAuthor(long authorId) {
      return new Source(null, null, null, authorId);
    }
  }

  /** GET /boards/{slug}/topics. */
  public Page<TopicListItem> ofBoard(Guardian guardian, String slug, ListParams params) {
    Board board = boards.bySlug(slug).orElseThrow(() -> ApiException.notFound("Board"));
    guardian.ensureCanSee(board);
    return list(guardian, Source.ofBoard(board.id()), params);
  }

  /**
   * GET /groups/{slug}/topics: 404 when the caller may not know the group, 403 when it sees only
   * the about page.
   */
  public Page<TopicListItem> ofGroup(Guardian guardian, String slug, ListParams params) {
    Group group = groups.requireBySlug(slug);
    guardian.ensureCanReadContent(group);
    return list(guardian, Source.ofGroup(group.id()), params);
  }

  /** GET /topics: every board the caller may read, and public groups. */
  public Page<TopicListItem> siteWide(Guardian guardian, ListParams params) {
    return list(guardian, Source.siteWide(), params);
  }

  /** GET /tags/{tag}/topics. */
  public Page<TopicListItem> tagged(Guardian guardian, String tag, ListParams params) {
    String normalized = TopicRules.normalizeTag(tag);
    if (normalized == null) {
      throw ApiException.notFound("Tag");
    }
    return list(guardian, Source.tagged(normalized), params);
  }

  /**
   * GET /users/{handle}/topics: the topics of one author the caller may read (the caller has
   * checked that it may see the author's activity). Mutes do not apply: a profile shows what it
   * shows.
   */
  public Page<TopicListItem> byAuthor(Guardian guardian, long authorId, ListParams params) {
    return list(guardian, Source.byAuthor(authorId), params);
  }

  /**
   * The list cards of these topics that the caller may read now (deleted topics, topics out of the
   * caller's reach and topics by people it muted or blocked are left out), in the given order. Used
   * by the home feed, whose ids come from Redis and are re-checked here.
   */
  public List<TopicListItem> cards(Guardian guardian, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Long userId = guardian.isSignedIn() ? guardian.actor().id() : null;
    Sql sql =
        select(guardian, userId, Sort.LATEST, Instant.now(), "1", Source.siteWide(), ids)
            .append(" and " + guardian.readableScope().topicsReadable("t", "b", "g"));
    java.util.Map<Long, TopicListItem> byId = new java.util.HashMap<>();
    db.list(
        sql.text(), rs -> byId.put(rs.getLong("id"), listItem(rs, userId != null)), sql.params());
    List<TopicListItem> out = new ArrayList<>();
    for (Long id : ids) {
      TopicListItem item = byId.get(id);
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  /** Where the previous page ended. */
  private record Position(Instant ref, Object key, long id) {}

  /** A list query, ready to run: its SQL, and what reading its rows needs. */
  record ListQuery(Sql sql, Sort sort, Instant ref, int limit) {}

  Page<TopicListItem> list(Guardian guardian, Source source, ListParams params) {
    ListQuery query = listQuery(guardian, source, params);
    Long userId = guardian.isSignedIn() ? guardian.actor().id() : null;
    Sort sort = query.sort();
    int limit = query.limit();
    Sql sql = query.sql();
    record Row(TopicListItem item, int section, Object sortKey) {}
    List<Row> rows =
        db.list(
            sql.text(),
            rs -> new Row(listItem(rs, userId != null), rs.getInt("section"), sortKey(rs, sort)),
            sql.params());
    List<TopicListItem> items = new ArrayList<>();
    Row lastRegular = null;
    int regularCount = 0;
    for (Row r : rows) {
      if (r.section() == 1 && ++regularCount > limit) {
        break;
      }
      items.add(r.item());
      if (r.section() == 1) {
        lastRegular = r;
      }
    }
    String next =
        regularCount > limit && lastRegular != null
            ? Cursors.encode(
                sort.wire(), query.ref(), lastRegular.sortKey(), lastRegular.item().id())
            : null;
    return new Page<>(items, next);
  }

  /** Builds the page query: pinned section (first page only) and the keyset page of the rest. */
  ListQuery listQuery(Guardian guardian, Source source, ListParams params) {
    Sort sort = parse(Sort.class, "sort", params.sort(), Sort.LATEST);
    Period period = parse(Period.class, "period", params.period(), Period.ALL);
    int limit = Cursors.limit(params.limit(), DEFAULT_LIMIT, MAX_LIMIT);
    Position after = params.cursor() == null ? null : decode(params.cursor(), sort);
    Instant ref = after == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : after.ref();
    Long userId = guardian.isSignedIn() ? guardian.actor().id() : null;

    Sql regular =
        select(guardian, userId, sort, ref, "1", source)
            .append(" and " + scopeFilter(guardian, source) + " and ")
            .append(regularFilter(source));
    if (sort == Sort.TOP && period.length != null) {
      regular.append(" and t.created_at >= ?", ref.minus(period.length));
    }
    if (sort == Sort.HOT) {
      regular.append(" and t.created_at > ? and t.created_at <= ?", ref.minus(HOT_WINDOW), ref);
    }
    if (after != null) {
      regular.append(" and (" + sort.key + ", t.id) < (?, ?)", after.key(), after.id());
    }
    regular.append(" order by " + sort.key + " desc, t.id desc limit ?", limit + 1);

    Sql sql;
    if (after == null) {
      Sql pinned =
          select(guardian, userId, sort, ref, "0", source)
              .append(" and " + scopeFilter(guardian, source) + " and ")
              .append(pinnedFilter(source));
      pinned.append(" order by t.pinned_at desc nulls last, t.id desc limit ?", MAX_PINNED);
      sql =
          new Sql()
              .append("select * from ((")
              .append(pinned)
              .append(") union all (")
              .append(regular)
              .append(")) x")
              .append(" order by x.section, (x.section = 0 and x.pinned = 'global') desc,")
              .append(
                  " case when x.section = 0 then x.pinned_at end desc nulls last, x.sort_key desc, x.id desc");
    } else {
      sql = regular;
    }
    return new ListQuery(sql, sort, ref, limit);
  }

  /** The SELECT … FROM … WHERE of a list, up to the source filter. */
  private static Sql select(
      Guardian guardian, Long userId, Sort sort, Instant ref, String section, Source source) {
    return select(guardian, userId, sort, ref, section, source, null);
  }

  /**
   * The list select; with {@code ids}, the rows are driven from that array: a subquery the planner
   * may not flatten ({@code offset 0}) joined to topics by primary key, so even a generic plan
   * probes one topic per id instead of walking every topic and filtering by the list.
   */
  private static Sql select(
      Guardian guardian,
      Long userId,
      Sort sort,
      Instant ref,
      String section,
      Source source,
      @Nullable List<Long> ids) {
    Sql sql =
        new Sql()
            .append(
                "select t.id, t.slug, t.title, t.tags, t.excerpt, t.pinned, t.pinned_at, t.locked, t.closed,")
            .append(
                " t.reply_count, t.like_count, t.view_count, t.highest_post_number, t.created_at, t.last_posted_at,")
            .append(
                " b.id as b_id, b.slug as b_slug, b.name_zh as b_name_zh, b.name_en as b_name_en, b.color as b_color,")
            .append(
                " g.id as g_id, g.slug as g_slug, g.name as g_name, g.visibility as g_visibility, ")
            .append(UserCard.columns("a"))
            .append(", ")
            .append(UserCard.columns("lp"))
            .append(
                ", tr.last_read_post_number, "
                    + sort.key
                    + " as sort_key, "
                    + section
                    + " as section")
            // The caller's watch level: the topic's own, else its board's or group's.
            .append(
                ", coalesce((select w.level from watches w where w.user_id = ? and w.target_type = 'topic'"
                    + " and w.target_id = t.id), (select w.level from watches w where w.user_id = ?"
                    + " and ((w.target_type = 'board' and w.target_id = t.board_id)"
                    + " or (w.target_type = 'group' and w.target_id = t.group_id)) limit 1)) as watch_level",
                userId,
                userId)
            .append(
                ids == null
                    ? " from topics t"
                    : " from (select unnest(?::bigint[]) as id offset 0) ids"
                        + " join topics t on t.id = ids.id",
                ids == null ? new Object[0] : new Object[] {ids})
            .append(" left join boards b on b.id = t.board_id")
            .append(" left join groups g on g.id = t.group_id")
            .append(" join users a on a.id = t.author_id")
            .append(" left join users lp on lp.id = t.last_poster_id")
            .append(" left join topic_reads tr on tr.topic_id = t.id and tr.user_id = ?", userId);
    if (sort == Sort.HOT) {
      sql.append(
          " cross join lateral (select ((t.like_count + 2 * t.reply_count)::float8 + ln(1 + t.view_count::float8))"
              + " / power(extract(epoch from (?::timestamptz - t.created_at))::float8 / 3600 + 2, 1.8) as sort_key) k",
          ref);
    }
    sql.append(" where t.deleted_at is null and " + guardian.readableScope().topicsUnhidden("t"));
    if (userId != null && source.authorId() == null) {
      // Topics by people the caller muted or blocked leave its lists, in SQL so pages stay full.
      sql.append(
          " and not exists (select 1 from user_ignores ui where ui.user_id = ? and ui.target_id = t.author_id)",
          userId);
      // Muted topics leave every list; topics of muted boards and groups leave the site-wide ones
      // (latest, tags, the home feed's cards) unless the topic has a level of its own.
      boolean siteWide = source.boardId() == null && source.groupId() == null;
      sql.append(
          " and not exists (select 1 from watches mw where mw.user_id = ? and mw.level = 'muted'"
              + " and ((mw.target_type = 'topic' and mw.target_id = t.id)"
              + (siteWide
                  ? " or (((mw.target_type = 'board' and mw.target_id = t.board_id)"
                      + " or (mw.target_type = 'group' and mw.target_id = t.group_id))"
                      + " and not exists (select 1 from watches ow where ow.user_id = mw.user_id"
                      + " and ow.target_type = 'topic' and ow.target_id = t.id))"
                  : "")
              + "))",
          userId);
    }
    return sql;
  }

  /**
   * Who may read what the source draws from (a group's own list was checked by the Guardian; an
   * author's list shows every topic of theirs the caller may read, in boards and groups).
   */
  private static String scopeFilter(Guardian guardian, Source source) {
    var scope = guardian.readableScope();
    if (source.boardId() != null) {
      return scope.boardsReadable("b");
    }
    if (source.groupId() != null) {
      return scope.groupContentReadable("g");
    }
    if (source.authorId() != null) {
      return scope.topicsReadable("t", "b", "g");
    }
    return scope.topicsListedSiteWide("t", "b", "g");
  }

  /** Regular items leave out what the pinned section shows. */
  private static Sql regularFilter(Source source) {
    if (source.authorId() != null) {
      return new Sql().append("t.author_id = ?", source.authorId());
    }
    if (source.boardId() != null) {
      return new Sql().append("t.board_id = ? and t.pinned = 'none'", source.boardId());
    }
    if (source.groupId() != null) {
      return new Sql().append("t.group_id = ? and t.pinned = 'none'", source.groupId());
    }
    if (source.tag() != null) {
      return new Sql().append("t.tags @> ? and t.pinned <> 'global'", List.of(source.tag()));
    }
    return new Sql().append("t.pinned <> 'global'");
  }

  private static Sql pinnedFilter(Source source) {
    if (source.authorId() != null) {
      return new Sql().append("false");
    }
    if (source.boardId() != null) {
      return new Sql().append("t.board_id = ? and t.pinned <> 'none'", source.boardId());
    }
    if (source.groupId() != null) {
      return new Sql().append("t.group_id = ? and t.pinned <> 'none'", source.groupId());
    }
    if (source.tag() != null) {
      return new Sql().append("t.tags @> ? and t.pinned = 'global'", List.of(source.tag()));
    }
    return new Sql().append("t.pinned = 'global'");
  }

  private static Object sortKey(ResultSet rs, Sort sort) throws SQLException {
    return switch (sort) {
      case LATEST, NEW -> Db.instant(rs, "sort_key");
      case TOP -> rs.getInt("sort_key");
      case HOT -> rs.getDouble("sort_key");
    };
  }

  private static Position decode(String cursor, Sort sort) {
    return Cursors.read(
        cursor,
        4,
        p -> {
          if (!p.get(0).equals(sort.wire())) {
            throw new IllegalArgumentException("cursor of another sort");
          }
          Object key =
              switch (sort) {
                case LATEST, NEW -> Cursors.instant(p.get(2));
                case TOP -> Integer.parseInt(p.get(2));
                case HOT -> Double.parseDouble(p.get(2));
              };
          return new Position(Cursors.instant(p.get(1)), key, Long.parseLong(p.get(3)));
        });
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String field, String value, E fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      allowed.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw ApiException.invalid(field, "enum", "must be one of " + String.join(", ", allowed));
  }

  private static TopicListItem listItem(ResultSet rs, boolean signedIn) throws SQLException {
    Integer lastRead = signedIn ? (Integer) rs.getObject("last_read_post_number") : null;
    String level = signedIn ? rs.getString("watch_level") : null;
    if (signedIn && level == null) {
      level = "normal";
    }
    // Unread counts are for topics one tracks or watches (directly or through its board or group).
    boolean counts = "tracking".equals(level) || "watching".equals(level);
    int highest = rs.getInt("highest_post_number");
    Instant created = Db.instant(rs, "created_at");
    return new TopicListItem(
        rs.getLong("id"),
        rs.getString("slug"),
        rs.getString("title"),
        boardRef(rs),
        groupRef(rs),
        Topic.tags(rs, "tags"),
        UserCard.read(rs, "a"),
        rs.getInt("reply_count"),
        rs.getInt("like_count"),
        rs.getLong("view_count"),
        highest,
        created,
        Db.instant(rs, "last_posted_at"),
        UserCard.read(rs, "lp"),
        rs.getString("pinned"),
        rs.getBoolean("locked"),
        rs.getBoolean("closed"),
        rs.getString("excerpt"),
        !signedIn ? null : lastRead == null || !counts ? 0 : Math.max(0, highest - lastRead),
        lastRead,
        !signedIn ? null : lastRead == null && created.isAfter(Instant.now().minus(NEW_FOR)),
        level);
  }

  private static GroupRef groupRef(ResultSet rs) throws SQLException {
    Long id = Db.nullableLong(rs, "g_id");
    return id == null
        ? null
        : new GroupRef(
            id, rs.getString("g_slug"), rs.getString("g_name"), rs.getString("g_visibility"));
  }

  private static BoardRef boardRef(ResultSet rs) throws SQLException {
    if (Db.nullableLong(rs, "b_id") == null) {
      return null;
    }
    return new BoardRef(
        rs.getLong("b_id"),
        rs.getString("b_slug"),
        rs.getString("b_name_zh"),
        rs.getString("b_name_en"),
        rs.getString("b_color"));
  }

  // ---- one topic ----------------------------------------------------------------------------

  /** GET /topics/{id}: 404 unless the caller may see it. */
  public TopicView view(Guardian guardian, long topicId) {
    Long userId = guardian.isSignedIn() ? guardian.actor().id() : null;
    record Row(
        Topic topic,
        UserCard author,
        int replyCount,
        int likeCount,
        long viewCount,
        Instant lastPostedAt,
        UserCard lastPoster,
        String excerpt,
        Integer lastRead,
        boolean announced) {}
    Row row =
        db.one(
                "select "
                    + Topic.COLUMNS
                    + ", t.excerpt, t.reply_count, t.like_count, t.view_count, t.last_posted_at, "
                    + UserCard.columns("a")
                    + ", "
                    + UserCard.columns("lp")
                    + ", tr.last_read_post_number, t.announced_at is not null as announced"
                    + Topic.FROM
                    + " join users a on a.id = t.author_id"
                    + " left join users lp on lp.id = t.last_poster_id"
                    + " left join topic_reads tr on tr.topic_id = t.id and tr.user_id = ?"
                    + " where t.id = ?",
                rs ->
                    new Row(
                        Topic.read(rs),
                        UserCard.read(rs, "a"),
                        rs.getInt("reply_count"),
                        rs.getInt("like_count"),
                        rs.getLong("view_count"),
                        Db.instant(rs, "last_posted_at"),
                        UserCard.read(rs, "lp"),
                        rs.getString("excerpt"),
                        (Integer) rs.getObject("last_read_post_number"),
                        rs.getBoolean("announced")),
                userId,
                topicId)
            .orElseThrow(() -> ApiException.notFound("Topic"));
    Topic topic = row.topic();
    guardian.ensureCanSee(topic);
    Board b = topic.board();
    return new TopicView(
        topic.id(),
        topic.slug(),
        topic.title(),
        b == null ? null : new BoardRef(b.id(), b.slug(), b.nameZh(), b.nameEn(), b.color()),
        topic.group() == null ? null : topic.group().ref(),
        topic.tags(),
        row.author(),
        row.replyCount(),
        row.likeCount(),
        row.viewCount(),
        topic.highestPostNumber(),
        topic.createdAt(),
        row.lastPostedAt(),
        row.lastPoster(),
        topic.pinned().wire(),
        topic.locked(),
        topic.closed(),
        topic.deleted(),
        row.excerpt(),
        row.lastRead(),
        row.announced(),
        new TopicView.Permissions(
            guardian.canReplyTo(topic),
            guardian.canEdit(topic),
            guardian.canDelete(topic),
            guardian.canModerate(topic),
            guardian.canMarkRead(topic),
            guardian.canAnnounce(topic)),
        posts.first(guardian, topic));
  }
}
