package io.starbridge.post;

import io.micronaut.core.annotation.Nullable;
import io.starbridge.account.UserCard;
import io.starbridge.common.ApiException;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.common.Sql;
import io.starbridge.common.Texts;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import io.starbridge.work.WorkBookmarks;
import io.starbridge.work.WorkView;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Private bookmarks on posts with an optional note: set, remove, and the caller's list (newest
 * first, with the works the caller bookmarked, see {@link WorkBookmarks}), which shows only posts
 * and works the caller may still see (a member who leaves a restricted group no longer sees
 * bookmarks into it). Bookmarks announce nothing: nobody else reacts.
 */
@Singleton
public class Bookmarks {
  static final int NOTE_MAX = 500;
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Db db;
  private final Posts posts;
  private final TopicLookup topics;
  private final Guardians guardians;
  private final WorkBookmarks workBookmarks;

  Bookmarks(
      Db db, Posts posts, TopicLookup topics, Guardians guardians, WorkBookmarks workBookmarks) {
    this.workBookmarks = workBookmarks;
    this.db = db;
    this.posts = posts;
    this.topics = topics;
    this.guardians = guardians;
  }

  /** PUT /posts/{id}/bookmark: creates or replaces the note. */
  @Transactional
  public void put(Actor actor, long postId, @Nullable String rawNote) {
    Post post = posts.require(postId);
    Topic topic = topics.require(post.topicId());
    guardians.of(actor).ensureCanBookmark(post, topic);
    String note = rawNote == null ? null : Texts.clean(rawNote);
    if (note != null && (Texts.length(note) > NOTE_MAX || Texts.hasForbiddenControlChars(note))) {
      throw ApiException.invalid(
          "note",
          "length",
          "must be at most " + NOTE_MAX + " characters without control characters");
    }
    db.update(
        """
        insert into bookmarks (user_id, post_id, note) values (?, ?, ?)
        on conflict (user_id, post_id) do update set note = excluded.note
        """,
        actor.id(),
        postId,
        note == null || note.isEmpty() ? null : note);
  }

  /** DELETE /posts/{id}/bookmark: idempotent; a bookmark on a post gone from view can still go. */
  @Transactional
  public void remove(Actor actor, long postId) {
    guardians.of(actor).ensureSignedIn();
    db.update("delete from bookmarks where user_id = ? and post_id = ?", actor.id(), postId);
  }

