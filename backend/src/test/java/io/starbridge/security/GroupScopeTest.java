package io.starbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.board.Board;
import io.starbridge.common.Db;
import io.starbridge.group.Group;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The group rules stated in Java ({@link Guardian#canSee(Group)}, {@link
 * Guardian#canReadContent(Group)}) and in SQL ({@link AccessScope#groupsVisible}, {@link
 * AccessScope#groupContentReadable}) agree for every kind of caller and membership state; and the
 * search tokens of a caller match the documents of the groups it reads.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupScopeTest {
  @Inject Db db;
  @Inject Guardians guardians;

  final List<Group> groups = new ArrayList<>();
  final List<Actor> actors = new ArrayList<>();
  final String tag = "gscope" + System.nanoTime() % 1_000_000;

  @BeforeAll
  void groupsAndMembershipsOfEveryKind() {
    long owner = user("owner");
    String[] states = {"active", "pending", "invited", "banned"};
    for (String visibility : List.of("public", "restricted", "secret")) {
      for (boolean deleted : List.of(false, true)) {
        long id =
            db.insertReturningId(
                "insert into groups (slug, name, visibility, created_by, deleted_at) values (?, 'Scope', ?, ?, ?) returning id",
                tag + "-" + visibility + (deleted ? "-gone" : ""),
                visibility,
                owner,
                deleted ? java.time.Instant.now() : null);
        groups.add(
            db.one(
                    "select " + Group.columns("g") + " from groups g where g.id = ?",
                    rs -> Group.read(rs, "g"),
                    id)
                .orElseThrow());
      }
    }
    actors.add(Actor.anonymous());
    // one person per membership state (in every group), and one group moderator
    for (String state : states) {
      long u = user(state);
      for (Group g : groups) {
        db.update(
            "insert into group_members (group_id, user_id, state) values (?, ?, ?)",
            g.id(),
            u,
            state);
      }
      actors.add(member(u, state, Role.MEMBER));
    }
    long mod = user("gmod");
    for (Group g : groups) {
      db.update(
          "insert into group_members (group_id, user_id, role, state) values (?, ?, 'moderator', 'active')",
          g.id(),
          mod);
    }
    actors.add(member(mod, "gmod", Role.MEMBER));
    actors.add(member(user("outsider"), "outsider", Role.MEMBER));
    actors.add(member(user("sitemod"), "sitemod", Role.MODERATOR));
    actors.add(member(user("admin"), "admin", Role.ADMIN));
  }

  private long user(String name) {
    return db.insertReturningId(
        "insert into users (handle, email, display_name) values (?, ?, ?) returning id",
        tag + "_" + name,
        tag + "_" + name + "@example.org",
        name);
  }

  private static Actor member(long id, String handle, Role role) {
    return new Actor(id, handle, role, "active", 2, true, 1L, Actor.AuthMethod.SESSION);
  }

  @AfterAll
  void cleanUp() {
    db.update("delete from groups where slug like ?", tag + "-%");
    db.update("delete from users where handle like ?", tag + "\\_%");
  }

  private void agree(Function<AccessScope, String> sql, BiPredicate<Guardian, Group> java) {
    Set<Long> ours = groups.stream().map(Group::id).collect(Collectors.toSet());
    for (Actor actor : actors) {
      Guardian g = guardians.of(actor);
      Set<Long> bySql =
          db
              .list(
                  "select g.id from groups g where " + sql.apply(g.readableScope()),
                  rs -> rs.getLong(1))
              .stream()
              .filter(ours::contains)
              .collect(Collectors.toSet());
      Set<Long> byJava =
          groups.stream().filter(x -> java.test(g, x)).map(Group::id).collect(Collectors.toSet());
      assertThat(bySql).as("actor %s", actor.handle()).isEqualTo(byJava);
    }
  }

  @Test
  void aboutPagesAgree() {
    agree(s -> s.groupsVisible("g"), Guardian::canSee);
  }

  @Test
  void contentAgrees() {
    agree(s -> s.groupContentReadable("g"), Guardian::canReadContent);
  }

  @Test
  void theRulesAreTheOnesDecided() {
    Map<String, Group> byName =
        groups.stream()
            .collect(Collectors.toMap(g -> g.slug().substring(tag.length() + 1), g -> g));
    Guardian invited = guardians.of(actors.get(3));
    assertThat(invited.canSee(byName.get("secret"))).isTrue();
    assertThat(invited.canReadContent(byName.get("secret"))).isFalse();
    Guardian banned = guardians.of(actors.get(4));
    assertThat(banned.canSee(byName.get("secret"))).isFalse();
    assertThat(banned.canReadContent(byName.get("public"))).isTrue();
    Guardian siteMod = guardians.of(actors.get(7));
    assertThat(siteMod.canSee(byName.get("secret"))).isFalse();
    assertThat(siteMod.canReadContent(byName.get("restricted"))).isFalse();
    Guardian admin = guardians.of(actors.get(8));
    assertThat(admin.canReadContent(byName.get("secret"))).isTrue();
    assertThat(admin.canSee(byName.get("secret-gone"))).isFalse();
  }

  @Test
  void searchTokensMatchTheDocumentsOfReadableGroups() {
    for (Actor actor : actors) {
      if (actor.role() == Role.ADMIN) {
        continue; // admins read every group on the site; search grants them their memberships
      }
      Guardian g = guardians.of(actor);
      Set<String> tokens = g.searchTokens();
      for (Group group : groups) {
        if (group.deleted()) {
          continue;
        }
        assertThat(tokens.contains(AccessScope.documentToken(null, group)))
            .as("actor %s, group %s", actor.handle(), group.slug())
            .isEqualTo(g.canReadContent(group));
      }
    }
  }

  @Test
  void boardDocumentsCarryTheirReadRule() {
    Board tl2 =
        new Board(
            1,
            "",
            "",
            "",
            "",
            "",
            0,
            null,
            "#000000",
            Board.Access.TRUST_LEVEL,
            2,
            Board.Access.SIGNED_IN,
            0,
            false);
    assertThat(AccessScope.documentToken(tl2, null)).isEqualTo("tl:2");
    assertThat(guardians.of(actors.get(1)).searchTokens()).contains("tl:2").doesNotContain("tl:3");
    assertThat(guardians.of(Actor.anonymous()).searchTokens()).containsExactly("public");
    assertThat(guardians.of(actors.get(7)).searchTokens()).contains("staff", "tl:4");
  }
}
