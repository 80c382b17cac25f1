package io.starbridge.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class BoardApiTest extends ForumTest {

  private static List<String> slugs(List<Map<String, Object>> items) {
    return items.stream().map(m -> (String) m.get("slug")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> childSlugs(TestClient.Response list, String parent) {
    for (Map<String, Object> b : list.items()) {
      if (parent.equals(b.get("slug"))) {
        return slugs((List<Map<String, Object>>) b.get("children"));
      }
    }
    throw new AssertionError("no board " + parent);
  }

  @Nested
  class Listing {
    @Test
    void anonymousSeesOnlyPublicBoards() {
      String open = fx().board();
      String members = fx().board(Map.of("readAccess", "signed_in"));
      String staff = fx().board(Map.of("readAccess", "staff"));
      List<String> seen = slugs(anonymous().get("/api/v1/boards").items());
      assertThat(seen).contains(open, "writing").doesNotContain(members, staff);
    }

    @Test
    void membersSeeMemberBoardsButNotStaffBoards() {
      String members = fx().board(Map.of("readAccess", "signed_in"));
      String staff = fx().board(Map.of("readAccess", "staff"));
      Account member = fx().member("reader");
      List<String> seen = slugs(member.client().get("/api/v1/boards").items());
      assertThat(seen).contains(members).doesNotContain(staff);
      assertThat(slugs(fx().moderator().client().get("/api/v1/boards").items()))
          .contains(members, staff);
    }

    @Test
    void trustLevelBoardsNeedTheLevel() {
      String tl2 = fx().board(Map.of("readAccess", "trust_level", "minReadTrust", 2));
      assertProblem(
          fx().member("tl0").client().get("/api/v1/boards/" + tl2), 404, "/problems/not-found");
      assertThat(fx().withTrust("tl2", 2).client().get("/api/v1/boards/" + tl2).status())
          .isEqualTo(200);
    }

    @Test
    void subBoardsAreNestedUnderTheirParent() {
      String parent = fx().board();
      String child = fx().board(Map.of("parent", parent, "position", 1));
      TestClient.Response list = anonymous().get("/api/v1/boards");
      assertThat(slugs(list.items())).contains(parent).doesNotContain(child);
      assertThat(childSlugs(list, parent)).containsExactly(child);
      TestClient.Response one = anonymous().get("/api/v1/boards/" + child);
      assertThat(one.string("parentSlug")).isEqualTo(parent);
    }

    @Test
    void countersFollowTopicsAndReplies() {
      String slug = fx().board();
      Account author = fx().member("author");
      long topic = fx().topic(author, slug);
      fx().reply(fx().member("replier"), topic);
      TestClient.Response board = anonymous().get("/api/v1/boards/" + slug);
      assertThat(board.get("topicCount")).isEqualTo(1);
      assertThat(board.get("postCount")).isEqualTo(2);
      assertThat(board.string("lastActivityAt")).isNotNull();
    }

    @Test
    void permissionFlagsComeFromTheGuardian() {
      String staffPosting = fx().board(Map.of("postAccess", "staff"));
      TestClient.Response asMember =
          fx().member("m").client().get("/api/v1/boards/" + staffPosting);
      assertThat(asMember.get("permissions.canCreateTopic")).isEqualTo(false);
      assertThat(asMember.get("permissions.canFollow")).isEqualTo(true);
      assertThat(asMember.get("permissions.canManage")).isEqualTo(false);
      assertThat(asMember.get("followed")).isEqualTo(false);
      TestClient.Response asAdmin = fx().admin().client().get("/api/v1/boards/" + staffPosting);
      assertThat(asAdmin.get("permissions.canCreateTopic")).isEqualTo(true);
      assertThat(asAdmin.get("permissions.canManage")).isEqualTo(true);
      TestClient.Response anon = anonymous().get("/api/v1/boards/" + staffPosting);
      assertThat(anon.get("followed")).isNull();
      assertThat(anon.get("permissions.canFollow")).isEqualTo(false);
    }

    @Test
    void unknownBoardIsNotFound() {
      assertProblem(anonymous().get("/api/v1/boards/no-such-board"), 404, "/problems/not-found");
    }
  }

  @Nested
  class Creating {
    @Test
    void adminCreatesABoardWithAuditAndEvent() {
      Account admin = fx().admin();
      String slug = fx().uniqueSlug("new");
      TestClient.Response r =
          admin
              .client()
              .post(
                  "/api/v1/boards",
                  Map.ofEntries(
                      Map.entry("slug", slug),
                      Map.entry("nameZh", "硬科幻"),
                      Map.entry("nameEn", "Hard SF"),
                      Map.entry("descriptionZh", "描述"),
                      Map.entry("descriptionEn", "About"),
                      Map.entry("color", "#AABBCC"),
                      Map.entry("readAccess", "trust_level"),
                      Map.entry("minReadTrust", 1),
                      Map.entry("postAccess", "trust_level"),
                      Map.entry("minPostTrust", 2),
                      Map.entry("approvalRequired", true),
                      Map.entry("reason", "new field")));
      assertThat(r.status()).isEqualTo(201);
      assertThat(r.string("color")).isEqualTo("#aabbcc");
      assertThat(r.string("readAccess")).isEqualTo("trust_level");
      assertThat(r.get("minPostTrust")).isEqualTo(2);
      long id = id(r);
      assertThat(
              db.one(
                  "select name_zh, approval_required from boards where id = ?",
                  rs -> rs.getString(1) + rs.getBoolean(2),
                  id))
          .contains("硬科幻true");
      assertThat(fx().audits("board", id))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.action()).isEqualTo("create_board");
                assertThat(a.actorId()).isEqualTo(admin.id());
                assertThat(a.reason()).isEqualTo("new field");
                assertThat(a.after()).contains(slug);
              });
      assertThat(fx().eventTypes("board", id)).containsExactly("BoardCreated");
    }

    @Test
    void onlyAdminsCreateBoards() {
      Map<String, Object> body = Map.of("slug", fx().uniqueSlug("x"), "nameZh", "甲", "nameEn", "A");
      assertProblem(anonymous().post("/api/v1/boards", body), 401, "/problems/unauthorized");
      assertProblem(
          fx().member("m").client().post("/api/v1/boards", body), 403, "/problems/forbidden");
      assertProblem(
          fx().moderator().client().post("/api/v1/boards", body), 403, "/problems/forbidden");
    }

    @Test
    void badInputIsRefusedField() {
      TestClient admin = fx().admin().client();
      assertProblem(
          admin.post("/api/v1/boards", Map.of("slug", "Bad Slug!", "nameZh", "甲", "nameEn", "A")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post("/api/v1/boards", Map.of("slug", fx().uniqueSlug("x"), "nameEn", "A")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of("slug", fx().uniqueSlug("x"), "nameZh", "甲", "nameEn", "A", "color", "red")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of(
                  "slug",
                  fx().uniqueSlug("x"),
                  "nameZh",
                  "甲",
                  "nameEn",
                  "A",
                  "readAccess",
                  "friends")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of(
                  "slug",
                  fx().uniqueSlug("x"),
                  "nameZh",
                  "甲",
                  "nameEn",
                  "A",
                  "postAccess",
                  "everyone")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of("slug", fx().uniqueSlug("x"), "nameZh", "甲".repeat(81), "nameEn", "A")),
          400,
          "/problems/validation");
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreRefused() {
      TestClient admin = fx().admin().client();
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of(
                  "slug", fx().uniqueSlug("x"), "nameZh", "甲", "nameEn", "A", "colour", "#000000")),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of(
                  "slug", fx().uniqueSlug("x"), "nameZh", "甲", "nameEn", "A", "position", "first")),
          400,
          "/problems/validation");
      assertProblem(admin.post("/api/v1/boards", "[1]"), 400, "/problems/validation");
      assertProblem(
          admin.post("/api/v1/boards", "{\"slug\": "), 400, "/problems/malformed-request");
    }

    @Test
    void aTakenSlugIsAConflict() {
      String slug = fx().board();
      TestClient.Response r =
          fx().admin()
              .client()
              .post("/api/v1/boards", Map.of("slug", slug, "nameZh", "甲", "nameEn", "A"));
      assertProblem(r, 409, "/problems/conflict");
    }

    @Test
    void subBoardsAreOneLevelDeepAndNoMoreOpenThanTheirParent() {
      TestClient admin = fx().admin().client();
      String parent = fx().board(Map.of("readAccess", "signed_in"));
      String child = fx().board(Map.of("parent", parent, "readAccess", "staff"));
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of("slug", fx().uniqueSlug("g"), "nameZh", "甲", "nameEn", "A", "parent", child)),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of("slug", fx().uniqueSlug("o"), "nameZh", "甲", "nameEn", "A", "parent", parent)),
          400,
          "/problems/validation");
      assertProblem(
          admin.post(
              "/api/v1/boards",
              Map.of(
                  "slug",
                  fx().uniqueSlug("u"),
                  "nameZh",
                  "甲",
                  "nameEn",
                  "A",
                  "parent",
                  "no-such-parent")),
          404,
          "/problems/not-found");
    }
  }

  @Nested
  class Updating {
    @Test
    void adminChangesSettingsWithBeforeAndAfterInTheAudit() {
      String slug = fx().board();
      long id = fx().boardId(slug);
      String renamed = fx().uniqueSlug("renamed");
      TestClient.Response r =
          fx().admin()
              .client()
              .patch(
                  "/api/v1/boards/" + slug,
                  Map.of("slug", renamed, "nameEn", "Renamed", "postAccess", "staff"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.string("slug")).isEqualTo(renamed);
      assertThat(r.string("nameEn")).isEqualTo("Renamed");
      assertThat(r.string("nameZh")).isEqualTo("测试版块");
      assertThat(r.string("postAccess")).isEqualTo("staff");
      assertThat(fx().audits("board", id))
          .last()
          .satisfies(
              a -> {
                assertThat(a.action()).isEqualTo("update_board");
                assertThat(a.before()).contains("Test board");
                assertThat(a.after()).contains("Renamed");
              });
      assertThat(fx().eventTypes("board", id)).endsWith("BoardUpdated");
      assertProblem(anonymous().get("/api/v1/boards/" + slug), 404, "/problems/not-found");
    }

    @Test
    void aParentCannotBecomeStricterThanItsSubBoards() {
      String parent = fx().board();
      fx().board(Map.of("parent", parent));
      assertProblem(
          fx().admin().client().patch("/api/v1/boards/" + parent, Map.of("readAccess", "staff")),
          409,
          "/problems/conflict");
    }

    @Test
    void aBoardWithSubBoardsCannotBecomeOne() {
      String parent = fx().board();
      String other = fx().board();
      fx().board(Map.of("parent", parent));
      assertProblem(
          fx().admin().client().patch("/api/v1/boards/" + parent, Map.of("parent", other)),
          409,
          "/problems/conflict");
    }

    @Test
    void emptyParentMakesASubBoardTopLevel() {
      String parent = fx().board();
      String child = fx().board(Map.of("parent", parent));
      TestClient.Response r =
          fx().admin().client().patch("/api/v1/boards/" + child, Map.of("parent", ""));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.get("parentId")).isNull();
    }

    @Test
    void onlyAdminsUpdateAndUnknownBoardsAreNotFound() {
      String slug = fx().board();
      assertProblem(
          fx().member("m").client().patch("/api/v1/boards/" + slug, Map.of("nameEn", "X")),
          403,
          "/problems/forbidden");
      assertProblem(
          fx().admin().client().patch("/api/v1/boards/nope-nope", Map.of("nameEn", "X")),
          404,
          "/problems/not-found");
      assertProblem(
          fx().admin().client().patch("/api/v1/boards/" + slug, Map.of("minReadTrust", 9)),
          400,
          "/problems/validation");
    }
  }

  @Nested
  class Deleting {
    @Test
    void anEmptyBoardIsDeletedWithAudit() {
      String slug = fx().board();
      long id = fx().boardId(slug);
      assertThat(fx().admin().client().delete("/api/v1/boards/" + slug).status()).isEqualTo(204);
      assertThat(db.count("select count(*) from boards where id = ?", id)).isZero();
      assertThat(fx().auditActions("board", id)).endsWith("delete_board");
      assertThat(fx().eventTypes("board", id)).endsWith("BoardDeleted");
    }

    @Test
    void aBoardWithTopicsOrSubBoardsIsAConflict() {
      String withTopic = fx().board();
      fx().topic(fx().member("a"), withTopic);
      assertProblem(
          fx().admin().client().delete("/api/v1/boards/" + withTopic), 409, "/problems/conflict");
      String parent = fx().board();
      fx().board(Map.of("parent", parent));
      assertProblem(
          fx().admin().client().delete("/api/v1/boards/" + parent), 409, "/problems/conflict");
    }

    @Test
    void onlyAdminsDelete() {
      String slug = fx().board();
      assertProblem(
          fx().moderator().client().delete("/api/v1/boards/" + slug), 403, "/problems/forbidden");
      assertProblem(anonymous().delete("/api/v1/boards/" + slug), 401, "/problems/unauthorized");
    }
  }

  @Nested
  class Following {
    @Test
    void followAndUnfollowAreIdempotentAndAnnouncedOnce() {
      String slug = fx().board();
      long id = fx().boardId(slug);
      Account m = fx().member("fan");
      assertThat(m.client().put("/api/v1/boards/" + slug + "/follow", null).status())
          .isEqualTo(204);
      assertThat(m.client().put("/api/v1/boards/" + slug + "/follow", null).status())
          .isEqualTo(204);
      assertThat(
              db.count(
                  "select count(*) from board_follows where user_id = ? and board_id = ?",
                  m.id(),
                  id))
          .isEqualTo(1);
      assertThat(m.client().get("/api/v1/boards/" + slug).get("followed")).isEqualTo(true);
      assertThat(m.client().delete("/api/v1/boards/" + slug + "/follow").status()).isEqualTo(204);
      assertThat(m.client().delete("/api/v1/boards/" + slug + "/follow").status()).isEqualTo(204);
      assertThat(fx().eventTypes("board", id))
          .containsSubsequence("BoardFollowed", "BoardUnfollowed");
      assertThat(fx().eventTypes("board", id).stream().filter(t -> t.startsWith("BoardF")).count())
          .isEqualTo(1);
    }

    @Test
    void anonymousCannotFollowAndHiddenBoardsAreNotFound() {
      String staff = fx().board(Map.of("readAccess", "staff"));
      assertProblem(
          anonymous().put("/api/v1/boards/writing/follow", null), 401, "/problems/unauthorized");
      assertProblem(
          fx().member("m").client().put("/api/v1/boards/" + staff + "/follow", null),
          404,
          "/problems/not-found");
    }

    @Test
    void silencedMembersMayStillFollow() {
      assertThat(fx().silenced().client().put("/api/v1/boards/writing/follow", null).status())
          .isEqualTo(204);
    }
  }
}
