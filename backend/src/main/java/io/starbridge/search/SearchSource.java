package io.starbridge.search;

import io.starbridge.common.Db;
import io.starbridge.work.WorkBuckets;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the index holds from PostgreSQL: topics (title + first post), replies and users. Both
 * the outbox consumer (by id) and the rebuild (by id ranges) use it, so applying an event means
 * "read the current row again": idempotent, whatever order events arrive in. A deleted topic or
 * post, or a deleted user, is simply absent here and leaves the index.
 */
@Singleton
public class SearchSource {
  private final Db db;
  private volatile Boolean profileColumns;

  public SearchSource(Db db) {
    this.db = db;
  }

  /** Where a topic lives: its board or its group (exactly one), with what decides access. */
  private static final String PLACE_COLUMNS =
      " t.board_id, b.slug as board_slug, b.read_access, b.min_read_trust,"
          + " t.group_id, g.slug as group_slug, g.visibility";

  private static final String PLACE_JOINS =
      " left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id";

  private static final String TOPIC_SELECT =
      "select t.id, t.title, t.slug, t.tags, t.created_at, t.author_id, u.handle,"
          + PLACE_COLUMNS
          + ", p.plain_text from topics t"
          + PLACE_JOINS
          + " join users u on u.id = t.author_id"
          + " join posts p on p.topic_id = t.id and p.post_number = 1"
          + " where t.deleted_at is null and p.deleted_at is null and g.deleted_at is null"
          + " and t.hidden_at is null and p.hidden_at is null and ";

  private static final String POST_SELECT =
      "select p.id, p.plain_text, p.post_number, p.created_at, p.author_id, u.handle, t.id as topic_id,"
          + " t.slug, t.tags,"
          + PLACE_COLUMNS
          + " from posts p join topics t on t.id = p.topic_id"
          + PLACE_JOINS
          + " join users u on u.id = p.author_id"
          + " where p.post_number > 1 and p.deleted_at is null and t.deleted_at is null"
          + " and g.deleted_at is null and p.hidden_at is null and t.hidden_at is null and ";

  private static final String GROUP_SELECT =
      "select g.id, g.slug, g.name, g.description, g.visibility, g.created_at, g.created_by,"
          + " array_to_string(g.fields || g.disciplines, ' ') as words"
          + " from groups g where g.deleted_at is null and ";

  /**
   * Works readers can find: not deleted, not a draft, and not a translation still waiting for (or
   * refused) the original's permission. One document per work: title, summary and tags, then the
   * text of every published chapter in order (see {@link SearchFields#MAX_WORK_BODY}).
   */
  private static final String WORK_SELECT =
      "select w.id, w.title, w.summary, w.all_tags as tags, w.visibility,"
          + " w.type, w.language, w.genres, w.rating, w.status, w.word_count, w.hits,"
          + " w.kudos_count, w.bookmark_count,"
          + " array(select r.medium || case when r.language <> '' then ':' || r.language else ''"
          + " end from work_rights r where r.work_id = w.id and r.status = 'available'"
          + " order by 1) as available,"
          + " coalesce(w.published_at, w.created_at) as created_at, o.user_id as owner_id,"
          + " u.handle,"
          + " (select string_agg(concat_ws(E'\\n', nullif(c.title, ''), c.body), E'\\n\\n'"
          + " order by c.position) from chapters c where c.work_id = w.id"
          + " and c.published_at is not null and c.deleted_at is null) as chapters"
          + " from works w"
          + " left join work_authors o on o.work_id = w.id and o.role = 'owner'"
          + " left join users u on u.id = o.user_id"
          + " where w.deleted_at is null and w.visibility in ('public', 'signed_in')"
          + " and (w.translation_of is null or w.translation_state = 'granted') and ";

  private String userSelect() {
    String extra = hasProfileColumns() ? ", u.bio, array_to_string(u.fields, ' ') as fields" : "";
    return "select u.id, u.handle, u.display_name, u.created_at"
        + extra
        + " from users u where u.deleted_at is null and u.status <> 'deleted' and ";
  }

  /** The people helper's profile columns, when their migration has run. */
  boolean hasProfileColumns() {
    if (profileColumns == null) {
      profileColumns =
          db.count(
                  "select count(*) from information_schema.columns where table_schema = current_schema()"
                      + " and table_name = 'users' and column_name in ('bio', 'fields')")
              == 2;
    }
    return profileColumns;
  }

  /** One page of a rebuild: the documents, and the highest id looked at (null: no more rows). */
  public record Chunk(List<SearchDoc> docs, Long lastId) {}

