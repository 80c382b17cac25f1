package io.starbridge.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.starbridge.support.ApiTest.Account;
import io.starbridge.support.ForumTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The daily trust-level job, called directly, over the shipped thresholds. */
@MicronautTest(transactional = false)
class TrustLevelJobTest extends ForumTest {
  @Inject TrustLevelJob job;

  private int trustLevel(Account a) {
    return db.one("select trust_level from users where id = ?", rs -> rs.getInt(1), a.id())
        .orElseThrow();
  }

  /** TL1 by default: 5 topics entered and 30 posts read. */
  private void readTopics(Account reader, int topics, int postsEach) {
    Account author = null;
    String board = fx().board();
    for (int i = 0; i < topics; i++) {
      if (i % 5 == 0) {
        author = fx().withTrust("writer", 1); // a fresh author per five: topic rate limit
      }
      long topic = fx().topic(author, board);
      db.update(
          "insert into topic_reads (user_id, topic_id, last_read_post_number) values (?, ?, ?)",
          reader.id(),
          topic,
          postsEach);
    }
  }

  @Test
  void promotesActiveReadersOneLevelAndSkipsRecentPenalties() {
    Account reader = fx().member("reader");
    Account lurker = fx().member("lurker");
    Account penalised = fx().member("penalised");
    readTopics(reader, 5, 6);
    readTopics(lurker, 4, 6); // one topic short
    readTopics(penalised, 5, 6);
    db.update(
        "insert into audit_log (actor_id, action, target_type, target_id, reason) values (null, 'user.silence', 'user', ?, 'test')",
        penalised.id());

    assertThat(job.promote()).contains(reader.id()).doesNotContain(lurker.id(), penalised.id());
    assertThat(trustLevel(reader)).isEqualTo(1);
    assertThat(trustLevel(lurker)).isZero();
    assertThat(trustLevel(penalised)).isZero();
    assertThat(fx().auditActions("user", reader.id())).contains("user.trust_level");

    // TL2 needs visits, likes and replies as well: reading alone does not get there.
    readTopics(reader, 20, 6);
    assertThat(job.promote()).doesNotContain(reader.id());
    assertThat(trustLevel(reader)).isEqualTo(1);
  }

  @Test
  void signedInRequestsRecordOneVisitPerDay() {
    Account visitor = fx().member("visitor");
    visitor.client().get("/api/v1/me");
    visitor.client().get("/api/v1/me");
    assertThat(
            db.count(
                "select count(*) from user_visits where user_id = ? and day = ?",
                visitor.id(),
                LocalDate.now(ZoneOffset.UTC)))
        .isEqualTo(1);
  }
}
