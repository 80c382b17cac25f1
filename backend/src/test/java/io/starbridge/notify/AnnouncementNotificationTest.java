package io.starbridge.notify;

import static io.starbridge.notify.NotificationApiTest.await;
import static io.starbridge.notify.NotificationApiTest.notifications;
import static io.starbridge.notify.NotificationApiTest.num;
import static io.starbridge.notify.NotificationApiTest.ofKind;
import static io.starbridge.notify.NotificationApiTest.settled;
import static io.starbridge.support.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A group moderator's announcement notifies the group's members (kind group_announcement). */
@MicronautTest(transactional = false)
class AnnouncementNotificationTest extends ForumTest {
  static final String KIND = "group_announcement";

  @Inject EmailDigest digest;

  private void announce(Account who, long topic, boolean on) {
    expect(200, who.client().patch("/api/v1/topics/" + topic, Map.of("announcement", on)));
  }

  private static List<Map<String, Object>> announcements(Account who) {
    return ofKind(await(who, i -> !ofKind(i, KIND).isEmpty()), KIND);
  }

  @Test
  void membersHearOnceWithTopicAndGroupButNotTheAnnouncerNorOutsiders() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    Account outsider = fx().member("out");
    Account pending = fx().member("pend");
    fx().membership(group, ada, "member", "active");
    fx().membership(group, bo, "member", "active");
    fx().membership(group, pending, "member", "pending");
    long topic = fx().groupTopic(owner, group);

    announce(owner, topic, true);

