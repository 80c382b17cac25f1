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
 * tags; a reply to the topic's watchers; an announcement to the group's members; a published
 * chapter to the work's subscribers and its authors' followers (big sources' followers excepted) —
 * each except those who muted or blocked the author or muted the place. A change in what a person
 * follows, watches, mutes, blocks, belongs to or subscribes to rebuilds that person's feed from
 * PostgreSQL (so unfollowing removes that source's items and following backfills its recent ones).
 * Redis writes are idempotent, so an event applied twice does no harm. Hot lists are updated here
 * too.
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
          "GroupUnfollowed",
          "GroupMemberJoined",
          "GroupMemberApproved",
          "GroupMemberLeft",
          "GroupMemberRemoved",
          "GroupMemberBanned",
          "WorkSubscribed",
          "WorkUnsubscribed",
          "WatchChanged");

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

  /**
   * Before the notifier: a live notification makes an open tab reload its feed, which must then
   * already hold the new item.
   */
  @Override
  public int order() {
    return -10;
  }

  @Override
  public void apply(OutboxEvent e) {
    switch (e.type()) {
      case "TopicCreated" -> topicCreated(e);
      case "TagFollowed", "TagUnfollowed" -> feed.refreshIfWarm(e.aggregateId());
      case "PostCreated" -> {
        postCreated(e);
        hot.touch(topicIdOf(e));
      }
      case "TopicAnnounced" -> topicAnnounced(e);
      case "ChapterPublished" -> chapterPublished(e);
      case "ReactionAdded", "ReactionRemoved", "TopicDeleted", "TopicRestored" ->
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
    feed.fanOut(followers, Long.toString(topicId), millis);
    hot.touch(topicId);
  }

  /**
   * A reply goes to the feeds of the topic's watchers: watching on the topic, or on its board or
   * group when the topic has no level of its own; never the author's, nor of those who muted or
   * blocked the author.
   */
  private void postCreated(OutboxEvent e) {
    Long number = e.longField("postNumber");
    Long topicId = e.longField("topicId");
    if (number == null || number <= 1 || topicId == null) {
      return;
    }
    var row =
        db.one(
            "select p.created_at, p.author_id from posts p where p.id = ? and p.deleted_at is null",
            rs -> new Object[] {Db.instant(rs, "created_at"), rs.getLong("author_id")},
            e.aggregateId());
    if (row.isEmpty()) {
      return;
    }
    long author = (Long) row.get()[1];
    List<Long> watchers =
        db.list(
            """
                select w.user_id from watches w join topics t on t.id = ?
                 where w.level = 'watching'
                   and ((w.target_type = 'topic' and w.target_id = t.id)
                     or (((w.target_type = 'board' and w.target_id = t.board_id)
                        or (w.target_type = 'group' and w.target_id = t.group_id))
                       and not exists (select 1 from watches o where o.user_id = w.user_id
                             and o.target_type = 'topic' and o.target_id = t.id)))
                   and w.user_id <> ?
                   and not exists (select 1 from user_ignores i where i.user_id = w.user_id and i.target_id = ?)
                """,
            rs -> rs.getLong(1),
            topicId,
            author,
            author);
    feed.fanOut(
        watchers.stream().distinct().toList(),
        "p" + e.aggregateId(),
        ((java.time.Instant) row.get()[0]).toEpochMilli());
  }

  /** An announcement goes to the feeds of the group's active members (not muted, not blocking). */
  private void topicAnnounced(OutboxEvent e) {
    long topicId = e.aggregateId();
    var row =
        db.one(
            "select announced_at, author_id, group_id from topics"
                + " where id = ? and announced_at is not null and deleted_at is null",
            rs ->
                new Object[] {
                  Db.instant(rs, "announced_at"), rs.getLong("author_id"), rs.getLong("group_id")
                },
            topicId);
    if (row.isEmpty()) {
      return;
    }
    long author = (Long) row.get()[1];
    long group = (Long) row.get()[2];
    List<Long> members =
        db.list(
            """
                select m.user_id from group_members m
                 where m.group_id = ? and m.state = 'active' and m.user_id <> ?
                   and not exists (select 1 from user_ignores i where i.user_id = m.user_id and i.target_id = ?)
                   and not exists (select 1 from watches w where w.user_id = m.user_id and w.level = 'muted'
                         and ((w.target_type = 'group' and w.target_id = ?)
                           or (w.target_type = 'topic' and w.target_id = ?)))
                """,
            rs -> rs.getLong(1),
            group,
            author,
            author,
            group,
            topicId);
    feed.fanOut(members, "a" + topicId, ((java.time.Instant) row.get()[0]).toEpochMilli());
  }

  /**
   * A published chapter (position 1: a new work) goes to the feeds of the work's subscribers and of
   * its authors' followers, except its authors and those who muted or blocked one of them.
   */
  private void chapterPublished(OutboxEvent e) {
    if ("draft".equals(e.stringField("visibility"))) {
      return;
    }
    long chapterId = e.aggregateId();
    var at =
        db.one(
            """
                select c.published_at from chapters c join works w on w.id = c.work_id
                 where c.id = ? and c.published_at is not null and c.deleted_at is null
                   and w.deleted_at is null and w.visibility <> 'draft'
                """,
            rs -> Db.instant(rs, "published_at"),
            chapterId);
    Long workId = e.longField("workId");
    if (at.isEmpty() || workId == null) {
      return;
    }
    List<Long> readers =
        db.list(
            """
                select x.uid from (
                    select s.user_id as uid from work_subscriptions s where s.work_id = ?
                    union select f.follower_id from work_authors a
                      join user_follows f on f.followee_id = a.user_id
                     where a.work_id = ? and a.state = 'active'
                       and (select count(*) from user_follows c where c.followee_id = a.user_id) <= ?
                ) x
                 where not exists (select 1 from work_authors a where a.work_id = ? and a.user_id = x.uid)
                   and not exists (select 1 from work_authors a join user_ignores i
                         on i.target_id = a.user_id and i.user_id = x.uid
                        where a.work_id = ? and a.state = 'active')
                """,
            rs -> rs.getLong(1),
            workId,
            workId,
            feed.bigSourceFollowers(),
            workId,
            workId);
    feed.fanOut(readers, "c" + chapterId, at.get().toEpochMilli());
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