  /**
   * GET /me/bookmarks: posts and works the caller bookmarked, newest first, only those the caller
   * may still read. {@code kind} keeps one of them; {@code tag} keeps works bookmarked with that
   * tag (ignoring case).
   */
  public Page<BookmarkView> mine(
      Actor actor,
      @Nullable String kind,
      @Nullable String tag,
      @Nullable String cursor,
      @Nullable Integer limitParam) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    if (kind != null && !kind.equals("post") && !kind.equals("work")) {
      throw ApiException.invalid("kind", "invalid", "must be post or work");
    }
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    var scope = guardian.readableScope();
    boolean withPosts = (kind == null || kind.equals("post")) && (tag == null || tag.isBlank());
    boolean withWorks = kind == null || kind.equals("work");
    if (!withPosts && !withWorks) {
      // Posts carry no tags: kind=post with a tag matches nothing.
      return new Page<>(List.of(), null);
    }
    Sql sql = new Sql().append("select kind, id, created_at from (");
    if (withPosts) {
      sql.append(
              "select 'post' as kind, bm.post_id as id, bm.created_at from bookmarks bm"
                  + " join posts p on p.id = bm.post_id join topics t on t.id = p.topic_id"
                  + " left join boards b on b.id = t.board_id left join groups g on g.id = t.group_id"
                  + " where bm.user_id = ?",
              actor.id())
          .append(" and " + visible(scope));
    }
    if (withWorks) {
      if (withPosts) {
        sql.append(" union all ");
      }
      sql.append(
          "select 'work' as kind, wb.work_id as id, wb.created_at from work_bookmarks wb"
              + " join works w on w.id = wb.work_id where wb.user_id = ? and "
              + guardian.worksReadable("w"),
          actor.id());
      if (tag != null && !tag.isBlank()) {
        sql.append(
            " and exists (select 1 from unnest(wb.tags) bt where lower(bt) = lower(?))",
            Texts.clean(tag));
      }
    }
    sql.append(") x where true");
    if (cursor != null) {
      record Pos(Instant at, String kind, long id) {}
      Pos pos =
          Cursors.read(
              cursor,
              3,
              p -> new Pos(Cursors.instant(p.get(0)), p.get(1), Long.parseLong(p.get(2))));
      sql.append(" and (created_at, kind, id) < (?, ?, ?)", pos.at(), pos.kind(), pos.id());
    }
    sql.append(" order by created_at desc, kind desc, id desc limit ?", limit + 1);
    record Key(String kind, long id, Instant at) {}
    List<Key> keys =
        db.list(
            sql.text(),
            rs -> new Key(rs.getString("kind"), rs.getLong("id"), Db.instant(rs, "created_at")),
            sql.params());
    String next = null;
    if (keys.size() > limit) {
      keys = keys.subList(0, limit);
      Key last = keys.get(limit - 1);
      next = Cursors.encode(last.at(), last.kind(), last.id());
    }
    Map<Long, BookmarkView> postViews =
        postBookmarks(
            actor, scope, keys.stream().filter(k -> k.kind().equals("post")).map(Key::id).toList());
    Map<Long, WorkView.SavedWork> workViews =
        workBookmarks.saved(
            actor, keys.stream().filter(k -> k.kind().equals("work")).map(Key::id).toList());
    List<BookmarkView> items = new ArrayList<>();
    for (Key k : keys) {
      if (k.kind().equals("post")) {
        BookmarkView v = postViews.get(k.id());
        if (v != null) {
          items.add(v);
        }
      } else {
        WorkView.SavedWork w = workViews.get(k.id());
        if (w != null) {
          items.add(
              new BookmarkView(
                  "work",
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  w.bookmark().note(),
                  w.bookmark().createdAt(),
                  w));
        }
      }
    }
    return new Page<>(items, next);
  }

  private static String visible(io.starbridge.security.AccessScope scope) {
    return scope.topicsReadable("t", "b", "g")
        + " and "
        + scope.topicsVisible("t")
        + " and "
        + scope.postBodiesVisible("p")
        + " and "
        + scope.topicsUnhidden("t")
        + " and "
        + scope.postsUnhidden("p");
  }

  private Map<Long, BookmarkView> postBookmarks(
      Actor actor, io.starbridge.security.AccessScope scope, List<Long> postIds) {
    if (postIds.isEmpty()) {
      return Map.of();
    }
    Sql sql =
        new Sql()
            .append(
                "select bm.post_id, bm.note, bm.created_at, p.post_number, p.topic_id, left(p.plain_text, 400) as plain_text, t.slug, t.title, ")
            .append(UserCard.columns("a"))
            .append(" from bookmarks bm")
            .append(" join posts p on p.id = bm.post_id")
            .append(" join topics t on t.id = p.topic_id")
            .append(" left join boards b on b.id = t.board_id")
            .append(" left join groups g on g.id = t.group_id")
            .append(" join users a on a.id = p.author_id")
            .append(" where bm.user_id = ? and bm.post_id = any (?)", actor.id(), postIds)
            .append(" and " + visible(scope));
    Map<Long, BookmarkView> out = new HashMap<>();
    db.list(
            sql.text(),
            rs ->
                new BookmarkView(
                    "post",
                    rs.getLong("post_id"),
                    rs.getInt("post_number"),
                    rs.getLong("topic_id"),
                    rs.getString("slug"),
                    rs.getString("title"),
                    UserCard.read(rs, "a"),
                    Texts.excerpt(rs.getString("plain_text"), 200),
                    rs.getString("note"),
                    Db.instant(rs, "created_at"),
                    null),
            sql.params())
        .forEach(v -> out.put(v.postId(), v));
    return out;
  }
}
