package io.starbridge.feed;

import io.starbridge.account.UserCard;
import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import io.starbridge.topic.TopicListItem;
import io.starbridge.topic.TopicQueries;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns feed members into hydrated items, re-checking each with the reader's Guardian and mutes,
 * with a fixed number of queries per page whatever its size: topic cards (for new topics,
 * announcements and the topics of replies), replies, announcement marks, chapters and their works.
 *
 * <p>Members: a topic id ({@code 123}), {@code a123} (topic 123 announced), {@code p456} (reply
 * 456), {@code c789} (chapter 789).
 */
@Singleton
class FeedItems {
  private final Db db;
  private final TopicQueries topics;
  private final WorkLookup works;

  FeedItems(Db db, TopicQueries topics, WorkLookup works) {
    this.db = db;
    this.topics = topics;
    this.works = works;
  }

  static String kindOf(String member) {
    return switch (member.charAt(0)) {
      case 'a' -> "announcement";
      case 'p' -> "reply";
      case 'c' -> "chapter";
      default -> "topic";
    };
  }

  static long idOf(String member) {
    return Long.parseLong(Character.isDigit(member.charAt(0)) ? member : member.substring(1));
  }

  /**
   * The items the reader may see, in the order of {@code entries}. A topic shows once, as its
   * newest item: {@code shownTopics} carries the topics already shown by earlier calls for the same
   * page; and a topic announced in a group the reader belongs to shows only as the announcement
   * (which is newer, so it is on this page or an earlier one).
   */
  List<FeedItem> hydrate(Guardian g, List<HomeFeed.Entry> entries, Set<Long> shownTopics) {
    long me = g.actor().id();
    Set<Long> postIds = new LinkedHashSet<>();
    Set<Long> chapterIds = new LinkedHashSet<>();
    Set<Long> topicIds = new LinkedHashSet<>();
    for (HomeFeed.Entry e : entries) {
      long id = idOf(e.member());
      switch (kindOf(e.member())) {
        case "reply" -> postIds.add(id);
        case "chapter" -> chapterIds.add(id);
        default -> topicIds.add(id);
      }
    }
    Map<Long, FeedItem.Reply> replies = replies(g, me, postIds);
    replies.values().forEach(r -> topicIds.add(r.topicId()));
    Map<Long, TopicListItem> cards = new HashMap<>();
    for (TopicListItem t : topics.cards(g, List.copyOf(topicIds))) {
      cards.put(t.id(), t);
    }
    Set<Long> announcedToMe = announcedToMe(me, entries, cards);
    Map<Long, FeedItem.Chapter> chapters = chapters(g, me, chapterIds);

    List<FeedItem> out = new ArrayList<>();
    for (HomeFeed.Entry e : entries) {
      long id = idOf(e.member());
      Instant at = Instant.ofEpochMilli(e.millis());
      String kind = kindOf(e.member());
      switch (kind) {
        case "reply" -> {
          FeedItem.Reply r = replies.get(id);
          TopicListItem t = r == null ? null : cards.get(r.topicId());
          if (t != null) {
            out.add(new FeedItem(kind, e.member(), at, t, r, null));
          }
        }
        case "chapter" -> {
          FeedItem.Chapter c = chapters.get(id);
          if (c != null) {
            out.add(new FeedItem(kind, e.member(), at, null, null, c));
          }
        }
        default -> {
          TopicListItem t = cards.get(id);
          boolean ok =
              t != null
                  && (kind.equals("announcement")
                      ? announcedToMe.contains(id)
                      : !announcedToMe.contains(id));
          if (ok && shownTopics.add(id)) {
            out.add(new FeedItem(kind, e.member(), at, t, null, null));
          }
        }
      }
    }
    return out;
  }

  /**
   * Of the group topics among these entries (announcements, and new topics that may have been
   * announced since), those announced now in a group where the reader is an active member.
   */
  private Set<Long> announcedToMe(
      long me, List<HomeFeed.Entry> entries, Map<Long, TopicListItem> cards) {
    List<Long> ids = new ArrayList<>();
    for (HomeFeed.Entry e : entries) {
      String kind = kindOf(e.member());
      long id = idOf(e.member());
      TopicListItem t = cards.get(id);
      if ((kind.equals("announcement") || kind.equals("topic")) && t != null && t.group() != null) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        db.list(
            "select t.id from (select unnest(?::bigint[]) as id offset 0) ids"
                + " join topics t on t.id = ids.id"
                + " join group_members m on m.group_id = t.group_id and m.user_id = ? and m.state = 'active'"
                + " where t.announced_at is not null",
            rs -> rs.getLong(1),
            ids,
            me));
  }

  private Map<Long, FeedItem.Reply> replies(Guardian g, long me, Set<Long> ids) {
    Map<Long, FeedItem.Reply> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    db.list(
        "select p.id, p.topic_id, p.post_number, left(p.plain_text, 300) as excerpt, p.created_at, "
            + UserCard.columns("a")
            + " from (select unnest(?::bigint[]) as id offset 0) ids join posts p on p.id = ids.id"
            + " join users a on a.id = p.author_id"
            + " where p.deleted_at is null and "
            + g.readableScope().postsUnhidden("p")
            + " and not exists (select 1 from user_ignores i where i.user_id = ? and i.target_id = p.author_id)",
        rs ->
            out.put(
                rs.getLong("id"),
                new FeedItem.Reply(
                    rs.getLong("id"),
                    rs.getLong("topic_id"),
                    rs.getInt("post_number"),
                    UserCard.read(rs, "a"),
                    rs.getString("excerpt"),
                    Db.instant(rs, "created_at"))),
        List.copyOf(ids),
        me);
    return out;
  }

  private Map<Long, FeedItem.Chapter> chapters(Guardian g, long me, Set<Long> ids) {
    Map<Long, FeedItem.Chapter> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    db.list(
        "select c.id, c.position, c.title, c.published_at, w.id as work_id, w.title as work_title, "
            + UserCard.columns("a")
            + " from (select unnest(?::bigint[]) as id offset 0) ids join chapters c on c.id = ids.id"
            + " join works w on w.id = c.work_id join users a on a.id = w.created_by"
            + " where c.deleted_at is null and c.published_at is not null"
            + " and not exists (select 1 from work_authors wa join user_ignores i"
            + "   on i.target_id = wa.user_id and i.user_id = ?"
            + "   where wa.work_id = w.id and wa.state = 'active')",
        rs ->
            found.put(
                rs.getLong("id"),
                new FeedItem.Chapter(
                    rs.getLong("id"),
                    rs.getInt("position"),
                    rs.getString("title"),
                    rs.getLong("work_id"),
                    rs.getString("work_title"),
                    UserCard.read(rs, "a"),
                    Db.instant(rs, "published_at"))),
        List.copyOf(ids),
        me);
    Set<Long> visible = new HashSet<>();
    for (Work w :
        works.byIds(found.values().stream().map(FeedItem.Chapter::workId).distinct().toList())) {
      if (g.canSee(w)) {
        visible.add(w.id());
      }
    }
    found.values().removeIf(c -> !visible.contains(c.workId()));
    return found;
  }
}