  /**
   * The next id range of {@code table} ({@code limit} rows after {@code afterId}), then its rows
   * with the numbers written into the SQL: connections plan prepared statements generically, and a
   * generic plan for "id > $1 order by id limit $2" over joined tables may read every row for each
   * page; a literal primary-key range is walked by index. Only Java numbers are spliced in.
   */
  private Chunk chunk(
      String table,
      String alias,
      String select,
      Db.RowMapper<SearchDoc> mapper,
      long afterId,
      int limit) {
    Db.checkAlias(table);
    Db.checkAlias(alias);
    Long last =
        db.one(
                "select max(id) from (select id from "
                    + table
                    + " where id > "
                    + afterId
                    + " order by id limit "
                    + limit
                    + ") page",
                rs -> Db.nullableLong(rs, "max"))
            .orElse(null);
    if (last == null) {
      return new Chunk(List.of(), null);
    }
    // The id range is read first (materialized), then joined: the planner cannot start from the
    // joined tables on a misestimate (an unanalyzed groups table made it scan all topics per page).
    String range =
        "with "
            + alias
            + " as materialized (select * from "
            + table
            + " where id > "
            + afterId
            + " and id <= "
            + last
            + ") ";
    return new Chunk(
        db.list(
            range + select.replace(" from " + table + " " + alias, " from " + alias) + "true",
            mapper),
        last);
  }

  private static String after(String alias, long afterId, int limit) {
    Db.checkAlias(alias);
    return alias + ".id > " + afterId + " order by " + alias + ".id limit " + limit;
  }

  public List<SearchDoc> topics(Collection<Long> ids) {
    return db.list(
        TOPIC_SELECT + "t.id in (select unnest(?::bigint[]))",
        SearchSource::topic,
        List.copyOf(ids));
  }

  public Chunk topicsAfter(long afterId, int limit) {
    return chunk("topics", "t", TOPIC_SELECT, SearchSource::topic, afterId, limit);
  }

  public List<SearchDoc> posts(Collection<Long> ids) {
    return db.list(
        POST_SELECT + "p.id in (select unnest(?::bigint[]))", SearchSource::post, List.copyOf(ids));
  }

  public Chunk postsAfter(long afterId, int limit) {
    return chunk("posts", "p", POST_SELECT, SearchSource::post, afterId, limit);
  }

  public List<SearchDoc> groups(Collection<Long> ids) {
    return db.list(
        GROUP_SELECT + "g.id in (select unnest(?::bigint[]))",
        SearchSource::group,
        List.copyOf(ids));
  }

  public Chunk groupsAfter(long afterId, int limit) {
    return chunk("groups", "g", GROUP_SELECT, SearchSource::group, afterId, limit);
  }

  /** Topic ids of a group, keyset-paged. */
  public List<Long> topicIdsOfGroup(long groupId, long afterId, int limit) {
    return db.list(
        "select id from topics where group_id = "
            + groupId
            + " and "
            + after("topics", afterId, limit),
        rs -> rs.getLong(1));
  }

  public List<SearchDoc> works(Collection<Long> ids) {
    return db.list(
        WORK_SELECT + "w.id in (select unnest(?::bigint[]))", SearchSource::work, List.copyOf(ids));
  }

  public Chunk worksAfter(long afterId, int limit) {
    return chunk("works", "w", WORK_SELECT, SearchSource::work, afterId, limit);
  }

  /** The works of the given chapters (deleted chapters included). */
  public List<Long> worksOfChapters(Collection<Long> chapterIds) {
    return db.list(
        "select distinct work_id from chapters where id = any(?)",
        rs -> rs.getLong(1),
        List.copyOf(chapterIds));
  }

  public List<SearchDoc> users(Collection<Long> ids) {
    return db.list(
        userSelect() + "u.id in (select unnest(?::bigint[]))", this::user, List.copyOf(ids));
  }

  public Chunk usersAfter(long afterId, int limit) {
    return chunk("users", "u", userSelect(), this::user, afterId, limit);
  }

  /** Ids of every post (replies and first posts) of the given topics. */
  public List<Long> postIdsOfTopics(Collection<Long> topicIds) {
    return db.list(
        "select id from posts where topic_id = any(?)", rs -> rs.getLong(1), List.copyOf(topicIds));
  }

  /** Topic ids of a board, keyset-paged. */
  public List<Long> topicIdsOfBoard(long boardId, long afterId, int limit) {
    return db.list(
        "select id from topics where board_id = "
            + boardId
            + " and "
            + after("topics", afterId, limit),
        rs -> rs.getLong(1));
  }

  /** The topics whose first post is among {@code postIds}. */
  public List<Long> topicsOfFirstPosts(Collection<Long> postIds) {
    return db.list(
        "select topic_id from posts where id = any(?) and post_number = 1",
        rs -> rs.getLong(1),
        List.copyOf(postIds));
  }

  public long count(String table) {
    return switch (table) {
      case "topics" -> db.count("select count(*) from topics where deleted_at is null");
      case "posts" -> db.count("select count(*) from posts where post_number > 1");
      case "users" -> db.count("select count(*) from users where deleted_at is null");
      case "groups" -> db.count("select count(*) from groups where deleted_at is null");
      case "works" -> db.count("select count(*) from works where deleted_at is null");
      default -> throw new IllegalArgumentException(table);
    };
  }

