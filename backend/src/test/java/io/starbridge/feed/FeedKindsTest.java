package io.starbridge.feed;

import static io.starbridge.feed.FeedApiTest.awaitKeys;
import static io.starbridge.feed.FeedApiTest.keysOf;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.security.Role;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feed's other kinds: replies in watched topics, group announcements and new chapters — fanned
 * out into warm feeds, rebuilt the same from PostgreSQL, and answered the same without Redis.
 */
@MicronautTest(transactional = false)
class FeedKindsTest extends ForumTest {
  @Inject StatefulRedisConnection<String, String> redis;
  @Inject RedisClient redisClient;
  @Inject FeedItems feedItems;
  @Inject Guardians guardians;
  @Inject FeedRebuild rebuild;

  @Value("${starbridge.redis.key-prefix}")
  String prefix;

  private void watch(Account who, String path, String level) {
    expect(200, who.client().put("/api/v1/" + path + "/watch", Map.of("level", level)));
  }

  private long reply(Account who, long topic) {
    return id(
        expect(
            201,
            who.client()
                .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "A reply to watch"))));
  }

  /** The same feed computed without Redis (the fallback path), as keys. */
  private List<String> withoutRedis(Account who) {
    RedisClient dead = RedisClient.create("redis://127.0.0.1:1");
    try {
      HomeFeed offline = new HomeFeed(db, feedItems, dead, prefix, 800, 2000);
      Actor a =
          new Actor(
              who.id(),
              who.handle(),
              Role.MEMBER,
              "active",
              0,
              true,
              null,
              Actor.AuthMethod.SESSION);
      return offline.page(guardians.of(a), 100, null).items().stream().map(FeedItem::key).toList();
    } finally {
      dead.shutdown();
    }
  }

  /** Drops the Redis copy: the next read rebuilds it from PostgreSQL. */
  private List<String> cold(Account who) {
    redis.sync().del(prefix + "feed:home:" + who.id());
    return keysOf(who);
  }

  @Test
  void repliesInWatchedTopicsAndBoardsReachTheFeedExceptMutedTopicsAndOwnOrBlockedReplies() {
    Account author = fx().member("op");
    Account watcher = fx().member("watcher");
    Account pest = fx().member("pest");
    String board = fx().board();
    String other = fx().board();
    long topic = fx().topic(author, other);
    long inBoard = fx().topic(author, board);
    long mutedTopic = fx().topic(author, board);
    watch(watcher, "topics/" + topic, "watching");
    watch(watcher, "boards/" + board, "watching");
    watch(watcher, "topics/" + mutedTopic, "muted");
    expect(204, watcher.client().put("/api/v1/users/" + pest.handle() + "/block", Map.of()));
    assertThat(keysOf(watcher)).isEmpty(); // warm

    long r1 = reply(author, topic);
    long r2 = reply(author, inBoard);
    reply(author, mutedTopic);
    reply(pest, topic);
    reply(watcher, topic); // one's own
    List<String> expected = List.of("p" + r2, "p" + r1);
    List<String> warm = awaitKeys(watcher, k -> k.containsAll(expected));
    assertThat(warm).containsExactlyElementsOf(expected);
    Map<String, Object> item =
        watcher.client().get("/api/v1/feed").items().stream()
            .filter(i -> i.get("key").equals("p" + r1))
            .findFirst()
            .orElseThrow();
    assertThat(item.get("kind")).isEqualTo("reply");
    assertThat(((Number) ((Map<?, ?>) item.get("post")).get("postNumber")).intValue()).isEqualTo(2);
    assertThat(((Number) ((Map<?, ?>) item.get("topic")).get("id")).longValue()).isEqualTo(topic);
    assertThat(cold(watcher)).containsExactlyElementsOf(expected);
    assertThat(withoutRedis(watcher)).containsExactlyElementsOf(expected);

    // Muting the topic later takes its replies away (the watch change rebuilds the feed).
    watch(watcher, "topics/" + topic, "muted");
    assertThat(awaitKeys(watcher, k -> !k.contains("p" + r1))).containsExactly("p" + r2);
    assertThat(withoutRedis(watcher)).containsExactly("p" + r2);

    // The rebuild command covers people whose feed holds only watched replies.
    rebuild.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertThat(redis.sync().zrange(prefix + "feed:home:" + watcher.id(), 0, -1)).contains("p" + r2);
  }

  @Test
  void groupModeratorsAnnounceAndMembersFeedsTakeIt() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account member = fx().member("member");
    Account outsider = fx().member("outsider");
    fx().membership(group, member, "member", "active");
    long topic = fx().groupTopic(owner, group);
    assertThat(keysOf(member)).isEmpty(); // warm, and members do not get every group topic

    TestClient.Response denied =
        member.client().patch("/api/v1/topics/" + topic, Map.of("announcement", true));
    assertProblem(denied, 403, "/problems/forbidden");
    long boardTopic = fx().topic(owner, fx().board());
    assertProblem(
        owner.client().patch("/api/v1/topics/" + boardTopic, Map.of("announcement", true)),
        403,
        "/problems/forbidden");

    TestClient.Response view =
        expect(200, owner.client().patch("/api/v1/topics/" + topic, Map.of("announcement", true)));
    assertThat(view.get("announced")).isEqualTo(true);
    assertThat(((Map<?, ?>) view.get("permissions")).get("canAnnounce")).isEqualTo(true);
    TestClient.Response asMember = expect(200, member.client().get("/api/v1/topics/" + topic));
    assertThat(((Map<?, ?>) asMember.get("permissions")).get("canAnnounce")).isEqualTo(false);
    assertThat(fx().auditActions("topic", topic)).contains("announce_topic");
    assertThat(awaitKeys(member, k -> !k.isEmpty())).containsExactly("a" + topic);
    Map<String, Object> item = member.client().get("/api/v1/feed").items().get(0);
    assertThat(item.get("kind")).isEqualTo("announcement");
    assertThat(((Map<?, ?>) item.get("topic")).get("title")).isNotNull();
    assertThat(keysOf(outsider)).isEmpty();
    assertThat(keysOf(owner)).isEmpty(); // one's own
    assertThat(cold(member)).containsExactly("a" + topic);
    assertThat(withoutRedis(member)).containsExactly("a" + topic);

    // Withdrawn: the read re-check drops it at once, warm or not.
    expect(200, owner.client().patch("/api/v1/topics/" + topic, Map.of("announcement", false)));
    assertThat(keysOf(member)).isEmpty();
    assertThat(withoutRedis(member)).isEmpty();
  }

  /**
   * A member who also follows the author holds both the new topic and its announcement: the topic
   * shows once, as the announcement, even when the two fall on different pages.
   */
  @Test
  void anAnnouncedTopicShowsOnceAcrossPages() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account member = fx().member("member");
    fx().membership(group, member, "member", "active");
    expect(204, member.client().put("/api/v1/users/" + owner.handle() + "/follow", Map.of()));
    long topic = fx().groupTopic(owner, group);
    assertThat(awaitKeys(member, k -> !k.isEmpty())).containsExactly(Long.toString(topic));
    long later = fx().groupTopic(owner, group);
    expect(200, owner.client().patch("/api/v1/topics/" + topic, Map.of("announcement", true)));
    awaitKeys(member, k -> k.contains("a" + topic));

    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      TestClient.Response page =
          expect(
              200,
              member
                  .client()
                  .get("/api/v1/feed?limit=1" + (cursor == null ? "" : "&cursor=" + cursor)));
      page.items().forEach(i -> seen.add((String) i.get("key")));
      cursor = (String) page.get("nextCursor");
    } while (cursor != null && seen.size() < 10);
    assertThat(seen).containsExactly("a" + topic, Long.toString(later));
    assertThat(withoutRedis(member)).containsExactly("a" + topic, Long.toString(later));
    assertThat(cold(member)).containsExactly("a" + topic, Long.toString(later));
  }

  private long work(Account author, String title) {
    Map<String, Object> b = new HashMap<>();
    b.put("title", title);
    b.put("summary", "s");
    b.put("type", "novel");
    b.put("language", "en");
    b.put("rating", "general");
    b.put("visibility", "public");
    return id(expect(201, author.client().post("/api/v1/works", b)));
  }

  private long chapter(Account author, long work, String title) {
    return id(
        expect(
            201,
            author
                .client()
                .post(
                    "/api/v1/works/" + work + "/chapters",
                    Map.of("title", title, "body", "Text"))));
  }

  @Test
  void newChaptersOfFollowedAuthorsAndSubscribedWorksReachTheFeedWhileVisible() {
    Account author = fx().member("writer");
    Account follower = fx().member("follower");
    Account subscriber = fx().member("subscriber");
    expect(204, follower.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of()));
    long w = work(author, "Feed Saga");
    expect(204, subscriber.client().put("/api/v1/works/" + w + "/subscribe", null));
    assertThat(keysOf(follower)).isEmpty();
    assertThat(keysOf(subscriber)).isEmpty();

    long c1 = chapter(author, w, "One");
    long c2 = chapter(author, w, "Two");
    for (Account who : List.of(follower, subscriber)) {
      List<String> keys = awaitKeys(who, k -> k.contains("c" + c2));
      assertThat(keys).as(who.handle()).containsExactly("c" + c2, "c" + c1);
      assertThat(cold(who)).containsExactly("c" + c2, "c" + c1);
      assertThat(withoutRedis(who)).containsExactly("c" + c2, "c" + c1);
    }
    Map<String, Object> item = follower.client().get("/api/v1/feed").items().get(0);
    assertThat(item.get("kind")).isEqualTo("chapter");
    Map<?, ?> ch = (Map<?, ?>) item.get("chapter");
    assertThat(ch.get("workTitle")).isEqualTo("Feed Saga");
    assertThat(((Number) ch.get("position")).intValue()).isEqualTo(2);
    assertThat(keysOf(author)).isEmpty();

    // Made a draft: the read re-check hides its chapters (Guardian.canSee(Work)).
    expect(200, author.client().patch("/api/v1/works/" + w, Map.of("visibility", "draft")));
    assertThat(keysOf(follower)).isEmpty();
    assertThat(withoutRedis(subscriber)).isEmpty();
  }
}
