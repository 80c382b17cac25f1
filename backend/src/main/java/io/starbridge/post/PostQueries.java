package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.security.Guardian;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read model of posts: pages of a topic (flat in post-number order, or threaded), single posts and
 * revisions. Each page is one query; reactions by the caller and bookmarks are joined in.
 */
@Singleton
public class PostQueries {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final int MAX_DEPTH = 5;

  private static final String SELECT =
      "select "
          + Post.COLUMNS
          + ", p.cooked, p.raw, p.edited_at, p.revision_count, p.reaction_counts::text as reaction_counts, "
          + UserCard.columns("a")
          + ", rp.post_number as reply_number, ru.handle as reply_handle,"
          + " coalesce((select array_agg(r.kind) from post_reactions r where r.post_id = p.id and r.user_id = ?), '{}') as my_reactions,"
          + " exists (select 1 from bookmarks bm where bm.post_id = p.id and bm.user_id = ?) as bookmarked,"
          // Authors the caller muted or blocked: the post stays (thread integrity), collapsed.
          + " exists (select 1 from user_ignores ui where ui.user_id = ? and ui.target_id = p.author_id) as ignored";
  private static final String FROM =
      " from posts p"
          + " join users a on a.id = p.author_id"
          + " left join posts rp on rp.id = p.reply_to_post_id"
          + " left join users ru on ru.id = rp.author_id";

  private final Db db;
  private final ObjectMapper json;
  private final Posts posts;
  private final TopicLookup topics;

  PostQueries(Db db, ObjectMapper json, Posts posts, TopicLookup topics) {
    this.db = db;
    this.json = json;
    this.posts = posts;
    this.topics = topics;
  }

  /** The query parameters of GET /topics/{id}/posts, as sent. */
  public record PageParams(
      @Nullable String cursor,
      @Nullable Integer limit,
      @Nullable Integer near,
      @Nullable String view) {}

  /** GET /topics/{id}/posts. */
  public PostPage page(Guardian guardian, long topicId, PageParams params) {
    Topic topic = topics.require(topicId);
    guardian.ensureCanSee(topic);
    int limit = Cursors.limit(params.limit(), DEFAULT_LIMIT, MAX_LIMIT);
    if (params.view() == null || params.view().equals("flat")) {
      return flat(guardian, topic, params, limit);
    }
    if (!params.view().equals("tree")) {
      throw ApiException.invalid("view", "enum", "must be flat or tree");
    }
    if (params.near() != null) {
      throw ApiException.invalid("near", "view", "works with the flat view only");
    }
    return tree(guardian, topic, params.cursor(), limit);
  }

  private PostPage flat(Guardian guardian, Topic topic, PageParams params, int limit) {
    Long me = me(guardian);
    Sql sql =
        new Sql()
            .append(SELECT, me, me, me)
            .append(FROM)
            .append(" where p.topic_id = ?", topic.id());
    boolean backwards = false;
    if (params.cursor() != null) {
      if (params.near() != null) {
        throw ApiException.invalid("near", "cursor", "cannot be combined with cursor");
      }
      record Pos(boolean before, int number) {}
      Pos pos =
          Cursors.read(
              params.cursor(),
              2,
              p -> {
                if (!p.get(0).equals("a") && !p.get(0).equals("b")) {
                  throw new IllegalArgumentException();
                }
                return new Pos(p.get(0).equals("b"), Integer.parseInt(p.get(1)));
              });
      backwards = pos.before();
      sql.append(backwards ? " and p.post_number < ?" : " and p.post_number > ?", pos.number());
    } else if (params.near() != null) {
      sql.append(" and p.post_number >= ?", Math.max(1, params.near()));
    }
    sql.append(backwards ? " order by p.post_number desc" : " order by p.post_number")
        .append(" limit ?", limit);
    List<PostView> items =
        new ArrayList<>(
            db.list(sql.text(), rs -> view(rs, guardian, topic, false, null), sql.params()));
    if (backwards) {
      Collections.reverse(items);
    }
    // Post numbers have no gaps (posts are only soft-deleted), so the ends of the topic are known.
    String next = null;
    String prev = null;
    if (!items.isEmpty()) {
      int first = items.get(0).postNumber();
      int last = items.get(items.size() - 1).postNumber();
      next = last < topic.highestPostNumber() ? Cursors.encode("a", last) : null;
      prev = first > 1 ? Cursors.encode("b", first) : null;
    }
    return new PostPage(items, next, prev);
  }

