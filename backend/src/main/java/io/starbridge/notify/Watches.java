package io.starbridge.notify;

import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.board.Board;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.group.Group;
import io.starbridge.group.GroupLookup;
import io.starbridge.security.Guardian;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;

/**
 * Watch levels per topic, board or group: {@code watching} (every new post notifies and replies
 * reach the home feed), {@code tracking} (topic lists show the count of unread posts; notified only
 * of replies to me, mentions and quotes), {@code normal} (no row: replies to me, mentions, quotes
 * only; no unread count) and {@code muted} (nothing from there at all; muted topics leave the home
 * feed and the site-wide lists). A board's or group's level applies to its topics unless the topic
 * has one of its own.
 */
@Singleton
class Watches {
  static final Set<String> LEVELS = Set.of("watching", "tracking", "normal", "muted");

  private final Db db;
  private final TopicLookup topics;
  private final BoardQueries boards;
  private final GroupLookup groups;
  private final Outbox outbox;

  Watches(Db db, TopicLookup topics, BoardQueries boards, GroupLookup groups, Outbox outbox) {
    this.db = db;
    this.outbox = outbox;
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

  /** Sets a level; the home feed hears of it (watched replies and muted places come and go). */
  @Transactional
  Level set(long userId, String type, long id, Level body) {
    String level = body == null ? null : body.level();
    if (level == null || !LEVELS.contains(level)) {
      throw ApiException.invalid(
          "level", "invalid", "level must be watching, tracking, normal or muted");
    }
    // A topic keeps an explicit "normal" (it overrides its board's or group's level); a board or
    // group at normal simply has no row.
    if (level.equals("normal") && !type.equals("topic")) {
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
    outbox.publish(
        "WatchChanged",
        "user",
        userId,
        userId,
        Map.of("userId", userId, "targetType", type, "targetId", id, "level", level));
    return new Level(level);
  }
}
