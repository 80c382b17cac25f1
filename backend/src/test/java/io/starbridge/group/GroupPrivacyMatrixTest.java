package io.starbridge.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import io.starbridge.support.TestClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every kind of caller sees of a public, a restricted and a secret group: the about page, the
 * topic list, a topic, its posts, one post, the member list, the directory, the owner's group list
 * and the site-wide latest list, with the status codes (404 where the caller may not know the thing
 * exists, 403 where it sees the about page only).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupPrivacyMatrixTest extends ForumTest {
  enum Who {
    ANONYMOUS,
    NON_MEMBER,
    PENDING,
    INVITED,
    MEMBER,
    BANNED,
    GROUP_MODERATOR,
    SITE_MODERATOR,
    SITE_ADMIN
  }

  record Scene(String slug, long topic, long reply, Account owner) {}

  private final EnumMap<Who, Account> people = new EnumMap<>(Who.class);
  private final Map<String, Scene> scenes = new java.util.HashMap<>();

  @BeforeAll
  void groupsOfEveryVisibility() {
    for (Who who : Who.values()) {
      switch (who) {
        case ANONYMOUS -> {}
        case SITE_MODERATOR -> people.put(who, fx().moderator());
        case SITE_ADMIN -> people.put(who, fx().admin());
        default -> people.put(who, fx().member(who.name().toLowerCase().replace("_", "")));
      }
    }
    for (String visibility : List.of("public", "restricted", "secret")) {
      Account owner = fx().groupCreator("owner");
      String slug = fx().group(owner, visibility);
      fx().membership(slug, people.get(Who.PENDING), "member", "pending");
      fx().membership(slug, people.get(Who.INVITED), "member", "invited");
      fx().membership(slug, people.get(Who.MEMBER), "member", "active");
      fx().membership(slug, people.get(Who.BANNED), "member", "banned");
      fx().membership(slug, people.get(Who.GROUP_MODERATOR), "moderator", "active");
      long topic = fx().groupTopic(owner, slug);
      long reply = fx().reply(owner, topic);
      scenes.put(visibility, new Scene(slug, topic, reply, owner));
    }
  }

  /** Who reads the content: active members, the group's moderators, site admins. */
  private static final Set<Who> READERS = Set.of(Who.MEMBER, Who.GROUP_MODERATOR, Who.SITE_ADMIN);

  /** Besides the readers, who knows that a secret group exists: its invitees. */
  private static boolean knowsSecret(Who who) {
    return READERS.contains(who) || who == Who.INVITED;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String v : List.of("public", "restricted", "secret")) {
      for (Who who : Who.values()) {
        out.add(Arguments.of(v, who));
      }
    }
    return out.stream();
  }

  private TestClient clientOf(Who who) {
    return who == Who.ANONYMOUS ? anonymous() : people.get(who).client();
  }

  @ParameterizedTest(name = "{0} group, {1}")
  @MethodSource("cases")
  void seesWhatTheRulesAllow(String visibility, Who who) {
    Scene s = scenes.get(visibility);
    TestClient c = clientOf(who);
    boolean reads = visibility.equals("public") || READERS.contains(who);
    boolean knows = !visibility.equals("secret") || knowsSecret(who);
    // what a caller who does not read the content gets for the group's own lists
    int listDenied = knows ? 403 : 404;

    // about page
    TestClient.Response about = c.get("/api/v1/groups/" + s.slug());
    assertThat(about.status()).as("about %s", about).isEqualTo(knows ? 200 : 404);
    if (knows) {
      assertThat(about.get("permissions.canReadContent")).isEqualTo(reads);
      assertThat(((Number) about.get("topicCount")).intValue()).isEqualTo(1);
    } else {
      assertProblem(about, 404, "/problems/not-found");
    }

    // the group's topic list
    TestClient.Response list = c.get("/api/v1/groups/" + s.slug() + "/topics");
    if (reads) {
      assertThat(list.status()).as("topics %s", list).isEqualTo(200);
      assertThat(ids(list)).contains(s.topic());
    } else {
      assertProblem(
          list, listDenied, listDenied == 403 ? "/problems/forbidden" : "/problems/not-found");
    }

    // a topic, its posts and one post: never 403 (topic ids must not tell that content exists)
    for (String path :
        List.of(
            "/api/v1/topics/" + s.topic(),
            "/api/v1/topics/" + s.topic() + "/posts",
            "/api/v1/posts/" + s.reply(),
            "/api/v1/posts/" + s.reply() + "/revisions")) {
      TestClient.Response r = c.get(path);
      if (reads) {
        assertThat(r.status()).as("%s: %s", path, r).isEqualTo(200);
      } else {
        assertProblem(r, 404, "/problems/not-found");
      }
    }
    if (reads) {
      TestClient.Response topic = c.get("/api/v1/topics/" + s.topic());
      assertThat(topic.get("board")).isNull();
      assertThat(topic.string("group.slug")).isEqualTo(s.slug());
      assertThat(topic.string("group.visibility")).isEqualTo(visibility);
    }

    // active members
    TestClient.Response members = c.get("/api/v1/groups/" + s.slug() + "/members");
    if (reads) {
      assertThat(members.status()).as("members %s", members).isEqualTo(200);
      assertThat(members.items()).hasSize(3); // owner, member, group moderator
    } else {
      assertProblem(
          members, listDenied, listDenied == 403 ? "/problems/forbidden" : "/problems/not-found");
    }
    // other states: managers only
    TestClient.Response pending = c.get("/api/v1/groups/" + s.slug() + "/members?state=pending");
    boolean manages = who == Who.GROUP_MODERATOR || who == Who.SITE_ADMIN;
    assertThat(pending.status())
        .as("pending members %s", pending)
        .isEqualTo(manages ? 200 : who == Who.ANONYMOUS ? 401 : knows ? 403 : 404);

    // the directory (with its counts) and the owner's groups
    TestClient.Response dir = c.get("/api/v1/groups?limit=100&sort=new");
    Map<String, Object> listed = find(dir, s.slug());
    if (knows) {
      assertThat(listed).as("in the directory").isNotNull();
      assertThat(((Number) listed.get("memberCount")).intValue()).isEqualTo(3);
    } else {
      assertThat(listed).as("not in the directory").isNull();
    }
    TestClient.Response ofOwner = c.get("/api/v1/users/" + s.owner().handle() + "/groups");
    assertThat(ofOwner.status()).isEqualTo(200);
    assertThat(find(ofOwner, s.slug()) != null).as("in the owner's groups").isEqualTo(knows);

    // site-wide lists: board topics and public groups' topics only, for everyone
    TestClient.Response latest = c.get("/api/v1/topics?sort=new&limit=100");
    assertThat(ids(latest).contains(s.topic()))
        .as("in the site-wide list")
        .isEqualTo(visibility.equals("public"));
  }

  private static List<Long> ids(TestClient.Response r) {
    return r.items().stream().map(i -> ((Number) i.get("id")).longValue()).toList();
  }

  private static Map<String, Object> find(TestClient.Response r, String slug) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.items().stream().filter(i -> slug.equals(i.get("slug"))).findFirst().orElse(null);
  }
}