  /**
   * The threaded view: depth-first from the first post; a post without {@code replyTo} answers the
   * first post. Depth is capped at {@value #MAX_DEPTH} for display, the order is not.
   */
  private PostPage tree(Guardian guardian, Topic topic, String cursor, int limit) {
    Long me = me(guardian);
    List<Integer> after =
        cursor == null
            ? null
            : Cursors.read(
                cursor,
                2,
                p -> {
                  if (!p.get(0).equals("t")) {
                    throw new IllegalArgumentException();
                  }
                  return Arrays.stream(p.get(1).split("\\.")).map(Integer::valueOf).toList();
                });
    Sql sql =
        new Sql()
            .append(
                """
                with recursive root as (select id from posts where topic_id = ? and post_number = 1),
                tree (id, path, depth) as (
                  select root.id, array[1], 0 from root
                  union all
                  select c.id, tree.path || c.post_number, tree.depth + 1
                    from tree
                    join posts c on c.topic_id = ? and c.post_number > 1
                                and coalesce(c.reply_to_post_id, (select id from root)) = tree.id
                )
                """,
                topic.id(),
                topic.id())
            .append(SELECT, me, me, me)
            .append(
                ", least(tree.depth, ?) as depth, array_to_string(tree.path, '.') as path",
                MAX_DEPTH)
            .append(FROM)
            .append(" join tree on tree.id = p.id");
    if (after != null) {
      sql.append(" where tree.path > ?::int[]", after);
    }
    sql.append(" order by tree.path limit ?", limit + 1);
    record Row(PostView view, String path) {}
    List<Row> rows =
        db.list(
            sql.text(),
            rs ->
                new Row(view(rs, guardian, topic, false, rs.getInt("depth")), rs.getString("path")),
            sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = Cursors.encode("t", rows.get(limit - 1).path());
    }
    return new PostPage(rows.stream().map(Row::view).toList(), next, null);
  }

  /** The first post of a topic, for the topic view. */
  public PostView first(Guardian guardian, Topic topic) {
    Long me = me(guardian);
    return db.one(
            SELECT + FROM + " where p.topic_id = ? and p.post_number = 1",
            rs -> view(rs, guardian, topic, false, null),
            me,
            me,
            me,
            topic.id())
        .orElseThrow(() -> ApiException.notFound("Post"));
  }

  /** GET /posts/{id}: one post with its raw Markdown (for editing and quoting). */
  public PostView one(Guardian guardian, long postId) {
    Post post = posts.require(postId);
    Topic topic = topics.require(post.topicId());
    guardian.ensureCanSee(post, topic);
    return view(guardian, topic, postId);
  }

  /** One post, seen by an actor already allowed to see it. */
  PostView view(Guardian guardian, Topic topic, long postId) {
    Long me = me(guardian);
    return db.one(
            SELECT + FROM + " where p.id = ?",
            rs -> view(rs, guardian, topic, true, null),
            me,
            me,
            me,
            postId)
        .orElseThrow(() -> ApiException.notFound("Post"));
  }

  /** GET /posts/{id}/revisions: every version of the text, newest first. */
  public Page<RevisionView> revisions(Guardian guardian, long postId) {
    Post post = posts.require(postId);
    Topic topic = topics.require(post.topicId());
    guardian.ensureCanSeeRevisions(post, topic);
    record Version(String raw, String cooked, UserCard by, String reason, Instant at) {}
    // The post row (as version "0") and its revision rows in order; each revision row holds the
    // text before an edit, and the edit's author, reason and time.
    List<Version> rows =
        db.list(
            """
            select * from (
              select 0 as n, p.raw, p.cooked, null as reason, p.created_at as at, %s
                from posts p join users a on a.id = p.author_id where p.id = ?
              union all
              select r.number, r.raw, r.cooked, r.reason, r.created_at, %s
                from post_revisions r join users a on a.id = r.editor_id where r.post_id = ?
            ) v order by n
            """
                .formatted(UserCard.columns("a"), UserCard.columns("a")),
            rs ->
                new Version(
                    rs.getString("raw"),
                    rs.getString("cooked"),
                    UserCard.read(rs, "a"),
                    rs.getString("reason"),
                    Db.instant(rs, "at")),
            postId,
            postId);
    Version current = rows.get(0);
    List<Version> revs = rows.subList(1, rows.size());
    List<RevisionView> out = new ArrayList<>();
    int n = revs.size();
    for (int v = 1; v <= n + 1; v++) {
      // Version v's text is revision v's "before" text, or the post's own for the newest; it
      // was written by the edit before it (revision v-1), or by the author for version 1.
      Version text = v <= n ? revs.get(v - 1) : current;
      Version madeBy = v == 1 ? current : revs.get(v - 2);
      out.add(
          new RevisionView(
              v,
              text.raw(),
              text.cooked(),
              madeBy.by(),
              v == 1 ? null : madeBy.reason(),
              v == 1 ? post.createdAt() : madeBy.at(),
              v == n + 1));
    }
    Collections.reverse(out);
    return new Page<>(out, null);
  }

