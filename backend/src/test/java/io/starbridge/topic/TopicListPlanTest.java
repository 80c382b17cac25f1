package io.starbridge.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import io.starbridge.common.Page;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Role;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The topic-list queries run on their keyset indexes: a few thousand topics, then EXPLAIN of the
 * SQL the read model really sends.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicListPlanTest {
  @Inject Db db;
  @Inject TopicQueries queries;
  @Inject Guardians guardians;

  static final int BOARDS = 8;
  long boardId;
  Guardian member;

  @BeforeAll
  void manyTopics() {
    long userId =
        db.insertReturningId(
            "insert into users (handle, email, display_name) values ('plan_author', 'plan@example.org', 'Plan') returning id");
    // Staff-only boards keep these row-only topics out of other tests' lists.
    for (int i = 0; i < BOARDS; i++) {
      long id =
          db.insertReturningId(
              "insert into boards (slug, name_zh, name_en, read_access) values (?, '计划', 'Plan', 'staff') returning id",
              "plan-board-" + i);
      boardId = id;
      db.update(
          """
          insert into topics (board_id, author_id, title, slug, created_at, last_posted_at,
                              like_count, reply_count, view_count)
          select ?, ?, 'Topic ' || g, 'topic-' || g, now() - g * interval '1 minute', now() - g * interval '1 minute',
                 (g * 7) % 50, g % 9, g * 3
            from generate_series(1, 500) g
          """,
          id, userId);
    }
    db.update("analyze topics");
    member =
        guardians.of(
            new Actor(
                userId,
                "plan_author",
                Role.ADMIN,
                "active",
                2,
                true,
                null,
                Actor.AuthMethod.SESSION));
  }

  @AfterAll
  void cleanUp() {
    db.update(
        "delete from topics where board_id in (select id from boards where slug like 'plan-board-%')");
    db.update("delete from boards where slug like 'plan-board-%'");
    db.update("delete from users where handle = 'plan_author'");
  }

  private String plan(TopicQueries.Source source, String sort, String cursor) {
    TopicQueries.ListQuery q =
        queries.listQuery(member, source, new TopicQueries.ListParams(sort, null, 30, cursor));
    List<String> lines =
        db.list("explain " + q.sql().text(), rs -> rs.getString(1), q.sql().params());
    return String.join("\n", lines);
  }

  private String secondPageCursor(TopicQueries.Source source, String sort) {
    Page<TopicListItem> first =
        queries.list(member, source, new TopicQueries.ListParams(sort, null, 30, null));
    assertThat(first.nextCursor()).isNotNull();
    return first.nextCursor();
  }

  @Test
  void boardListsUseTheBoardKeysetIndexes() {
    TopicQueries.Source board = TopicQueries.Source.ofBoard(boardId);
    assertThat(plan(board, "latest", null))
        .contains("topics_board_latest_idx")
        .doesNotContain("Seq Scan on topics");
    assertThat(plan(board, "latest", secondPageCursor(board, "latest")))
        .contains("Index Cond")
        .contains("topics_board_latest_idx");
    assertThat(plan(board, "new", secondPageCursor(board, "new"))).contains("topics_board_new_idx");
    // On a few thousand rows the planner may reach a board's top page through another index and
    // sort 30 rows (a sound choice at this size); what must never happen is a scan of all topics.
    assertThat(plan(board, "top", secondPageCursor(board, "top")))
        .containsPattern("Index (Only )?Scan using topics_")
        .doesNotContain("Seq Scan on topics");
  }

  @Test
  void siteWideListsUseTheGlobalKeysetIndexes() {
    TopicQueries.Source all = TopicQueries.Source.siteWide();
    assertThat(plan(all, "latest", secondPageCursor(all, "latest")))
        .contains("topics_latest_idx")
        .doesNotContain("Seq Scan on topics");
    assertThat(plan(all, "new", secondPageCursor(all, "new"))).contains("topics_new_idx");
  }
}
