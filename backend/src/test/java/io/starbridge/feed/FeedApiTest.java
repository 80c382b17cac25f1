package io.starbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import io.starbridge.security.Role;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class FeedApiTest extends ForumTest {
  @Inject StatefulRedisConnection<String, String> redis;
  @Inject RedisClient redisClient;
  @Inject HomeFeed feed;
  @Inject FeedRebuild rebuild;
  @Inject HotLists hot;
  @Inject FeedItems feedItems;
  @Inject Guardians guardians;

  @Value("${starbridge.redis.key-prefix}")
  String prefix;

  static List<Long> ids(TestClient.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  /** The topic ids of the new-topic items of the account's feed. */
  static List<Long> feedOf(Account who) {
    TestClient.Response r = who.client().get("/api/v1/feed?limit=100");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.items().stream()
        .filter(i -> "topic".equals(i.get("kind")))
        .map(i -> ((Number) ((Map<?, ?>) i.get("topic")).get("id")).longValue())
        .toList();
  }

  /** Every item of the account's feed as its key (see FeedItems: 12, a12, p34, c56). */
  static List<String> keysOf(Account who) {
    TestClient.Response r = who.client().get("/api/v1/feed?limit=100");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.items().stream().map(i -> (String) i.get("key")).toList();
  }

  static List<String> awaitKeys(Account who, Predicate<List<String>> ok) {
    long end = System.nanoTime() + 5_000_000_000L;
    List<String> items = keysOf(who);
    while (!ok.test(items) && System.nanoTime() < end) {
      sleep(50);
      items = keysOf(who);
    }
    return items;
  }

  static List<Long> topicIds(TestClient.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.items().stream()
        .map(i -> ((Number) ((Map<?, ?>) i.get("topic")).get("id")).longValue())
        .toList();
  }

  static List<Long> await(Account who, Predicate<List<Long>> ok) {
    long end = System.nanoTime() + 5_000_000_000L;
    List<Long> items = feedOf(who);
    while (!ok.test(items) && System.nanoTime() < end) {
      sleep(50);
      items = feedOf(who);
    }
    return items;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the consumers have applied everything written so far. */
  void settle() {
    long end = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < end) {
      long max = db.one("select coalesce(max(id), 0) from outbox", rs -> rs.getLong(1)).orElse(0L);
      long pos =
          db.one("select position from event_consumers where name = 'feed'", rs -> rs.getLong(1))
              .orElse(0L);
      if (pos >= max) {
        return;
      }
      sleep(50);
    }
  }

  private List<String> redisFeed(Account who) {
    return redis.sync().zrevrange(prefix + "feed:home:" + who.id(), 0, -1);
  }

  private Actor actor(Account a) {
    return new Actor(
        a.id(), a.handle(), Role.MEMBER, "active", 0, true, null, Actor.AuthMethod.SESSION);
  }

  @Test
  void followersGetNewTopicsFannedOutExceptThoseWhoMutedTheAuthorAndUnfollowRemoves() {
    Account author = fx().member("auth");
    Account fan = fx().member("fan");
    Account muter = fx().member("mute");
    String board = fx().board();
    assertThat(fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of()).status())
        .isEqualTo(204);
    muter.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    muter.client().put("/api/v1/users/" + author.handle() + "/mute", Map.of());
    settle();
    assertThat(feedOf(fan)).isEmpty(); // warms the feed (a sentinel keeps it warm)
    assertThat(feedOf(muter)).isEmpty();
    assertThat(redis.sync().exists(prefix + "feed:home:" + fan.id())).isEqualTo(1);

    long topic = fx().topic(author, board);
    settle();
    assertThat(redisFeed(fan)).as("fanned out into Redis").contains(Long.toString(topic));
    assertThat(feedOf(fan)).containsExactly(topic);
    assertThat(redisFeed(muter)).doesNotContain(Long.toString(topic));
    assertThat(feedOf(muter)).isEmpty();
    TestClient.Response page = fan.client().get("/api/v1/feed");
    Map<?, ?> card = (Map<?, ?>) page.items().get(0).get("topic");
    assertThat(page.items().get(0).get("kind")).isEqualTo("topic");
    assertThat(card.get("title")).isNotNull();
    assertThat(((Map<?, ?>) card.get("author")).get("handle")).isEqualTo(author.handle());

    // A reply is not a new feed item; the author's own feed does not show their own topic.
    fx().reply(fan, topic);
    assertThat(feedOf(author)).isEmpty();

    assertThat(fan.client().delete("/api/v1/users/" + author.handle() + "/follow").status())
        .isEqualTo(204);
    settle();
    assertThat(redisFeed(fan)).doesNotContain(Long.toString(topic));
    assertThat(feedOf(fan)).isEmpty();

    // Following again backfills the recent topics.
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    assertThat(await(fan, f -> f.contains(topic))).containsExactly(topic);
  }

  @Test
  void boardsGroupsAndTagsFeedTooAndReadsRecheckVisibility() {
    Account owner = fx().groupCreator("own");
    Account member = fx().member("mem");
    String group = fx().group(owner, "restricted");
    fx().membership(group, member, "member", "active");
    String board = fx().board();
    member.client().put("/api/v1/groups/" + group + "/follow", Map.of());
    member.client().put("/api/v1/boards/" + board + "/follow", Map.of());
    member.client().put("/api/v1/tags/warpdrive/follow", Map.of());
    settle();
    long inGroup = fx().groupTopic(owner, group);
    long inBoard = fx().topic(owner, board);
    Map<String, Object> body = fx().topicBody(fx().board());
    body.put("tags", List.of("warpdrive"));
    long tagged = id(owner.client().post("/api/v1/topics", body));
    settle();
    assertThat(feedOf(member)).containsExactly(tagged, inBoard, inGroup);

    // Leaving the restricted group: its topic no longer shows, though still in Redis.
    assertThat(member.client().delete("/api/v1/groups/" + group + "/members/me").status())
        .isEqualTo(204);
    assertThat(feedOf(member)).containsExactly(tagged, inBoard);
    // A deleted topic goes too.
    assertThat(owner.client().delete("/api/v1/topics/" + inBoard).status()).isEqualTo(204);
    assertThat(feedOf(member)).containsExactly(tagged);
  }

  @Test
  void aColdFeedIsRebuiltFromPostgresqlAndCursorsPage() {
    Account author = fx().member("auth");
    Account fan = fx().member("fan");
    String board = fx().board();
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    long t1 = fx().topic(author, board);
    long t2 = fx().topic(author, board);
    long t3 = fx().topic(author, board);
    settle();
    redis.sync().del(prefix + "feed:home:" + fan.id());
    TestClient.Response first = fan.client().get("/api/v1/feed?limit=2");
    assertThat(topicIds(first)).containsExactly(t3, t2);
    assertThat(redis.sync().zcard(prefix + "feed:home:" + fan.id())).isEqualTo(4); // + sentinel
    String next = first.string("nextCursor");
    assertThat(next).isNotNull();
    TestClient.Response second = fan.client().get("/api/v1/feed?limit=2&cursor=" + next);
    assertThat(topicIds(second)).containsExactly(t1);
    assertThat(second.get("nextCursor")).isNull();
    assertThat(anonymous().get("/api/v1/feed").status()).isEqualTo(401);
  }

  @Test
  void feedsAreCappedAndBigSourcesAreMergedAtReadTime() {
    Account author = fx().member("big");
    Account fan = fx().member("fan");
    String board = fx().board();
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    List<Long> topics = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      topics.add(fx().topic(author, board));
    }
    settle();
    // A feed with a cap of 3 keeps the newest 3.
    HomeFeed small = new HomeFeed(db, feedItems, redisClient, prefix + "cap:", 3, 2000);
    small.rebuild(fan.id());
    assertThat(small.fanOut(List.of(fan.id()), "999999999", System.currentTimeMillis() + 1000))
        .isEqualTo(1);
    List<String> kept = redis.sync().zrevrange(prefix + "cap:feed:home:" + fan.id(), 0, -1);
    assertThat(kept)
        .containsExactly("999999999", Long.toString(topics.get(4)), Long.toString(topics.get(3)));

    // An author over the big-source threshold is not fanned out but still shows, merged at read.
    HomeFeed bigFeed = new HomeFeed(db, feedItems, redisClient, prefix + "big:", 800, 0);
    redis.sync().del(prefix + "big:feed:home:" + fan.id());
    redis.sync().zadd(prefix + "big:feed:home:" + fan.id(), 0, HomeFeed.SENTINEL);
    List<FeedItem> merged = bigFeed.page(guardians.of(actor(fan)), 10, null).items();
    assertThat(merged.stream().map(i -> i.topic().id()).toList())
        .containsExactly(topics.get(4), topics.get(3), topics.get(2), topics.get(1), topics.get(0));

    // So are a big author's published chapters; a draft work's are not.
    Map<String, Object> work = new java.util.HashMap<>();
    work.put("title", "Big work");
    work.put("summary", "s");
    work.put("type", "novel");
    work.put("language", "en");
    work.put("rating", "general");
    work.put("visibility", "public");
    long workId = id(author.client().post("/api/v1/works", work));
    long chapter =
        id(
            author
                .client()
                .post(
                    "/api/v1/works/" + workId + "/chapters",
                    Map.of("title", "One", "body", "Text of one")));
    work.put("title", "Hidden draft");
    work.put("visibility", "draft");
    long draft = id(author.client().post("/api/v1/works", work));
    author
        .client()
        .post(
            "/api/v1/works/" + draft + "/chapters",
            Map.of("title", "Secret", "body", "Secret text"));
    List<String> keys =
        bigFeed.page(guardians.of(actor(fan)), 10, null).items().stream()
            .map(FeedItem::key)
            .toList();
    assertThat(keys).first().isEqualTo("c" + chapter);
    assertThat(keys).hasSize(6);
  }

  @Test
  void whenRedisIsDownTheFeedIsAnsweredFromPostgresql() {
    Account author = fx().member("auth");
    Account fan = fx().member("fan");
    Account pest = fx().member("pest");
    String board = fx().board();
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    fan.client().put("/api/v1/users/" + pest.handle() + "/follow", Map.of());
    fan.client().put("/api/v1/users/" + pest.handle() + "/block", Map.of());
    long t1 = fx().topic(author, board);
    fx().topic(pest, board);
    long t2 = fx().topic(author, board);
    RedisClient dead = RedisClient.create("redis://127.0.0.1:1");
    try {
      HomeFeed offline = new HomeFeed(db, feedItems, dead, prefix, 800, 2000);
      var page = offline.page(guardians.of(actor(fan)), 10, null);
      assertThat(page.items().stream().map(i -> i.topic().id()).toList()).containsExactly(t2, t1);
      assertThat(offline.rebuild(fan.id())).isFalse();
    } finally {
      dead.shutdown();
    }
  }

  /**
   * A page is filled past items the re-check drops: the newest five of seven topics are deleted,
   * yet a page of two still holds the two that remain, and the cursor ends there.
   */
  @Test
  void aPageIsFilledPastItemsTheRecheckDrops() {
    Account author = fx().member("auth");
    Account fan = fx().member("fan");
    String board = fx().board();
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    keysOf(fan); // warm
    List<Long> made = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      made.add(fx().topic(author, board));
    }
    settle();
    assertThat(redisFeed(fan)).containsAll(made.stream().map(String::valueOf).toList());
    for (long gone : made.subList(2, 7)) {
      assertThat(author.client().delete("/api/v1/topics/" + gone).status()).isEqualTo(204);
    }
    TestClient.Response page = fan.client().get("/api/v1/feed?limit=2");
    assertThat(page.items().stream().map(i -> i.get("key")).toList())
        .containsExactly(Long.toString(made.get(1)), Long.toString(made.get(0)));
    Object next = page.get("nextCursor");
    if (next != null) {
      assertThat(fan.client().get("/api/v1/feed?limit=2&cursor=" + next).items()).isEmpty();
    }
  }

  @Value("${redis.uri}")
  String redisUri;

  /**
   * A real outage of one client: an ACL user of its own is switched off and its connections killed
   * (the data stays), a fan-out is missed meanwhile, then the user is switched on again. The feed
   * Redis kept is stale; it must not be served.
   */
  @Test
  void afterAnOutageFeedsThatMayHaveMissedWritesAreRebuilt() {
    Account author = fx().member("auth");
    Account fan = fx().member("fan");
    fan.client().put("/api/v1/users/" + author.handle() + "/follow", Map.of());
    long t1 = fx().topic(author, fx().board());
    String user = "feedtest" + io.starbridge.support.Fixtures.letters(8).toLowerCase();
    String flakyPrefix = prefix + user + ":";
    var admin = redis.sync();
    admin.aclSetuser(
        user,
        io.lettuce.core.AclSetuserArgs.Builder.on()
            .addPassword("pw")
            .keyPattern(flakyPrefix + "*")
            .allCommands());
    io.lettuce.core.RedisURI uri = io.lettuce.core.RedisURI.create(redisUri);
    uri.setUsername(user);
    uri.setPassword("pw".toCharArray());
    RedisClient client = RedisClient.create(uri);
    try {
      HomeFeed flaky =
          new HomeFeed(
              db, feedItems, client, flakyPrefix, 800, 2000, java.time.Duration.ofMillis(300));
      var g = guardians.of(actor(fan));
      assertThat(topicIds(flaky.page(g, 10, null))).containsExactly(t1);
      String key = flakyPrefix + "feed:home:" + fan.id();
      assertThat(admin.exists(key)).as("warm").isEqualTo(1L);

      admin.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.off());
      admin.clientKill(io.lettuce.core.KillArgs.Builder.user(user));
      long t2 = fx().topic(author, fx().board());
      assertThat(topicIds(flaky.page(g, 10, null)))
          .as("answered from PostgreSQL during the outage")
          .containsExactly(t2, t1);
      long at =
          db.one(
                  "select created_at from topics where id = ?",
                  rs -> Db.instant(rs, "created_at"),
                  t2)
              .orElseThrow()
              .toEpochMilli();
      assertThat(flaky.fanOut(List.of(fan.id()), Long.toString(t2), at)).as("missed").isZero();
      assertThat(admin.zrange(key, 0, -1))
          .as("Redis kept the stale copy")
          .doesNotContain(Long.toString(t2));

      admin.aclSetuser(user, io.lettuce.core.AclSetuserArgs.Builder.on());
      sleep(400);
      assertThat(topicIds(flaky.page(g, 10, null))).containsExactly(t2, t1);
      assertThat(admin.zrange(key, 0, -1)).as("rebuilt").contains(Long.toString(t2));
      flaky.close();
    } finally {
      client.shutdown();
      admin.aclDeluser(user);
    }
  }

  private static List<Long> topicIds(io.starbridge.common.Page<FeedItem> page) {
    return page.items().stream().map(i -> i.topic().id()).toList();
  }

  @Test
  void hotListsAndTrendingTagsAndTheRebuildCommand() {
    Account a = fx().member("hot");
    Account b = fx().member("hot2");
    String board = fx().board();
    Map<String, Object> body = fx().topicBody(board);
    String tag = "tachyon" + (System.nanoTime() % 100000);
    body.put("tags", List.of(tag));
    long busy = id(a.client().post("/api/v1/topics", body));
    long quiet = fx().topic(a, board);
    fx().reply(b, busy);
    fx().reply(b, busy);
    b.client().put("/api/v1/posts/" + fx().firstPostId(busy) + "/reactions/like", Map.of());
    settle();
    List<Long> hotInBoard = ids(anonymous().get("/api/v1/hot?board=" + board));
    assertThat(hotInBoard).containsExactly(busy, quiet);
    assertThat(ids(anonymous().get("/api/v1/hot?limit=100"))).contains(busy);
    assertThat(anonymous().get("/api/v1/hot?board=no-such-board").status()).isEqualTo(404);
    TestClient.Response tags = anonymous().get("/api/v1/hot/tags?limit=50");
    assertThat(tags.items()).anyMatch(t -> t.get("tag").equals(tag));

    // Scores: more engagement ranks higher; at equal engagement, newer ranks higher.
    java.time.Instant now = java.time.Instant.now();
    assertThat(HotLists.score(5, now)).isGreaterThan(HotLists.score(1, now));
    assertThat(HotLists.score(1, now)).isGreaterThan(HotLists.score(1, now.minusSeconds(3600)));
    // Twice the weight, one half-life older: about the same (weights are offset by one).
    assertThat(HotLists.score(7, now.minusSeconds(12 * 3600)))
        .isCloseTo(HotLists.score(3, now), org.assertj.core.data.Offset.offset(1e-9));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Account fan = fx().member("fan");
    fan.client().put("/api/v1/users/" + a.handle() + "/follow", Map.of());
    settle();
    int rebuilt = rebuild.run(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(rebuilt).isPositive();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("] ").contains("feeds").contains("hot lists");
    assertThat(redisFeed(fan)).contains(Long.toString(busy), Long.toString(quiet));
    assertThat(ids(anonymous().get("/api/v1/hot?board=" + board))).containsExactly(busy, quiet);
  }
}