  /** A post's reaction counts as the caller sees them (after a reaction changed). */
  List<PostView.Reaction> reactions(io.starbridge.security.Actor actor, long postId) {
    return db.one(
            """
            select p.reaction_counts::text as reaction_counts,
                   coalesce((select array_agg(r.kind) from post_reactions r where r.post_id = p.id and r.user_id = ?), '{}') as my_reactions
              from posts p where p.id = ?
            """,
            rs -> reactions(rs.getString("reaction_counts"), rs.getArray("my_reactions")),
            actor.id(),
            postId)
        .orElseThrow(() -> ApiException.notFound("Post"));
  }

  /** Who reacted, per kind: the counts and the first {@code perKind} members (earliest first). */
  @io.micronaut.serde.annotation.Serdeable
  public record Reactors(String kind, int count, List<UserCard> users) {}

  /** GET /posts/{id}/reactions. */
  public Page<Reactors> reactors(Guardian guardian, long postId, int perKind) {
    Post post = posts.require(postId);
    Topic topic = topics.require(post.topicId());
    guardian.ensureCanSee(post, topic);
    record Row(String kind, int count, UserCard user) {}
    List<Row> rows =
        db.list(
            """
            select x.kind, x.total, %s
              from (select r.kind, r.user_id, r.created_at,
                           row_number() over (partition by r.kind order by r.created_at, r.user_id) as n,
                           count(*) over (partition by r.kind) as total
                      from post_reactions r where r.post_id = ?) x
              join users u on u.id = x.user_id
             where x.n <= ?
             order by x.kind, x.n
            """
                .formatted(UserCard.columns("u")),
            rs -> new Row(rs.getString("kind"), rs.getInt("total"), UserCard.read(rs, "u")),
            postId,
            perKind);
    List<Reactors> out = new ArrayList<>();
    for (ReactionKind kind : ReactionKind.values()) {
      List<Row> ofKind = rows.stream().filter(r -> r.kind().equals(kind.wire())).toList();
      if (!ofKind.isEmpty()) {
        out.add(
            new Reactors(
                kind.wire(), ofKind.get(0).count(), ofKind.stream().map(Row::user).toList()));
      }
    }
    return new Page<>(out, null);
  }

  private static Long me(Guardian guardian) {
    return guardian.isSignedIn() ? guardian.actor().id() : null;
  }

  private PostView view(
      ResultSet rs, Guardian guardian, Topic topic, boolean withRaw, Integer depth)
      throws SQLException {
    Post post = Post.read(rs);
    boolean showBody = guardian.canSeeBody(post, topic);
    Long replyNumber = Db.nullableLong(rs, "reply_number");
    return new PostView(
        post.id(),
        post.topicId(),
        post.postNumber(),
        UserCard.read(rs, "a"),
        withRaw && showBody ? rs.getString("raw") : null,
        showBody ? rs.getString("cooked") : null,
        replyNumber == null
            ? null
            : new PostView.ReplyTo(
                post.replyToPostId(), replyNumber.intValue(), rs.getString("reply_handle")),
        post.createdAt(),
        Db.instant(rs, "edited_at"),
        rs.getInt("revision_count"),
        reactions(rs.getString("reaction_counts"), rs.getArray("my_reactions")),
        rs.getBoolean("bookmarked"),
        post.deleted(),
        rs.getBoolean("ignored"),
        post.hidden(),
        post.hidden() && showBody ? post.hiddenReason() : null,
        depth,
        new PostView.Permissions(
            guardian.canEdit(post, topic),
            guardian.canDelete(post, topic),
            guardian.canRestore(post, topic),
            guardian.canReplyTo(post, topic),
            guardian.canReact(post, topic),
            guardian.canBookmark(post, topic)));
  }

  private List<PostView.Reaction> reactions(String countsJson, java.sql.Array mine)
      throws SQLException {
    Map<String, Integer> counts;
    try {
      counts = json.readValue(countsJson, Argument.mapOf(String.class, Integer.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> reacted = new HashSet<>(Arrays.asList((String[]) mine.getArray()));
    List<PostView.Reaction> out = new ArrayList<>();
    for (ReactionKind kind : ReactionKind.values()) {
      int count = counts.getOrDefault(kind.wire(), 0);
      if (count > 0) {
        out.add(new PostView.Reaction(kind.wire(), count, reacted.contains(kind.wire())));
      }
    }
    return out;
  }
}
