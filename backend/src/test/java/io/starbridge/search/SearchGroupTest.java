package io.starbridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Groups in search: a restricted or secret group's discussions reach only its active members — in
 * results, totals and suggestions — also right after a member leaves or the group turns secret;
 * group about pages are found by name unless the group is secret.
 */
@MicronautTest(transactional = false)
class SearchGroupTest extends ForumTest {
  @Inject SearchIndex index;

  private void caughtUp() {
    assertThat(index.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
  }

  private String group(Account owner, String visibility, String name) {
    String slug = fx().uniqueSlug("g");
    Map<String, Object> body = new HashMap<>();
    body.put("slug", slug);
    body.put("name", name);
    body.put("description", "讨论组 " + name);
    body.put("visibility", visibility);
    fx().expect(201, owner.client().post("/api/v1/groups", body));
    return slug;
  }

  private void topic(Account who, String group, String title) {
    fx().expect(
            201,
            who.client()
                .post(
                    "/api/v1/topics",
                    Map.of(
                        "group",
                        group,
                        "title",
                        title,
                        "body",
                        "组内讨论 " + title,
                        "tags",
                        List.of())));
  }

  private static int total(TestClient c, String q) {
    TestClient.Response r = c.get("/api/v1/search?q=" + q);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.items().size()).isEqualTo(((Number) r.get("total")).intValue());
    return r.items().size();
  }

  @Test
  void privateGroupTextReachesActiveMembersOnly() {
    Account owner = fx().admin();
    Account member = fx().member("gm");
    Account outsider = fx().member("go");
    Account moderator = fx().moderator();
    String nonce = "grp" + io.starbridge.support.Fixtures.letters(12);
    String open = group(owner, "public", "公开组 " + nonce);
    String restricted = group(owner, "restricted", "受限组 " + nonce);
    String secret = group(owner, "secret", "秘密组 " + nonce);
    topic(owner, open, "开放讨论 " + nonce);
    topic(owner, restricted, "受限讨论 " + nonce);
    topic(owner, secret, "秘密讨论 " + nonce);
    fx().expect(200, member.client().post("/api/v1/groups/" + restricted + "/join", Map.of()));
    fx().expect(
            200,
            owner
                .client()
                .put(
                    "/api/v1/groups/" + restricted + "/members/" + member.handle(),
                    Map.of("state", "active")));
    caughtUp();

    String topics = nonce + "&type=topic";
    assertThat(total(anonymous(), topics)).isEqualTo(1);
    assertThat(total(outsider.client(), topics)).isEqualTo(1);
    assertThat(total(moderator.client(), topics))
        .as("site moderators are outsiders here")
        .isEqualTo(1);
    assertThat(total(member.client(), topics)).isEqualTo(2);
    assertThat(total(owner.client(), topics)).as("site admins read every group").isEqualTo(3);
    assertThat(outsider.client().get("/api/v1/search/suggest?q=" + nonce).body())
        .contains("开放讨论")
        .doesNotContain("受限讨论")
        .doesNotContain("秘密讨论");
    assertThat(member.client().get("/api/v1/search/suggest?q=" + nonce).body()).contains("受限讨论");

    // About pages: public and restricted groups for everyone, secret ones for members.
    TestClient.Response groups = anonymous().get("/api/v1/search?type=group&q=" + nonce);
    assertThat(groups.items())
        .extracting(i -> i.get("url"))
        .containsExactlyInAnyOrder("/g/" + open, "/g/" + restricted);
    assertThat(anonymous().get("/api/v1/search/suggest?q=" + nonce).body())
        .contains(open)
        .doesNotContain(secret);

    // Leaving takes effect at once: the caller's group tokens are read per request.
    fx().expect(204, member.client().delete("/api/v1/groups/" + restricted + "/members/me"));
    assertThat(total(member.client(), topics)).isEqualTo(1);

    // Turning the public group secret re-indexes its discussions' access tokens.
    fx().expect(
            200, owner.client().patch("/api/v1/groups/" + open, Map.of("visibility", "secret")));
    caughtUp();
    assertThat(total(anonymous(), topics)).isEqualTo(0);
    assertThat(total(outsider.client(), nonce))
        .isEqualTo(1)
        .as("only the restricted group's about page");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(TestClient.Response r, String key) {
    return (List<Map<String, Object>>) r.get(key);
  }

  @Test
  void aSecretGroupsInviteeFindsItsAboutPageButNotItsDiscussions() {
    Account owner = fx().groupCreator("so");
    Account invitee = fx().member("si");
    Account stranger = fx().member("ss");
    String nonce = "inv" + io.starbridge.support.Fixtures.letters(12);
    String secret = group(owner, "secret", "星港密室 " + nonce);
    topic(owner, secret, "密室议程 " + nonce);
    fx().expect(
            201,
            owner
                .client()
                .post("/api/v1/groups/" + secret + "/invites", Map.of("handle", invitee.handle())));
    caughtUp();

    // The invitee may open the about page, so search and suggest find it ...
    fx().expect(200, invitee.client().get("/api/v1/groups/" + secret));
    TestClient.Response found = invitee.client().get("/api/v1/search?q=" + nonce);
    assertThat(found.items())
        .extracting(i -> i.get("url"))
        .containsExactly("/g/" + secret)
        .as("the group, not its discussions");
    TestClient.Response suggested = invitee.client().get("/api/v1/search/suggest?q=" + nonce);
    assertThat(list(suggested, "groups")).extracting(g -> g.get("slug")).containsExactly(secret);
    assertThat(list(suggested, "titles")).isEmpty();
    assertThat(total(invitee.client(), nonce + "&type=topic")).isZero();
    assertThat(total(invitee.client(), nonce + "&type=post")).isZero();

    // ... a stranger finds nothing at all, and the owner (an active member) finds both.
    assertThat(total(stranger.client(), nonce)).isZero();
    TestClient.Response strangerSuggest =
        stranger.client().get("/api/v1/search/suggest?q=" + nonce);
    assertThat(list(strangerSuggest, "groups")).isEmpty();
    assertThat(list(strangerSuggest, "titles")).isEmpty();
    assertThat(total(owner.client(), nonce)).isEqualTo(2);

    // Once the invitee joins, the discussions come too.
    fx().expect(200, invitee.client().post("/api/v1/groups/" + secret + "/join", Map.of()));
    assertThat(total(invitee.client(), nonce)).isEqualTo(2);
  }
}
