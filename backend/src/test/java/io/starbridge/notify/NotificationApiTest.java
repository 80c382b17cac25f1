package io.starbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class NotificationApiTest extends ForumTest {
  @Inject EmailDigest digest;

  static TestClient.Response notifications(Account who) {
    TestClient.Response r = who.client().get("/api/v1/notifications?limit=100");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r;
  }

  /** Waits (up to 5 s) until the account's notifications satisfy {@code ok}. */
  static List<Map<String, Object>> await(Account who, Predicate<List<Map<String, Object>>> ok) {
    long end = System.nanoTime() + 5_000_000_000L;
    List<Map<String, Object>> items = notifications(who).items();
    while (!ok.test(items) && System.nanoTime() < end) {
      sleep(50);
      items = notifications(who).items();
    }
    return items;
  }

  /** Lets the consumer run past everything written so far, then returns the list. */
  static List<Map<String, Object>> settled(Account who) {
    sleep(900);
    return notifications(who).items();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> items, String kind) {
    return items.stream().filter(i -> kind.equals(i.get("kind"))).toList();
  }

  static long num(Object o) {
    return ((Number) o).longValue();
  }

  private long reply(Account who, long topic, String body, Long replyTo) {
    Map<String, Object> b = new HashMap<>();
    b.put("body", body);
    if (replyTo != null) {
      b.put("replyTo", replyTo);
    }
    TestClient.Response r = who.client().post("/api/v1/topics/" + topic + "/posts", b);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return id(r);
  }

  @Test
  void repliesToMyTopicAndMyPostNotifyOnceEachButNeverMyOwn() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    Account cy = fx().member("cy");
    String board = fx().board();
    long topic = fx().topic(ada, board);
    long boPost = reply(bo, topic, "A first answer from bo", null);
    reply(ada, topic, "The author answers herself", null);
    reply(cy, topic, "Cy answers bo directly", boPost);

    var adaItems = await(ada, i -> ofKind(i, "reply").size() >= 2);
    assertThat(ofKind(adaItems, "reply")).hasSize(2);
    assertThat(adaItems.get(0).get("topic")).isNotNull();
    assertThat(num(((Map<?, ?>) adaItems.get(0).get("topic")).get("id"))).isEqualTo(topic);
    var boItems = await(bo, i -> !ofKind(i, "reply").isEmpty());
    assertThat(ofKind(boItems, "reply")).hasSize(1);
    Map<?, ?> actor = (Map<?, ?>) ((List<?>) boItems.get(0).get("actors")).get(0);
    assertThat(actor.get("handle")).isEqualTo(cy.handle());
    assertThat(settled(cy)).isEmpty();
    assertThat(notifications(ada).get("unreadCount")).isEqualTo(2);
  }

  @Test
  void mentionsRespectMentionPolicyAndBlocksAndAReplyThatMentionsIsOneMention() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    Account shy = fx().member("shy");
    Account blocker = fx().member("blk");
    String board = fx().board();
    assertThat(shy.client().patch("/api/v1/me", Map.of("mentionPolicy", "nobody")).status())
        .isEqualTo(200);
    assertThat(blocker.client().put("/api/v1/users/" + bo.handle() + "/block", Map.of()).status())
        .isEqualTo(204);
    long topic = fx().topic(ada, board);
    reply(
        bo,
        topic,
        "Hello @" + ada.handle() + " and @" + shy.handle() + " and @" + blocker.handle(),
        null);

    var items = await(ada, i -> !i.isEmpty());
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("kind")).isEqualTo("mention");
    assertThat(settled(shy)).isEmpty();
    assertThat(notifications(blocker).items()).isEmpty();
  }

  @Test
  void quotesAreTheirOwnKind() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    long topic = fx().topic(fx().member("op"), fx().board());
    reply(bo, topic, "> @" + ada.handle() + " wrote: stars are far\n\nBut reachable.", null);
    var items = await(ada, i -> !i.isEmpty());
    assertThat(items).extracting(i -> i.get("kind")).containsExactly("quote");
  }

  @Test
  void reactionsAreGroupedPerPostAndStartAgainOnceRead() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    Account cy = fx().member("cy");
    long topic = fx().topic(ada, fx().board());
    long post = fx().firstPostId(topic);
    assertThat(bo.client().put("/api/v1/posts/" + post + "/reactions/like", Map.of()).status())
        .isEqualTo(200);
    assertThat(cy.client().put("/api/v1/posts/" + post + "/reactions/like", Map.of()).status())
        .isEqualTo(200);
    var items = await(ada, i -> !i.isEmpty() && num(i.get(0).get("actorCount")) == 2);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("kind")).isEqualTo("reaction");
    assertThat(num(items.get(0).get("actorCount"))).isEqualTo(2);
    assertThat((List<?>) items.get(0).get("actors")).hasSize(2);
    // Bo takes the like back and gives it again: still one person.
    bo.client().delete("/api/v1/posts/" + post + "/reactions/like");
    bo.client().put("/api/v1/posts/" + post + "/reactions/like", Map.of());
    assertThat(num(settled(ada).get(0).get("actorCount"))).isEqualTo(2);

    TestClient.Response read = ada.client().post("/api/v1/notifications/read", Map.of("all", true));
    assertThat(read.get("unreadCount")).isEqualTo(0);
    Account dee = fx().member("dee");
    dee.client().put("/api/v1/posts/" + post + "/reactions/heart", Map.of());
    items = await(ada, i -> i.get(0).get("read").equals(false));
    assertThat(items).hasSize(1);
    assertThat(num(items.get(0).get("actorCount"))).isEqualTo(1);
    assertThat(items.get(0).get("read")).isEqualTo(false);
  }

  @Test
  void followersGroupAndMutedPeopleNeverNotify() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    Account cy = fx().member("cy");
    Account pest = fx().member("pest");
    ada.client().put("/api/v1/users/" + pest.handle() + "/mute", Map.of());
    bo.client().put("/api/v1/users/" + ada.handle() + "/follow", Map.of());
    cy.client().put("/api/v1/users/" + ada.handle() + "/follow", Map.of());
    pest.client().put("/api/v1/users/" + ada.handle() + "/follow", Map.of());
    var items = await(ada, i -> !i.isEmpty() && num(i.get(0).get("actorCount")) >= 2);
    sleep(500);
    items = notifications(ada).items();
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("kind")).isEqualTo("follow");
    assertThat(num(items.get(0).get("actorCount"))).isEqualTo(2);
    List<Object> handles =
        ((List<?>) items.get(0).get("actors"))
            .stream().map(a -> ((Map<?, ?>) a).get("handle")).map(Object.class::cast).toList();
    assertThat(handles).containsExactlyInAnyOrder(bo.handle(), cy.handle());
  }

  @Test
  void groupInvitationJoinRequestAndApproval() {
    Account owner = fx().groupCreator("own");
    Account guest = fx().member("gst");
    Account asker = fx().member("ask");
    String secret = fx().group(owner, "secret");
    String restricted = fx().group(owner, "restricted");
    assertThat(
            owner
                .client()
                .post("/api/v1/groups/" + secret + "/invites", Map.of("handle", guest.handle()))
                .status())
        .isEqualTo(201);
    var g = await(guest, i -> !i.isEmpty());
    assertThat(g.get(0).get("kind")).isEqualTo("group_invitation");
    assertThat(((Map<?, ?>) g.get(0).get("group")).get("slug")).isEqualTo(secret);

    assertThat(asker.client().post("/api/v1/groups/" + restricted + "/join", Map.of()).status())
        .isEqualTo(200);
    var o = await(owner, i -> !ofKind(i, "group_join_request").isEmpty());
    assertThat(ofKind(o, "group_join_request")).hasSize(1);

    assertThat(
            owner
                .client()
                .put(
                    "/api/v1/groups/" + restricted + "/members/" + asker.handle(),
                    Map.of("state", "active"))
                .status())
        .isEqualTo(200);
    var a = await(asker, i -> !i.isEmpty());
    assertThat(a.get(0).get("kind")).isEqualTo("group_approved");
  }

  @Test
  void verificationDecisionsNotifyTheApplicant() {
    Account sci = fx().member("sci");
    TestClient.Response req =
        sci.client()
            .post(
                "/api/v1/me/verifications",
                Map.of(
                    "kind",
                    "scientist",
                    "evidence",
                    "Postdoc in exoplanet atmospheres",
                    "links",
                    List.of("https://example.org/lab")));
    assertThat(req.status()).isEqualTo(201);
    fx().admin()
        .client()
        .post(
            "/api/v1/admin/verifications/" + id(req) + "/decision", Map.of("decision", "approve"));
    var items = await(sci, i -> !i.isEmpty());
    assertThat(items.get(0).get("kind")).isEqualTo("verification");
    assertThat(((Map<?, ?>) items.get(0).get("data")).get("decision")).isEqualTo("approve");
  }

  @Test
  void watchedTopicsNotifyEveryReplyAndMutedOnesNothing() {
    Account op = fx().member("op");
    Account fan = fx().member("fan");
    Account quiet = fx().member("qt");
    String board = fx().board();
    long topic = fx().topic(op, board);
    assertThat(
            fan.client()
                .put("/api/v1/topics/" + topic + "/watch", Map.of("level", "watching"))
                .get("level"))
        .isEqualTo("watching");
    assertThat(fan.client().get("/api/v1/topics/" + topic + "/watch").get("level"))
        .isEqualTo("watching");
    assertThat(
            op.client()
                .put("/api/v1/topics/" + topic + "/watch", Map.of("level", "muted"))
                .status())
        .isEqualTo(200);
    assertThat(
            quiet
                .client()
                .put("/api/v1/topics/" + topic + "/watch", Map.of("level", "loud"))
                .status())
        .isEqualTo(400);
    reply(quiet, topic, "Some reply that watchers hear about", null);
    var items = await(fan, i -> !i.isEmpty());
    assertThat(items.get(0).get("kind")).isEqualTo("watching");
    assertThat(settled(op)).isEmpty();

    // Watching a board: new topics there.
    fan.client().put("/api/v1/boards/" + board + "/watch", Map.of("level", "watching"));
    long second = fx().topic(op, board);
    var more = await(fan, i -> i.size() >= 2);
    assertThat(more.stream().map(i -> num(((Map<?, ?>) i.get("topic")).get("id"))))
        .contains(second);
  }

  @Test
  void aNotificationAboutARestrictedGroupPostDisappearsWhenTheRecipientLeaves() {
    Account owner = fx().groupCreator("own");
    Account member = fx().member("mem");
    String group = fx().group(owner, "restricted");
    fx().membership(group, member, "member", "active");
    long topic = fx().groupTopic(member, group);
    reply(owner, topic, "Inside the group, @" + member.handle(), null);
    var items = await(member, i -> !i.isEmpty());
    assertThat(items).hasSize(1);
    assertThat(member.client().delete("/api/v1/groups/" + group + "/members/me").status())
        .isEqualTo(204);
    TestClient.Response after = notifications(member);
    assertThat(after.items()).isEmpty();
    assertThat(after.get("unreadCount")).isEqualTo(0);
  }

  @Test
  void preferencesTurnKindsOffAndValidate() {
    Account ada = fx().member("ada");
    TestClient.Response prefs = ada.client().get("/api/v1/me/notification-preferences");
    assertThat(prefs.status()).isEqualTo(200);
    assertThat(prefs.items()).anyMatch(p -> p.get("kind").equals("mention"));
    TestClient.Response bad =
        ada.client()
            .put(
                "/api/v1/me/notification-preferences",
                Map.of("items", List.of(Map.of("kind", "nope", "inApp", false))));
    assertProblem(bad, 400, "/problems/validation");
    TestClient.Response ok =
        ada.client()
            .put(
                "/api/v1/me/notification-preferences",
                Map.of("items", List.of(Map.of("kind", "reply", "inApp", false, "email", false))));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.items())
        .filteredOn(p -> p.get("kind").equals("reply"))
        .first()
        .satisfies(p -> assertThat(p.get("inApp")).isEqualTo(false));
    long topic = fx().topic(ada, fx().board());
    reply(fx().member("bo"), topic, "A reply ada asked not to hear about", null);
    assertThat(settled(ada)).isEmpty();
    assertThat(anonymous().get("/api/v1/notifications").status()).isEqualTo(401);
  }

  @Test
  void readMarksAndTheDigestMailsOnlyUnseenMentions() {
    Account ada = fx().member("ada");
    Account bo = fx().member("bo");
    long topic = fx().topic(bo, fx().board());
    reply(bo, topic, "Calling @" + ada.handle() + " to the rescue", null);
    var items = await(ada, i -> !i.isEmpty());
    long id = num(items.get(0).get("id"));
    db.update(
        "update notifications set updated_at = now() - interval '1 hour' where user_id = ?",
        ada.id());
    assertThat(digest.send()).isGreaterThanOrEqualTo(1);
    TestClient.Response box = client().get("/dev/mailbox");
    assertThat(box.items())
        .anyMatch(
            m ->
                m.get("to").equals(ada.email())
                    && m.get("subject").toString().equals("星桥：你有 1 条未读通知"));
    // Mailed once only.
    int before = box.items().size();
    digest.send();
    assertThat(
            client().get("/dev/mailbox").items().stream()
                .filter(
                    m ->
                        m.get("to").equals(ada.email())
                            && m.get("subject").toString().contains("未读通知"))
                .count())
        .isEqualTo(1);
    assertThat(before).isPositive();
    TestClient.Response r =
        ada.client().post("/api/v1/notifications/read", Map.of("ids", List.of(id)));
    assertThat(r.get("updated")).isEqualTo(1);
    assertThat(notifications(ada).get("unreadCount")).isEqualTo(0);
  }
}
