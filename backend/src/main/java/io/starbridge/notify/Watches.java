package io.starbridge.notify;

import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.board.Board;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.group.Group;
import io.starbridge.group.GroupLookup;
import io.starbridge.security.Guardian;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Watch levels per topic, board or group: {@code watching} (every reply, or every new topic of a
 * board or group, notifies), {@code tracking} (no notifications beyond the direct ones; the SPA may
 * show unread counts), {@code normal} (no row: replies to me, mentions, quotes only) and {@code
 * muted} (nothing from there at all).
 */
@Singleton
class Watches {
  static final Set<String> LEVELS = Set.of("watching", "tracking", "normal", "muted");

  private final Db db;
  private final TopicLookup topics;
  private final BoardQueries boards;
  private final GroupLookup groups;

  Watches(Db db, TopicLookup topics, BoardQueries boards, GroupLookup groups) {
    this.db = db;
    this.topics = topics;
    this.boards = boards;
    this.groups = groups;
  }

  @Serdeable
  record Level(String level) {}

  long topic(Guardian g, long id) {
    Topic t = topics.find(id).filter(x -> !x.deleted() && g.canSee(x)).orElse(null);
    if (t == null) {
      throw ApiException.notFound("Topic");
    }
    return t.id();
  }

  long board(Guardian g, String slug) {
    Board b = boards.bySlug(slug).filter(g::canSee).orElse(null);
    if (b == null) {
      throw ApiException.notFound("Board");
    }
    return b.id();
  }

  long group(Guardian g, String slug) {
    Group gr = groups.bySlug(slug).filter(x -> x.deletedAt() == null && g.canSee(x)).orElse(null);
    if (gr == null) {
      throw ApiException.notFound("Group");
    }
    return gr.id();
  }

  Level get(long userId, String type, long id) {
    return new Level(
        db.one(
                "select level from watches where user_id = ? and target_type = ? and target_id = ?",
                rs -> rs.getString(1),
                userId,
                type,
                id)
            .orElse("normal"));
  }

  Level set(long userId, String type, long id, Level body) {
    String level = body == null ? null : body.level();
    if (level == null || !LEVELS.contains(level)) {
      throw ApiException.invalid(
          "level", "invalid", "level must be watching, tracking, normal or muted");
    }
    if (level.equals("normal")) {
      db.update(
          "delete from watches where user_id = ? and target_type = ? and target_id = ?",
          userId,
          type,
          id);
    } else {
      db.update(
          """
              insert into watches (user_id, target_type, target_id, level) values (?, ?, ?, ?)
              on conflict (user_id, target_type, target_id) do update set level = excluded.level
              """,
          userId,
          type,
          id,
          level);
    }
    return new Level(level);
  }
}