    for (Account member : List.of(ada, bo)) {
      List<Map<String, Object>> items = announcements(member);
      assertThat(items).hasSize(1);
      Map<String, Object> n = items.get(0);
      assertThat(((Map<?, ?>) n.get("topic")).get("id")).isEqualTo((int) topic);
      assertThat(((Map<?, ?>) n.get("topic")).get("title")).isNotNull();
      assertThat(((Map<?, ?>) n.get("group")).get("slug")).isEqualTo(group);
      Map<?, ?> actor = (Map<?, ?>) ((List<?>) n.get("actors")).get(0);
      assertThat(actor.get("handle")).isEqualTo(owner.handle());
    }
    assertThat(ofKind(settled(owner), KIND)).isEmpty();
    assertThat(ofKind(notifications(outsider).items(), KIND)).isEmpty();
    assertThat(ofKind(notifications(pending).items(), KIND)).isEmpty();
  }

  @Test
  void theAuthorHearsWhenAModeratorAnnouncesTheirTopic() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account writer = fx().member("writer");
    Account mod = fx().member("mod");
    fx().membership(group, writer, "member", "active");
    fx().membership(group, mod, "moderator", "active");
    long topic = fx().groupTopic(writer, group);

    announce(mod, topic, true);

    assertThat(announcements(writer)).hasSize(1);
    assertThat(announcements(owner)).hasSize(1);
    assertThat(ofKind(settled(mod), KIND)).isEmpty();
  }

  @Test
  void mutedGroupOrTopicBlockedAnnouncerOrAuthorAndKindTurnedOffHearNothing() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account writer = fx().member("writer");
    Account fan = fx().member("fan");
    Account mutedGroup = fx().member("mgrp");
    Account mutedTopic = fx().member("mtop");
    Account blocksOwner = fx().member("bown");
    Account blocksWriter = fx().member("bwri");
    Account off = fx().member("off");
    for (Account a : List.of(writer, fan, mutedGroup, mutedTopic, blocksOwner, blocksWriter, off)) {
      fx().membership(group, a, "member", "active");
    }
    long topic = fx().groupTopic(writer, group);
    expect(
        200,
        mutedGroup.client().put("/api/v1/groups/" + group + "/watch", Map.of("level", "muted")));
    expect(
        200,
        mutedTopic.client().put("/api/v1/topics/" + topic + "/watch", Map.of("level", "muted")));
    expect(204, blocksOwner.client().put("/api/v1/users/" + owner.handle() + "/block", Map.of()));
    expect(204, blocksWriter.client().put("/api/v1/users/" + writer.handle() + "/block", Map.of()));
    expect(
        200,
        off.client()
            .put(
                "/api/v1/me/notification-preferences",
                Map.of("items", List.of(Map.of("kind", KIND, "inApp", false)))));

    announce(owner, topic, true);

    assertThat(announcements(fan)).hasSize(1);
    assertThat(ofKind(settled(mutedGroup), KIND)).isEmpty();
    for (Account a : List.of(mutedTopic, blocksOwner, blocksWriter, off)) {
      assertThat(ofKind(notifications(a).items(), KIND)).as(a.handle()).isEmpty();
    }
  }

  @Test
  void announcingAgainAfterWithdrawingLeavesOneNotificationAndWithdrawingSendsNothing() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    Account ada = fx().member("ada");
    fx().membership(group, ada, "member", "active");
    long topic = fx().groupTopic(owner, group);

    announce(owner, topic, true);
    assertThat(announcements(ada)).hasSize(1);
    announce(owner, topic, false);
    List<Map<String, Object>> afterWithdraw = settled(ada);
    assertThat(afterWithdraw).hasSize(1);
    assertThat(afterWithdraw.get(0).get("read")).isEqualTo(false);
    announce(owner, topic, true);
    List<Map<String, Object>> items = settled(ada);
    assertThat(ofKind(items, KIND)).hasSize(1);
    assertThat(items).hasSize(1);
    assertThat(num(notifications(ada).get("unreadCount"))).isEqualTo(1);
  }

  @Test
  void aGroupBiggerThanOneInsertBatchIsNotifiedWhole() {
    Account owner = fx().groupCreator("owner");
    String group = fx().group(owner, "public");
    long groupId = fx().groupId(group);
    int size = Notifier.INSERT_BATCH + 100;
    String prefix = "bulk" + io.starbridge.support.Fixtures.letters(8).toLowerCase();
    db.update(
        """
        insert into users (handle, display_name)
        select ? || n, 'Bulk ' || n from generate_series(1, ?) n
        """,
        prefix,
        size);
    db.update(
        """
        insert into group_members (group_id, user_id, role, state)
        select ?, id, 'member', 'active' from users where handle like ? || '%'
        """,
        groupId, prefix);
    long topic = fx().groupTopic(owner, group);

    announce(owner, topic, true);

    String count =
        """
        select count(*) from notifications n join users u on u.id = n.user_id
         where u.handle like ? || '%' and n.kind = ? and n.topic_id = ? and n.group_id = ?
        """;
    long end = System.nanoTime() + 60_000_000_000L;
    while (db.count(count, prefix, KIND, topic, groupId) < size && System.nanoTime() < end) {
      NotificationApiTest.sleep(200);
    }
    assertThat(db.count(count, prefix, KIND, topic, groupId)).isEqualTo(size);
  }

  @Nested
  class Digest {
    /** The digest mails of a member whose locale is {@code locale}, after an announcement. */
    private record Mailed(List<Map<String, Object>> mails, String groupName) {}

    private Mailed announceAndSendDigest(String handle, String locale, String subjectMark) {
      Account owner = fx().groupCreator("owner");
      String group = fx().group(owner, "public");
      Account reader = fx().member(handle);
      expect(200, reader.client().patch("/api/v1/me", Map.of("locale", locale)));
      fx().membership(group, reader, "member", "active");
      long topic = fx().groupTopic(owner, group);
      announce(owner, topic, true);
      assertThat(announcements(reader)).hasSize(1);
      db.update(
          "update notifications set updated_at = now() - interval '1 hour' where user_id = ?",
          reader.id());

      digest.send();

      List<Map<String, Object>> mails =
          client().get("/dev/mailbox").items().stream()
              .filter(m -> m.get("to").equals(reader.email()))
              .filter(m -> m.get("subject").toString().contains(subjectMark))
              .toList();
      String groupName =
          db.one("select name from groups where slug = ?", rs -> rs.getString(1), group)
              .orElseThrow();
      return new Mailed(mails, groupName);
    }

    @Test
    void announcementsAreMailedByDefaultNamingTheGroup() {
      Mailed m = announceAndSendDigest("ada", "en", "unseen");
      assertThat(m.mails()).hasSize(1);
      assertThat(m.mails().get(0).get("text").toString())
          .contains("Announcement in " + m.groupName() + ": ")
          .contains("/t/");
    }

    @Test
    void aChineseReadersDigestIsInChinese() {
      Mailed m = announceAndSendDigest("lin", "zh-CN", "星桥：");
      assertThat(m.mails()).hasSize(1);
      assertThat(m.mails().get(0).get("subject").toString()).isEqualTo("星桥：你有 1 条未读通知");
      assertThat(m.mails().get(0).get("text").toString())
          .startsWith("你在星桥有未读的通知")
          .contains(m.groupName() + " 的公告：")
          .contains("通知设置");
    }
  }
}
