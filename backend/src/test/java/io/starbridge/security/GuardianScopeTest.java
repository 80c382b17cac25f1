package io.starbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.board.Board;
import io.starbridge.common.Db;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link Guardian#canSee(Board)} and the SQL of {@link Guardian#readableScope()} state one rule
 * twice; over every kind of actor and board they must agree (Discourse runs the same check).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardianScopeTest {
  @Inject Db db;
  @Inject Guardians guardians;

  final List<Board> boards = new ArrayList<>();

  @BeforeAll
  void boardsOfEveryKind() {
    int i = 0;
    for (String access : List.of("everyone", "signed_in", "trust_level", "staff")) {
      for (int trust = 0; trust <= (access.equals("trust_level") ? 4 : 0); trust++) {
        long id =
            db.insertReturningId(
                "insert into boards (slug, name_zh, name_en, read_access, min_read_trust) values (?, '范围', 'Scope', ?, ?) returning id",
                "scope-check-" + i++,
                access,
                trust);
        boards.add(
            new Board(
                id,
                "",
                "",
                "",
                "",
                "",
                0,
                null,
                "#000000",
                Board.Access.parse(access),
                trust,
                Board.Access.SIGNED_IN,
                0,
                false));
      }
    }
  }

  @AfterAll
  void cleanUp() {
    db.update("delete from boards where slug like 'scope-check-%'");
  }

  static List<Actor> actors() {
    List<Actor> actors = new ArrayList<>();
    actors.add(Actor.anonymous());
    for (int tl = 0; tl <= 4; tl++) {
      actors.add(
          new Actor(
              1000L + tl, "m" + tl, Role.MEMBER, "active", tl, true, 1L, Actor.AuthMethod.SESSION));
    }
    actors.add(
        new Actor(2000L, "quiet", Role.MEMBER, "silenced", 1, true, 1L, Actor.AuthMethod.SESSION));
    actors.add(
        new Actor(3000L, "mod", Role.MODERATOR, "active", 0, true, 1L, Actor.AuthMethod.SESSION));
    actors.add(
        new Actor(
            4000L, "admin", Role.ADMIN, "active", 0, true, 1L, Actor.AuthMethod.PERSONAL_TOKEN));
    return actors;
  }

  @Test
  void canSeeAndTheSqlScopeAgreeForEveryActorAndBoard() {
    Set<Long> ours = boards.stream().map(Board::id).collect(Collectors.toSet());
    for (Actor actor : actors()) {
      Guardian g = guardians.of(actor);
      Set<Long> bySql =
          db
              .list(
                  "select b.id from boards b where " + g.readableScope().boardsReadable("b"),
                  rs -> rs.getLong(1))
              .stream()
              .filter(ours::contains)
              .collect(Collectors.toSet());
      Set<Long> byJava =
          boards.stream().filter(g::canSee).map(Board::id).collect(Collectors.toSet());
      assertThat(bySql).as("actor %s", actor.handle()).isEqualTo(byJava);
    }
  }

  @Test
  void theScopeRefusesAnythingButAnAlias() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                guardians
                    .of(Actor.anonymous())
                    .readableScope()
                    .boardsReadable("b; drop table users"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
