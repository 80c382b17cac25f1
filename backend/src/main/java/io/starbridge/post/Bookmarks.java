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
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Private bookmarks with an optional note: set, remove, and the caller's list (newest first), which
 * shows only posts the caller may still see (a member who leaves a restricted group no longer sees
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

  Bookmarks(Db db, Posts posts, TopicLookup topics, Guardians guardians) {
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

  /** GET /me/bookmarks. */
  public Page<BookmarkView> mine(
      Actor actor, @Nullable String cursor, @Nullable Integer limitParam) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    int limit = Cursors.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    var scope = guardian.readableScope();
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
            .append(" where bm.user_id = ?", actor.id())
            .append(
                " and "
                    + scope.topicsReadable("t", "b", "g")
                    + " and "
                    + scope.topicsVisible("t")
                    + " and "
                    + scope.postBodiesVisible("p")
                    + " and "
                    + scope.topicsUnhidden("t")
                    + " and "
                    + scope.postsUnhidden("p"));
    if (cursor != null) {
      record Pos(Instant at, long postId) {}
      Pos pos =
          Cursors.read(
              cursor, 2, p -> new Pos(Cursors.instant(p.get(0)), Long.parseLong(p.get(1))));
      sql.append(" and (bm.created_at, bm.post_id) < (?, ?)", pos.at(), pos.postId());
    }
    sql.append(" order by bm.created_at desc, bm.post_id desc limit ?", limit + 1);
    List<BookmarkView> rows =
        db.list(
            sql.text(),
            rs ->
                new BookmarkView(
                    rs.getLong("post_id"),
                    rs.getInt("post_number"),
                    rs.getLong("topic_id"),
                    rs.getString("slug"),
                    rs.getString("title"),
                    UserCard.read(rs, "a"),
                    Texts.excerpt(rs.getString("plain_text"), 200),
                    rs.getString("note"),
                    Db.instant(rs, "created_at")),
            sql.params());
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      BookmarkView last = rows.get(limit - 1);
      next = Cursors.encode(last.createdAt(), last.postId());
    }
    return new Page<>(rows, next);
  }
}