  private static List<String> tags(ResultSet rs) throws SQLException {
    Array a = rs.getArray("tags");
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  private static SearchDoc topic(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new SearchDoc(
        "topic",
        id,
        rs.getString("title"),
        rs.getString("plain_text"),
        tags(rs),
        Db.nullableLong(rs, "board_id"),
        rs.getString("board_slug"),
        Db.nullableLong(rs, "group_id"),
        rs.getString("group_slug"),
        rs.getLong("author_id"),
        rs.getString("handle"),
        id,
        rs.getString("slug"),
        null,
        null,
        Db.instant(rs, "created_at"),
        Set.of(placeToken(rs)));
  }

  private static SearchDoc post(ResultSet rs) throws SQLException {
    return new SearchDoc(
        "post",
        rs.getLong("id"),
        "",
        rs.getString("plain_text"),
        tags(rs),
        Db.nullableLong(rs, "board_id"),
        rs.getString("board_slug"),
        Db.nullableLong(rs, "group_id"),
        rs.getString("group_slug"),
        rs.getLong("author_id"),
        rs.getString("handle"),
        rs.getLong("topic_id"),
        rs.getString("slug"),
        rs.getInt("post_number"),
        null,
        Db.instant(rs, "created_at"),
        Set.of(placeToken(rs)));
  }

  private static String placeToken(ResultSet rs) throws SQLException {
    Long group = Db.nullableLong(rs, "group_id");
    if (group != null) {
      return AccessTokens.group(group, rs.getString("visibility"));
    }
    return AccessTokens.board(rs.getString("read_access"), rs.getInt("min_read_trust"));
  }

  private static SearchDoc group(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    String visibility = rs.getString("visibility");
    String words = rs.getString("words");
    return new SearchDoc(
        "group",
        id,
        rs.getString("name"),
        (rs.getString("description") + "\n" + (words == null ? "" : words)).trim(),
        List.of(),
        null,
        null,
        id,
        rs.getString("slug"),
        rs.getLong("created_by"),
        null,
        null,
        null,
        null,
        rs.getString("slug"),
        Db.instant(rs, "created_at"),
        // The about page of public and restricted groups is for everyone; secret ones only for
        // members.
        Set.of(AccessTokens.groupAbout(id, visibility)));
  }

  private static SearchDoc work(ResultSet rs) throws SQLException {
    String summary = rs.getString("summary");
    String chapters = rs.getString("chapters");
    String body =
        ((summary == null ? "" : summary) + "\n\n" + (chapters == null ? "" : chapters)).trim();
    return new SearchDoc(
        "work",
        rs.getLong("id"),
        rs.getString("title"),
        body,
        tags(rs),
        null,
        null,
        null,
        null,
        Db.nullableLong(rs, "owner_id"),
        rs.getString("handle"),
        null,
        null,
        null,
        null,
        Db.instant(rs, "created_at"),
        Set.of(AccessTokens.work(rs.getString("visibility"))),
        workFacets(rs));
  }

  /**
   * The catalogue facets of a work row: available media (a translation right also under {@code
   * translation:<language>}), type, genres, language, length and popularity buckets ({@link
   * WorkBuckets}), rating, status.
   */
  private static WorkFacets workFacets(ResultSet rs) throws SQLException {
    Map<String, List<String>> dims = new LinkedHashMap<>();
    Set<String> media = new LinkedHashSet<>();
    Array available = rs.getArray("available");
    for (String right : available == null ? new String[0] : (String[]) available.getArray()) {
      int colon = right.indexOf(':');
      media.add(colon < 0 ? right : right.substring(0, colon));
      media.add(right);
    }
    dims.put("medium", List.copyOf(media));
    dims.put("type", List.of(rs.getString("type")));
    Array genres = rs.getArray("genres");
    dims.put(
        "genre",
        genres == null
            ? List.of()
            : Arrays.stream((String[]) genres.getArray()).distinct().toList());
    dims.put("language", List.of(rs.getString("language")));
    dims.put("length", List.of(WorkBuckets.length(rs.getLong("word_count"))));
    dims.put("rating", List.of(rs.getString("rating")));
    dims.put("status", List.of(rs.getString("status")));
    long score =
        WorkBuckets.popularityScore(
            rs.getLong("hits"), rs.getLong("kudos_count"), rs.getLong("bookmark_count"));
    dims.put("popularity", List.of(WorkBuckets.popularity(score)));
    return new WorkFacets(dims, !media.isEmpty(), score);
  }

  private SearchDoc user(ResultSet rs) throws SQLException {
    String body = "";
    if (hasProfileColumns()) {
      String bio = rs.getString("bio");
      String fields = rs.getString("fields");
      body = ((bio == null ? "" : bio) + "\n" + (fields == null ? "" : fields)).trim();
    }
    long id = rs.getLong("id");
    return new SearchDoc(
        "user",
        id,
        rs.getString("display_name"),
        body,
        List.of(),
        null,
        null,
        null,
        null,
        id,
        rs.getString("handle"),
        null,
        null,
        null,
        rs.getString("handle"),
        Db.instant(rs, "created_at"),
        Set.of(AccessTokens.PUBLIC));
  }
}
