package io.starbridge.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.Fixtures;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class GroupApiTest extends ForumTest {

  private static Map<String, Object> groupBody(Fixtures fx, String visibility) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", fx.uniqueSlug("g"));
    body.put("name", "  Hard SF workshop ");
    body.put("description", "Writers **and** physicists");
    body.put("visibility", visibility);
    body.put("disciplines", List.of("writer", "scientist"));
    body.put("fields", List.of("Synthetic Biology", "astrophysics"));
    return body;
  }

  private int memberCount(String slug) {
    return db.one(
            "select member_count from groups where slug = ? and deleted_at is null",
            rs -> rs.getInt(1),
            slug)
        .orElseThrow();
  }

  @Nested
  class Creating {
    @Test
    void trustLevelOneCreatesAndOwnsIt() {
      Account owner = fx().groupCreator("owner");
      Map<String, Object> body = groupBody(fx(), "restricted");
      TestClient.Response r = fx().expect(201, owner.client().post("/api/v1/groups", body));
      assertThat(r.string("name")).isEqualTo("Hard SF workshop");
      assertThat(r.string("descriptionHtml")).contains("<strong>and</strong>");
      assertThat(r.string("description")).isEqualTo("Writers **and** physicists");
      assertThat(r.get("fields")).isEqualTo(List.of("synthetic-biology", "astrophysics"));
      assertThat(r.string("membership.role")).isEqualTo("owner");
      assertThat(r.string("membership.state")).isEqualTo("active");
      assertThat(r.string("owner.handle")).isEqualTo(owner.handle());
      assertThat(((Number) r.get("memberCount")).intValue()).isEqualTo(1);
      assertThat(r.get("avatarUrl")).isNull();
      assertThat(r.get("permissions.canDelete")).isEqualTo(true);
      assertThat(r.get("permissions.canLeave")).isEqualTo(false);
      assertThat(fx().eventTypes("group", id(r))).containsExactly("GroupCreated");
    }

    @Test
    void trustLevelZeroIsRefusedWithAReason() {
      Account newcomer = fx().member("new");
      TestClient.Response r = newcomer.client().post("/api/v1/groups", groupBody(fx(), "public"));
      assertProblem(r, 403, "/problems/forbidden");
      assertThat(r.string("detail")).contains("trust level 1");
      assertProblem(
          anonymous().post("/api/v1/groups", groupBody(fx(), "public")),
          401,
          "/problems/unauthorized");
    }

    @Test
    void badFieldsAndTakenSlugsAreRefused() {
      Account owner = fx().groupCreator("owner");
      Map<String, Object> bad = groupBody(fx(), "public");
      bad.put("slug", "-Bad Slug");
      bad.put("disciplines", List.of("astrologer"));
      TestClient.Response r = owner.client().post("/api/v1/groups", bad);
      assertProblem(r, 400, "/problems/validation");
      assertThat(r.body()).contains("slug").contains("disciplines[0]");
      String slug = fx().group(owner, "public");
      Map<String, Object> dup = groupBody(fx(), "public");
      dup.put("slug", slug);
      assertProblem(owner.client().post("/api/v1/groups", dup), 409, "/problems/conflict");
    }
  }

  @Nested
  class EditingAndDeleting {
    @Test
    void moderatorsEditButOnlyTheOwnerChangesVisibility() {
      Account owner = fx().groupCreator("owner");
      Account mod = fx().member("gmod");
      Account member = fx().member("member");
      String slug = fx().group(owner, "public");
      fx().membership(slug, mod, "moderator", "active");
      fx().membership(slug, member, "member", "active");
      TestClient.Response edited =
          fx().expect(
                  200,
                  mod.client()
                      .patch(
                          "/api/v1/groups/" + slug,
                          Map.of("name", "Renamed", "fields", List.of("AI"))));
      assertThat(edited.string("name")).isEqualTo("Renamed");
      assertThat(edited.get("fields")).isEqualTo(List.of("ai"));
      assertProblem(
          mod.client().patch("/api/v1/groups/" + slug, Map.of("visibility", "secret")),
          403,
          "/problems/forbidden");
      assertProblem(
          member.client().patch("/api/v1/groups/" + slug, Map.of("name", "Mine")),
          403,
          "/problems/forbidden");
      assertThat(member.client().get("/api/v1/groups/" + slug).get("description")).isNull();
      fx().expect(
              200, owner.client().patch("/api/v1/groups/" + slug, Map.of("visibility", "secret")));
      long id = fx().groupId(slug);
      List<Fixtures.Event> events = fx().events("group", id);
      assertThat(events.get(events.size() - 1).type()).isEqualTo("GroupUpdated");
      assertThat(events.get(events.size() - 1).payload())
          .contains("\"visibility\": \"secret\"")
          .contains("\"previousVisibility\": \"public\"");
      // the moderator's edit is audit-logged in the group's scope, the owner's is not
      assertThat(fx().groupAudits(id))
          .extracting(Fixtures.Audit::action)
          .containsExactly("edit_group");
    }

    @Test
    void theOwnerOrAnAdminDeletes() {
      Account owner = fx().groupCreator("owner");
      Account mod = fx().member("gmod");
      String slug = fx().group(owner, "public");
      fx().membership(slug, mod, "moderator", "active");
      long topic = fx().groupTopic(owner, slug);
      long id = fx().groupId(slug);
      assertProblem(mod.client().delete("/api/v1/groups/" + slug), 403, "/problems/forbidden");
      fx().expect(204, owner.client().delete("/api/v1/groups/" + slug));
      assertProblem(anonymous().get("/api/v1/groups/" + slug), 404, "/problems/not-found");
      assertProblem(owner.client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
      assertThat(fx().eventTypes("group", id)).contains("GroupDeleted");

      String other = fx().group(owner, "secret");
      fx().expect(204, fx().admin().client().delete("/api/v1/groups/" + other));
      assertThat(
              fx().groupAudits(
                      db.one("select id from groups where slug = ?", rs -> rs.getLong(1), other)
                          .orElseThrow()))
          .extracting(Fixtures.Audit::action)
          .containsExactly("delete_group");
    }
  }

  @Nested
  class Joining {
    @Test
    void aPublicGroupTakesAnyoneAtOnce() {
      Account owner = fx().groupCreator("owner");
      Account joiner = fx().member("joiner");
      String slug = fx().group(owner, "public");
      TestClient.Response r =
          fx().expect(200, joiner.client().post("/api/v1/groups/" + slug + "/join", null));
      assertThat(r.map()).isEqualTo(Map.of("role", "member", "state", "active"));
      // idempotent
      fx().expect(200, joiner.client().post("/api/v1/groups/" + slug + "/join", null));
      assertThat(memberCount(slug)).isEqualTo(2);
      assertThat(fx().eventTypes("group", fx().groupId(slug)))
          .containsExactly("GroupCreated", "GroupMemberJoined");
      assertProblem(
          anonymous().post("/api/v1/groups/" + slug + "/join", null),
          401,
          "/problems/unauthorized");
    }

    @Test
    void aRestrictedGroupTakesRequestsThatManagersApprove() {
      Account owner = fx().groupCreator("owner");
      Account mod = fx().member("gmod");
      Account joiner = fx().member("joiner");
      String slug = fx().group(owner, "restricted");
      fx().membership(slug, mod, "moderator", "active");
      TestClient.Response r =
          fx().expect(200, joiner.client().post("/api/v1/groups/" + slug + "/join", null));
      assertThat(r.string("state")).isEqualTo("pending");
      assertProblem(
          joiner.client().get("/api/v1/groups/" + slug + "/topics"), 403, "/problems/forbidden");
      TestClient.Response requests =
          fx().expect(200, mod.client().get("/api/v1/groups/" + slug + "/members?state=pending"));
      assertThat(requests.items())
          .extracting(i -> (Object) ((Map<?, ?>) i.get("user")).get("handle"))
          .containsExactly(joiner.handle());
      TestClient.Response approved =
          fx().expect(
                  200,
                  mod.client()
                      .put(
                          "/api/v1/groups/" + slug + "/members/" + joiner.handle(),
                          Map.of("state", "active")));
      assertThat(approved.string("state")).isEqualTo("active");
      assertThat(approved.string("user.handle")).isEqualTo(joiner.handle());
      fx().expect(200, joiner.client().get("/api/v1/groups/" + slug + "/topics"));
      long id = fx().groupId(slug);
      assertThat(fx().groupAudits(id))
          .extracting(Fixtures.Audit::action)
          .containsExactly("approve_group_member");
      assertThat(fx().eventTypes("group", id))
          .contains("GroupMemberRequested", "GroupMemberApproved");
      assertThat(memberCount(slug)).isEqualTo(3);
    }

    @Test
    void aDeclinedRequestLeavesNoMembership() {
      Account owner = fx().groupCreator("owner");
      Account joiner = fx().member("joiner");
      String slug = fx().group(owner, "restricted");
      fx().expect(200, joiner.client().post("/api/v1/groups/" + slug + "/join", null));
      fx().expect(
              204, owner.client().delete("/api/v1/groups/" + slug + "/members/" + joiner.handle()));
      assertThat(joiner.client().get("/api/v1/groups/" + slug).get("membership")).isNull();
      assertThat(fx().groupAudits(fx().groupId(slug)))
          .extracting(Fixtures.Audit::action)
          .containsExactly("decline_group_request");
    }

    @Test
    void aSecretGroupIsJoinedByInvitationOnly() {
      Account owner = fx().groupCreator("owner");
      Account outsider = fx().member("outsider");
      String slug = fx().group(owner, "secret");
      assertProblem(
          outsider.client().post("/api/v1/groups/" + slug + "/join", null),
          404,
          "/problems/not-found");
      TestClient.Response invited =
          owner
              .client()
              .post("/api/v1/groups/" + slug + "/invites", Map.of("handle", outsider.handle()));
      assertThat(invited.status()).as("%s", invited).isEqualTo(201);
      assertThat(invited.string("state")).isEqualTo("invited");
      TestClient.Response about = fx().expect(200, outsider.client().get("/api/v1/groups/" + slug));
      assertThat(about.get("permissions.canJoin")).isEqualTo(true);
      assertThat(about.get("permissions.canReadContent")).isEqualTo(false);
      TestClient.Response joined =
          fx().expect(200, outsider.client().post("/api/v1/groups/" + slug + "/join", null));
      assertThat(joined.string("state")).isEqualTo("active");
      fx().expect(200, outsider.client().get("/api/v1/groups/" + slug + "/topics"));
    }

    @Test
    void aBanPreventsJoiningAgain() {
      Account owner = fx().groupCreator("owner");
      Account troll = fx().member("troll");
      String slug = fx().group(owner, "public");
      fx().expect(200, troll.client().post("/api/v1/groups/" + slug + "/join", null));
      TestClient.Response banned =
          fx().expect(
                  200,
                  owner
                      .client()
                      .put(
                          "/api/v1/groups/" + slug + "/members/" + troll.handle(),
                          Map.of("state", "banned", "reason", "spam")));
      assertThat(banned.string("state")).isEqualTo("banned");
      assertThat(memberCount(slug)).isEqualTo(1);
      assertProblem(
          troll.client().post("/api/v1/groups/" + slug + "/join", null),
          403,
          "/problems/forbidden");
      assertProblem(
          troll.client().delete("/api/v1/groups/" + slug + "/members/me"),
          403,
          "/problems/forbidden");
      assertProblem(
          troll.client().post("/api/v1/topics", fx().groupTopicBody(slug)),
          403,
          "/problems/forbidden");
      List<Fixtures.Audit> audits = fx().groupAudits(fx().groupId(slug));
      assertThat(audits).extracting(Fixtures.Audit::action).containsExactly("ban_group_member");
      assertThat(audits.get(0).reason()).isEqualTo("spam");
      // someone who never joined can be banned pre-emptively; lifting the ban is a DELETE
      Account other = fx().member("other");
      fx().expect(
              200,
              owner
                  .client()
                  .put(
                      "/api/v1/groups/" + slug + "/members/" + other.handle(),
                      Map.of("state", "banned")));
      assertProblem(
          other.client().post("/api/v1/groups/" + slug + "/join", null),
          403,
          "/problems/forbidden");
      fx().expect(
              204, owner.client().delete("/api/v1/groups/" + slug + "/members/" + other.handle()));
      fx().expect(200, other.client().post("/api/v1/groups/" + slug + "/join", null));
    }
  }

  @Nested
  class Invitations {
    @Test
    void invitationsAreListedAcceptedOrDeclined() {
      Account owner = fx().groupCreator("owner");
      Account guest = fx().member("guest");
      String a = fx().group(owner, "restricted");
      String b = fx().group(owner, "secret");
      fx().expect(
              201,
              owner
                  .client()
                  .post("/api/v1/groups/" + a + "/invites", Map.of("handle", guest.handle())));
      fx().expect(
              201,
              owner
                  .client()
                  .post("/api/v1/groups/" + b + "/invites", Map.of("handle", guest.handle())));
      assertProblem(
          owner.client().post("/api/v1/groups/" + a + "/invites", Map.of("handle", guest.handle())),
          409,
          "/problems/conflict");
      TestClient.Response mine = fx().expect(200, guest.client().get("/api/v1/me/invitations"));
      assertThat(mine.items())
          .extracting(i -> (Object) ((Map<?, ?>) i.get("group")).get("slug"))
          .containsExactlyInAnyOrder(a, b);
      assertThat(mine.items().get(0).get("invitedBy")).isInstanceOf(Map.class);
      assertThat(((Map<?, ?>) mine.items().get(0).get("invitedBy")).get("handle"))
          .isEqualTo(owner.handle());
      // accept one, decline the other
      fx().expect(200, guest.client().post("/api/v1/groups/" + a + "/join", null));
      fx().expect(204, guest.client().delete("/api/v1/groups/" + b + "/members/me"));
      assertThat(fx().expect(200, guest.client().get("/api/v1/me/invitations")).items()).isEmpty();
      assertProblem(guest.client().get("/api/v1/groups/" + b), 404, "/problems/not-found");
      assertThat(fx().eventTypes("group", fx().groupId(b)))
          .contains("GroupMemberInvited", "GroupMemberLeft");
      assertProblem(anonymous().get("/api/v1/me/invitations"), 401, "/problems/unauthorized");
    }

    @Test
    void onlyManagersInvite() {
      Account owner = fx().groupCreator("owner");
      Account member = fx().member("member");
      Account guest = fx().member("guest");
      String slug = fx().group(owner, "public");
      fx().membership(slug, member, "member", "active");
      assertProblem(
          member
              .client()
              .post("/api/v1/groups/" + slug + "/invites", Map.of("handle", guest.handle())),
          403,
          "/problems/forbidden");
      assertProblem(
          owner
              .client()
              .post(
                  "/api/v1/groups/" + slug + "/invites",
                  Map.of("handle", "nobody_" + guest.handle())),
          404,
          "/problems/not-found");
    }
  }

  @Nested
  class RolesAndOwnership {
    @Test
    void theSoleOwnerCannotLeaveUntilOwnershipIsHandedOver() {
      Account owner = fx().groupCreator("owner");
      Account heir = fx().member("heir");
      String slug = fx().group(owner, "public");
      fx().membership(slug, heir, "member", "active");
      assertProblem(
          owner.client().delete("/api/v1/groups/" + slug + "/members/me"),
          409,
          "/problems/conflict");
      TestClient.Response r =
          fx().expect(
                  200,
                  owner
                      .client()
                      .put(
                          "/api/v1/groups/" + slug + "/members/" + heir.handle(),
                          Map.of("role", "owner")));
      assertThat(r.string("role")).isEqualTo("owner");
      TestClient.Response old = fx().expect(200, owner.client().get("/api/v1/groups/" + slug));
      assertThat(old.string("membership.role")).isEqualTo("moderator");
      assertThat(old.string("owner.handle")).isEqualTo(heir.handle());
      assertThat(fx().groupAudits(fx().groupId(slug)))
          .extracting(Fixtures.Audit::action)
          .containsExactly("transfer_group_ownership");
      assertThat(fx().eventTypes("group", fx().groupId(slug))).contains("GroupMemberRoleChanged");
      fx().expect(204, owner.client().delete("/api/v1/groups/" + slug + "/members/me"));
      assertThat(memberCount(slug)).isEqualTo(1);
      assertThat(fx().eventTypes("group", fx().groupId(slug))).contains("GroupMemberLeft");
    }

    @Test
    void groupModeratorsActOnMembersOnlyAndSetNoRoles() {
      Account owner = fx().groupCreator("owner");
      Account mod = fx().member("gmod");
      Account mod2 = fx().member("gmod2");
      Account member = fx().member("member");
      String slug = fx().group(owner, "public");
      fx().membership(slug, mod, "moderator", "active");
      fx().membership(slug, mod2, "moderator", "active");
      fx().membership(slug, member, "member", "active");
      String base = "/api/v1/groups/" + slug + "/members/";
      assertProblem(
          mod.client().put(base + member.handle(), Map.of("role", "moderator")),
          403,
          "/problems/forbidden");
      assertProblem(mod.client().delete(base + mod2.handle()), 403, "/problems/forbidden");
      assertProblem(
          mod.client().put(base + owner.handle(), Map.of("state", "banned")),
          403,
          "/problems/forbidden");
      assertProblem(member.client().delete(base + mod.handle()), 403, "/problems/forbidden");
      fx().expect(204, mod.client().delete(base + member.handle()));
      assertThat(fx().groupAudits(fx().groupId(slug)))
          .extracting(Fixtures.Audit::action)
          .containsExactly("remove_group_member");
      fx().expect(200, owner.client().put(base + mod2.handle(), Map.of("role", "member")));
      assertThat(fx().groupAudits(fx().groupId(slug)))
          .extracting(Fixtures.Audit::action)
          .contains("set_group_role");
      assertProblem(
          owner.client().put(base + owner.handle(), Map.of("role", "member")),
          409,
          "/problems/conflict");
    }
  }

  @Nested
  class Directory {
    @Test
    void filtersBySortsAndHidesSecretGroups() {
      Account owner = fx().groupCreator("owner");
      String tag = fx().uniqueSlug("field");
      String big =
          fx().group(
                  owner, "public", Map.of("fields", List.of(tag), "disciplines", List.of("games")));
      String small = fx().group(owner, "restricted", Map.of("fields", List.of(tag)));
      String hidden = fx().group(owner, "secret", Map.of("fields", List.of(tag)));
      fx().membership(big, fx().member("m1"), "member", "active");
      fx().membership(big, fx().member("m2"), "member", "active");
      TestClient.Response byMembers =
          fx().expect(200, anonymous().get("/api/v1/groups?field=" + tag + "&sort=members"));
      assertThat(byMembers.items()).extracting(i -> i.get("slug")).containsExactly(big, small);
      assertThat(byMembers.items().get(0).get("memberCount")).isEqualTo(3);
      TestClient.Response mine =
          fx().expect(200, owner.client().get("/api/v1/groups?field=" + tag + "&sort=new"));
      assertThat(mine.items()).extracting(i -> i.get("slug")).containsExactly(hidden, small, big);
      assertThat(
              fx().expect(200, anonymous().get("/api/v1/groups?field=" + tag + "&discipline=games"))
                  .items())
          .extracting(i -> i.get("slug"))
          .containsExactly(big);
      TestClient.Response page1 =
          fx().expect(200, owner.client().get("/api/v1/groups?field=" + tag + "&limit=2"));
      assertThat(page1.items()).hasSize(2);
      TestClient.Response page2 =
          fx().expect(
                  200,
                  owner
                      .client()
                      .get(
                          "/api/v1/groups?field="
                              + tag
                              + "&limit=2&cursor="
                              + page1.string("nextCursor")));
      assertThat(page2.items()).hasSize(1);
      assertThat(page2.get("nextCursor")).isNull();
      assertProblem(anonymous().get("/api/v1/groups?sort=best"), 400, "/problems/validation");
    }

    @Test
    void forYouFavoursTheBridgeAndSkipsGroupsIBelongTo() {
      Account me = fx().member("writer");
      db.update(
          "update users set disciplines = '{writer}', fields = '{space-elevators}' where id = ?",
          me.id());
      Account owner = fx().groupCreator("owner");
      String tag = fx().uniqueSlug("bridge");
      // writers only, no shared field
      String echo =
          fx().group(
                  owner,
                  "public",
                  Map.of("disciplines", List.of("writer"), "fields", List.of(tag)));
      // writers meet engineers around my field
      String bridge =
          fx().group(
                  owner,
                  "public",
                  Map.of(
                      "disciplines",
                      List.of("writer", "engineer"),
                      "fields",
                      List.of(tag, "space-elevators")));
      String joined =
          fx().group(
                  owner,
                  "public",
                  Map.of(
                      "disciplines",
                      List.of("writer", "engineer"),
                      "fields",
                      List.of(tag, "space-elevators")));
      fx().membership(joined, me, "member", "active");
      Account engineer = fx().member("eng");
      db.update("update users set disciplines = '{engineer}' where id = ?", engineer.id());
      fx().membership(bridge, engineer, "member", "active");
      db.update("update users set disciplines = '{writer}' where id = ?", owner.id());
      TestClient.Response r =
          fx().expect(200, me.client().get("/api/v1/groups?sort=for_you&field=" + tag));
      assertThat(r.items()).extracting(i -> i.get("slug")).containsExactly(bridge, echo);
      TestClient.Response view = fx().expect(200, me.client().get("/api/v1/groups/" + bridge));
      assertThat(view.get("disciplineMix"))
          .isEqualTo(
              List.of(
                  Map.of("discipline", "engineer", "count", 1),
                  Map.of("discipline", "writer", "count", 1)));
      // anonymous: the activity order
      fx().expect(200, anonymous().get("/api/v1/groups?sort=for_you&field=" + tag));
    }

    @Test
    void aPersonsGroupsShowOnlyWhatTheCallerMaySee() {
      Account owner = fx().groupCreator("owner");
      String open = fx().group(owner, "public");
      String secret = fx().group(owner, "secret");
      TestClient.Response seen =
          fx().expect(200, anonymous().get("/api/v1/users/" + owner.handle() + "/groups"));
      assertThat(seen.items()).extracting(i -> i.get("slug")).containsExactly(open);
      TestClient.Response own =
          fx().expect(200, owner.client().get("/api/v1/users/" + owner.handle() + "/groups"));
      assertThat(own.items()).extracting(i -> i.get("slug")).containsExactly(secret, open);
      assertProblem(
          anonymous().get("/api/v1/users/no_such_person_here/groups"), 404, "/problems/not-found");
    }
  }

  @Nested
  class Following {
    @Test
    void followIsIdempotentAndShowsOnTheGroup() {
      Account owner = fx().groupCreator("owner");
      Account fan = fx().member("fan");
      String slug = fx().group(owner, "restricted");
      fx().expect(204, fan.client().put("/api/v1/groups/" + slug + "/follow", null));
      fx().expect(204, fan.client().put("/api/v1/groups/" + slug + "/follow", null));
      assertThat(fan.client().get("/api/v1/groups/" + slug).get("following")).isEqualTo(true);
      fx().expect(204, fan.client().delete("/api/v1/groups/" + slug + "/follow"));
      assertThat(fan.client().get("/api/v1/groups/" + slug).get("following")).isEqualTo(false);
      assertThat(fx().eventTypes("group", fx().groupId(slug)))
          .containsExactly("GroupCreated", "GroupFollowed", "GroupUnfollowed");
      String secret = fx().group(owner, "secret");
      assertProblem(
          fan.client().put("/api/v1/groups/" + secret + "/follow", null),
          404,
          "/problems/not-found");
    }
  }

  @Nested
  class Discussions {
    @Test
    void membersPostAndTheGroupCountsIt() {
      Account owner = fx().groupCreator("owner");
      Account member = fx().member("member");
      Account outsider = fx().member("outsider");
      String slug = fx().group(owner, "restricted");
      fx().membership(slug, member, "member", "active");
      TestClient.Response created =
          fx().expect(201, member.client().post("/api/v1/topics", fx().groupTopicBody(slug)));
      long topic = id(created);
      assertThat(created.get("board")).isNull();
      assertThat(created.string("group.slug")).isEqualTo(slug);
      assertThat(created.get("permissions.canReply")).isEqualTo(true);
      fx().reply(owner, topic);
      TestClient.Response about = fx().expect(200, anonymous().get("/api/v1/groups/" + slug));
      assertThat(about.get("topicCount")).isEqualTo(1);
      assertThat(about.get("postCount")).isEqualTo(2);
      assertThat(fx().events("topic", topic).get(0).payload())
          .contains("\"groupId\": " + fx().groupId(slug));
      assertProblem(
          outsider.client().post("/api/v1/topics", fx().groupTopicBody(slug)),
          403,
          "/problems/forbidden");
      assertProblem(
          outsider.client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "hi")),
          404,
          "/problems/not-found");
      Map<String, Object> both = fx().groupTopicBody(slug);
      both.put("board", fx().board());
      assertProblem(member.client().post("/api/v1/topics", both), 400, "/problems/validation");
      // the group list shows it; the site-wide list does not, even to members
      TestClient.Response list =
          fx().expect(200, member.client().get("/api/v1/groups/" + slug + "/topics"));
      assertThat(list.items())
          .extracting(i -> ((Number) i.get("id")).longValue())
          .containsExactly(topic);
      assertThat(list.items().get(0).get("board")).isNull();
      assertThat(((Map<?, ?>) list.items().get(0).get("group")).get("slug")).isEqualTo(slug);
      TestClient.Response latest =
          fx().expect(200, member.client().get("/api/v1/topics?sort=new&limit=100"));
      assertThat(latest.items())
          .extracting(i -> ((Number) i.get("id")).longValue())
          .doesNotContain(topic);
    }

    @Test
    void publicGroupsJoinTheSiteWideListButTakePostsFromMembersOnly() {
      Account owner = fx().groupCreator("owner");
      Account passer = fx().member("passer");
      String slug = fx().group(owner, "public");
      long topic = fx().groupTopic(owner, slug);
      TestClient.Response latest =
          fx().expect(200, anonymous().get("/api/v1/topics?sort=new&limit=100"));
      assertThat(latest.items())
          .extracting(i -> ((Number) i.get("id")).longValue())
          .contains(topic);
      TestClient.Response view = fx().expect(200, passer.client().get("/api/v1/topics/" + topic));
      assertThat(view.get("permissions.canReply")).isEqualTo(false);
      TestClient.Response r =
          passer.client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "hello"));
      assertProblem(r, 403, "/problems/forbidden");
      assertThat(r.string("detail")).contains("join");
      fx().expect(200, passer.client().post("/api/v1/groups/" + slug + "/join", null));
      fx().createReply(passer, topic, "hello");
    }

    @Test
    void groupModeratorsModerateInsideTheirGroupOnly() {
      Account owner = fx().groupCreator("owner");
      Account mod = fx().member("gmod");
      Account member = fx().member("member");
      String slug = fx().group(owner, "restricted");
      String otherGroup = fx().group(owner, "public");
      fx().membership(slug, mod, "moderator", "active");
      fx().membership(slug, member, "member", "active");
      fx().membership(otherGroup, mod, "member", "active");
      long topic = fx().groupTopic(member, slug);
      long reply = fx().reply(owner, topic);
      long elsewhere = fx().groupTopic(owner, otherGroup);
      long boardTopic = fx().topic(fx().admin(), fx().board());
      long groupId = fx().groupId(slug);

      TestClient.Response view = fx().expect(200, mod.client().get("/api/v1/topics/" + topic));
      assertThat(view.get("permissions.canModerate")).isEqualTo(true);
      fx().expect(
              200,
              mod.client()
                  .patch("/api/v1/topics/" + topic, Map.of("pinned", "board", "locked", true)));
      assertProblem(
          mod.client().patch("/api/v1/topics/" + topic, Map.of("pinned", "global")),
          403,
          "/problems/forbidden");
      assertProblem(
          mod.client().patch("/api/v1/topics/" + topic, Map.of("board", fx().board())),
          403,
          "/problems/forbidden");
      fx().expect(204, mod.client().delete("/api/v1/posts/" + reply));
      fx().expect(200, mod.client().post("/api/v1/posts/" + reply + "/restore", null));
      assertThat(fx().groupAudits(groupId))
          .extracting(Fixtures.Audit::action)
          .containsExactly("pin_topic", "lock_topic", "delete_post", "restore_post");
      // not elsewhere
      assertProblem(
          mod.client().patch("/api/v1/topics/" + elsewhere, Map.of("locked", true)),
          403,
          "/problems/forbidden");
      assertProblem(
          mod.client().patch("/api/v1/topics/" + boardTopic, Map.of("locked", true)),
          403,
          "/problems/forbidden");
      // locked: members cannot reply, the group's moderator can
      assertProblem(
          member.client().post("/api/v1/topics/" + topic + "/posts", Map.of("body", "more")),
          403,
          "/problems/forbidden");
      fx().createReply(mod, topic, "a moderator's note");
      // pinned inside the group's list
      TestClient.Response list =
          fx().expect(200, member.client().get("/api/v1/groups/" + slug + "/topics"));
      assertThat(list.items().get(0).get("pinned")).isEqualTo("board");
    }

    @Test
    void siteModeratorsDoNotReadRestrictedGroupsButAdminsDo() {
      Account owner = fx().groupCreator("owner");
      String slug = fx().group(owner, "restricted");
      long topic = fx().groupTopic(owner, slug);
      assertProblem(
          fx().moderator().client().get("/api/v1/topics/" + topic), 404, "/problems/not-found");
      TestClient.Response admin =
          fx().expect(200, fx().admin().client().get("/api/v1/topics/" + topic));
      assertThat(admin.get("permissions.canModerate")).isEqualTo(true);
    }

    @Test
    void postsReactionsBookmarksAndReadsWorkAndLeaveWithTheMember() {
      Account owner = fx().groupCreator("owner");
      Account member = fx().member("member");
      String slug = fx().group(owner, "restricted");
      fx().membership(slug, member, "member", "active");
      long topic = fx().groupTopic(owner, slug);
      long post = fx().firstPostId(topic);
      fx().expect(200, member.client().put("/api/v1/posts/" + post + "/reactions/like", null));
      fx().expect(
              204,
              member
                  .client()
                  .put("/api/v1/posts/" + post + "/bookmark", Map.of("note", "read later")));
      fx().expect(
              204,
              member.client().post("/api/v1/topics/" + topic + "/read", Map.of("postNumber", 1)));
      fx().expect(
              200,
              owner.client().patch("/api/v1/posts/" + post, Map.of("body", "edited text here")));
      fx().expect(200, member.client().get("/api/v1/posts/" + post + "/revisions"));
      TestClient.Response marks = fx().expect(200, member.client().get("/api/v1/me/bookmarks"));
      assertThat(marks.items())
          .extracting(i -> ((Number) i.get("postId")).longValue())
          .contains(post);
      fx().expect(204, member.client().delete("/api/v1/groups/" + slug + "/members/me"));
      marks = fx().expect(200, member.client().get("/api/v1/me/bookmarks"));
      assertThat(marks.items())
          .extracting(i -> ((Number) i.get("postId")).longValue())
          .doesNotContain(post);
      assertProblem(member.client().get("/api/v1/posts/" + post), 404, "/problems/not-found");
    }
  }
}
