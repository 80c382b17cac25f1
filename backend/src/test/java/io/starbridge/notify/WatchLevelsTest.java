package io.starbridge.notify;

import static io.starbridge.notify.NotificationApiTest.await;
import static io.starbridge.notify.NotificationApiTest.ofKind;
import static io.starbridge.notify.NotificationApiTest.settled;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Watching, tracking, normal and muted differ, and a topic's own level beats its board's. */
@MicronautTest(transactional = false)
class WatchLevelsTest extends ForumTest {

  private void watch(Account who, String path, String level) {
    assertThat(
            expect(200, who.client().put("/api/v1/" + path + "/watch", Map.of("level", level)))
                .get("level"))
        .isEqualTo(level);
  }

  private void reply(Account who, long topic) {
    expect(
        201,
        who.client()
            .post("/api/v1/topics/" + topic + "/posts", Map.of("body", "Another reply here")));
  }

  private Map<String, Object> row(Account who, String path, long topic) {
    return who.client().get("/api/v1/" + path).items().stream()
        .filter(i -> ((Number) i.get("id")).longValue() == topic)
        .findFirst()
        .orElse(null);
  }

  @Test
  void watchingNotifiesEveryPostWhileTrackingAndNormalDoNot() {
    Account author = fx().member("op");
    Account watcher = fx().member("watcher");
    Account tracker = fx().member("tracker");
    Account plain = fx().member("plain");
    Account boardWatcher = fx().member("bwatcher");
    String board = fx().board();
    long topic = fx().topic(author, board);
    settled(author); // the new topic's own event passes before anyone watches
    watch(watcher, "topics/" + topic, "watching");
    watch(tracker, "topics/" + topic, "tracking");
    watch(boardWatcher, "boards/" + board, "watching");

    reply(author, topic);
    assertThat(ofKind(await(watcher, i -> !i.isEmpty()), "watching")).hasSize(1);
    // A board's watching applies to its topics' replies too, not only to new topics.
    assertThat(ofKind(await(boardWatcher, i -> !i.isEmpty()), "watching")).hasSize(1);
    assertThat(settled(tracker)).isEmpty();
    assertThat(settled(plain)).isEmpty();
  }

  @Test
  void aTopicsOwnLevelOverridesItsBoardsInBothDirections() {
    Account author = fx().member("op");
    Account reader = fx().member("reader");
    Account other = fx().member("other");
    String board = fx().board();
    long loud = fx().topic(author, board);
    long quiet = fx().topic(author, board);
    settled(author); // the new topics' own events pass before anyone watches
    watch(reader, "boards/" + board, "muted");
    watch(reader, "topics/" + loud, "watching");
    watch(other, "boards/" + board, "watching");
    watch(other, "topics/" + quiet, "normal");
    assertThat(expect(200, other.client().get("/api/v1/topics/" + quiet + "/watch")).get("level"))
        .isEqualTo("normal");

    reply(author, loud);
    reply(author, quiet);
    var items = await(reader, i -> !i.isEmpty());
    assertThat(ofKind(items, "watching")).hasSize(1);
    assertThat(((Map<?, ?>) ofKind(items, "watching").get(0).get("topic")).get("id"))
        .isEqualTo((int) loud);
    var others = await(other, i -> !i.isEmpty());
    assertThat(ofKind(settled(other), "watching"))
        .singleElement()
        .satisfies(n -> assertThat(((Map<?, ?>) n.get("topic")).get("id")).isEqualTo((int) loud));
    assertThat(others).isNotEmpty();
  }

  @Test
  void trackedAndWatchedTopicsCountUnreadAndMutedOnesLeaveTheLatestList() {
    Account author = fx().member("op");
    Account reader = fx().member("reader");
    String board = fx().board();
    long tracked = fx().topic(author, board);
    long plain = fx().topic(author, board);
    long muted = fx().topic(author, board);
    for (long t : List.of(tracked, plain, muted)) {
      reader.client().post("/api/v1/topics/" + t + "/read", Map.of("postNumber", 1));
      reply(author, t);
      reply(author, t);
    }
    watch(reader, "topics/" + tracked, "tracking");
    watch(reader, "topics/" + muted, "muted");
    String list = "boards/" + board + "/topics";
    assertThat(row(reader, list, tracked))
        .containsEntry("unreadCount", 2)
        .containsEntry("watchLevel", "tracking");
    assertThat(row(reader, list, plain))
        .containsEntry("unreadCount", 0)
        .containsEntry("watchLevel", "normal");
    // A board watched counts unread for its topics without a level of their own.
    watch(reader, "boards/" + board, "watching");
    assertThat(row(reader, list, plain))
        .containsEntry("unreadCount", 2)
        .containsEntry("watchLevel", "watching");
    assertThat(row(reader, list, muted)).isNull();
    assertThat(row(reader, "topics?limit=100", muted)).isNull();
    assertThat(row(reader, "topics?limit=100", tracked)).isNotNull();

    // A muted board leaves the site-wide list but not its own; a topic's own level keeps it.
    watch(reader, "boards/" + board, "muted");
    assertThat(row(reader, "topics?limit=100", plain)).isNull();
    assertThat(row(reader, "topics?limit=100", tracked)).isNotNull();
    assertThat(row(reader, list, plain)).isNotNull();
    assertThat(row(author, "topics?limit=100", muted)).isNotNull();
  }
}
