package io.starbridge.feed;

import io.starbridge.common.Db;
import io.starbridge.event.OutboxEvent;
import io.starbridge.event.OutboxHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * The outbox consumer that keeps the Redis copies of home feeds current: a new topic goes to the
 * warm feeds of everyone following its author (unless the author is a big source), board, group or
 * tags, except those who muted or blocked the author or muted the board or group; a change in what
 * a person follows, mutes or blocks rebuilds that person's feed from PostgreSQL (so unfollowing
 * removes that source's items and following backfills its recent ones). Redis writes are
 * idempotent, so an event applied twice does no harm. Hot lists are updated here too.
 */
@Singleton
class FeedFanout implements OutboxHandler {
  /** Events that change what a person's feed holds; payload {@code userId} is that person. */
  static final Set<String> FOLLOW_CHANGES =
      Set.of(
          "UserFollowed",
          "UserUnfollowed",
          "UserMuted",
          "UserUnmuted",
          "UserBlocked",
          "UserUnblocked",
          "BoardFollowed",
          "BoardUnfollowed",
          "GroupFollowed",
          "GroupUnfollowed");

  private final Db db;
  private final HomeFeed feed;
  private final HotLists hot;

  FeedFanout(Db db, HomeFeed feed, HotLists hot) {
    this.db = db;
    this.feed = feed;
    this.hot = hot;
  }

  @Override
  public String name() {
    return "feed";
  }

  @Override
  public void apply(OutboxEvent e) {
    switch (e.type()) {
      case "TopicCreated" -> topicCreated(e);
      case "TagFollowed", "TagUnfollowed" -> feed.refreshIfWarm(e.aggregateId());
      case "PostCreated", "ReactionAdded", "ReactionRemoved", "TopicDeleted", "TopicRestored" ->
          hot.touch(topicIdOf(e));
      default -> {
        if (FOLLOW_CHANGES.contains(e.type())) {
          Long user = e.longField("userId");
          if (user != null) {
            feed.refreshIfWarm(user);
          }
        }
      }
    }
  }

  private Long topicIdOf(OutboxEvent e) {
    return "topic".equals(e.aggregate()) ? Long.valueOf(e.aggregateId()) : e.longField("topicId");
  }

  private void topicCreated(OutboxEvent e) {
    long topicId = e.aggregateId();
    Long author = e.actorId();
    var row =
        db.one(
            "select created_at, author_id, board_id, group_id, tags from topics where id = ? and deleted_at is null",
            rs ->
                new Object[] {
                  Db.instant(rs, "created_at"),
                  rs.getLong("author_id"),
                  Db.nullableLong(rs, "board_id"),
                  Db.nullableLong(rs, "group_id"),
                  List.of((String[]) rs.getArray("tags").getArray())
                },
            topicId);
    if (row.isEmpty()) {
      return;
    }
    Object[] r = row.get();
    long authorId = author != null ? author : (Long) r[1];
    long millis = ((java.time.Instant) r[0]).toEpochMilli();
    List<Long> followers = followers(authorId, (Long) r[2], (Long) r[3], castTags(r[4]));
    feed.fanOut(followers, topicId, millis);
    hot.touch(topicId);
  }

  @SuppressWarnings("unchecked")
  private static List<String> castTags(Object o) {
    return (List<String>) o;
  }

  /** Whose feeds a topic goes to (big sources' followers are merged at read time instead). */
  List<Long> followers(long authorId, Long boardId, Long groupId, List<String> tags) {
    return db.list(
        """
            select x.uid from (
                select f.follower_id as uid from user_follows f
                 where f.followee_id = ?
                   and (select count(*) from user_follows c where c.followee_id = ?) <= ?
                union select user_id from board_follows where board_id = ?
                union select user_id from group_follows where group_id = ?
                union select user_id from tag_follows where tag = any(?)
            ) x
             where x.uid <> ?
               and not exists (select 1 from user_ignores i where i.user_id = x.uid and i.target_id = ?)
               and not exists (select 1 from watches w where w.user_id = x.uid and w.level = 'muted'
                     and ((w.target_type = 'board' and w.target_id = ?)
                       or (w.target_type = 'group' and w.target_id = ?)))
            """,
        rs -> rs.getLong(1),
        authorId,
        authorId,
        feed.bigSourceFollowers(),
        boardId,
        groupId,
        tags,
        authorId,
        authorId,
        boardId,
        groupId);
  }
}
