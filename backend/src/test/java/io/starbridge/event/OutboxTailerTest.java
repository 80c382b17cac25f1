package io.starbridge.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.common.Db;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tailer against a real PostgreSQL: an id that commits after a higher one is still applied, the
 * stored position never passes an open gap, and a rolled-back id does not block it forever.
 */
@MicronautTest(transactional = false)
class OutboxTailerTest {
  @Inject OutboxTailer tailer;

  @io.micronaut.context.annotation.Value("${datasources.default.url}")
  String url;

  @io.micronaut.context.annotation.Value("${datasources.default.username:postgres}")
  String user;

  @io.micronaut.context.annotation.Value("${datasources.default.password:}")
  String password;

  @io.micronaut.context.annotation.Value("${datasources.default.schema:public}")
  String schema;

  /** A plain connection of its own, outside the application's transaction management. */
  private Connection connect() throws java.sql.SQLException {
    Connection c = java.sql.DriverManager.getConnection(url, user, password);
    c.setSchema(schema);
    return c;
  }

  @Inject Db db;

  static class Recorder implements OutboxHandler {
    final String name = "test-" + System.nanoTime();
    final List<Long> applied = new ArrayList<>();

    @Override
    public String name() {
      return name;
    }

    @Override
    public void apply(OutboxEvent event) {
      if (event.type().equals("TailerTest")) {
        applied.add(event.id());
      }
    }
  }

  private long insert(Connection c) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into outbox (event_type, aggregate, aggregate_id) values ('TailerTest', 'test', 1) returning id")) {
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long position(Recorder r) {
    return db.one(
            "select position from event_consumers where name = ?", rs -> rs.getLong(1), r.name())
        .orElseThrow();
  }

  @Test
  void aLateCommitIsAppliedAndTheGapHoldsThePositionUntilSettled() throws Exception {
    Recorder r = new Recorder();
    tailer.runOnce(r); // starts at the current end
    try (Connection slow = connect();
        Connection fast = connect();
        Connection doomed = connect()) {
      slow.setAutoCommit(false);
      doomed.setAutoCommit(false);
      fast.setAutoCommit(true);
      // The slow transaction must hold a transaction id before the fast one commits.
      slow.createStatement().execute("select pg_current_xact_id()");
      long late = insert(slow);
      doomed.createStatement().execute("select pg_current_xact_id()");
      long never = insert(doomed);
      long early = insert(fast);
      assertThat(late).isLessThan(early);

      tailer.runOnce(r);
      assertThat(r.applied).containsExactly(early);
      assertThat(position(r)).as("stops before the open gap").isLessThan(late);

      slow.commit();
      doomed.rollback();
      tailer.runOnce(r);
      tailer.runOnce(r);
      assertThat(r.applied).containsExactly(early, late);
      assertThat(r.applied).doesNotContain(never);
      assertThat(position(r))
          .as("past both the filled and the rolled-back id")
          .isGreaterThanOrEqualTo(early);

      tailer.runOnce(r);
      assertThat(r.applied).as("nothing applied twice").hasSize(2);
    }
  }

  /** A consumer that runs after another. */
  static final class Follower extends Recorder {
    final String after;

    Follower(String after) {
      this.after = after;
    }

    @Override
    public String after() {
      return after;
    }
  }

  @Test
  void aConsumerNeverAppliesAnEventBeforeTheOneItRunsAfter() throws Exception {
    Recorder first = new Recorder();
    Follower second = new Follower(first.name());
    tailer.runOnce(first);
    tailer.runOnce(second);
    try (Connection slow = connect();
        Connection fast = connect()) {
      slow.setAutoCommit(false);
      fast.setAutoCommit(true);
      long a = insert(fast);

      tailer.runOnce(second);
      assertThat(second.applied).as("the first consumer has not seen it yet").isEmpty();
      tailer.runOnce(first);
      tailer.runOnce(second);
      assertThat(first.applied).containsExactly(a);
      assertThat(second.applied).containsExactly(a);

      // An open gap: the first consumer applies what lies past it; so may the second, on this node.
      slow.createStatement().execute("select pg_current_xact_id()");
      long late = insert(slow);
      long b = insert(fast);
      tailer.runOnce(first);
      assertThat(first.applied).containsExactly(a, b);
      slow.commit();
      tailer.runOnce(second);
      assertThat(second.applied)
          .as("the late commit, not yet applied by the first consumer, holds back what follows")
          .containsExactly(a);
      tailer.runOnce(first);
      tailer.runOnce(second);
      assertThat(first.applied).containsExactly(a, b, late);
      assertThat(second.applied).containsExactlyInAnyOrder(a, b, late);
    }
  }
}
