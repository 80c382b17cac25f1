package io.starbridge.work;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * What readers do with a work: kudos (one per signed-in reader), subscriptions, reading positions
 * and hits (bookmarks are {@link WorkBookmarks}). Hits count once per reader (user or hashed IP)
 * per work per hour, as topic views do, with a Redis {@code SET NX EX} marker; without Redis they
 * go uncounted.
 */
@Singleton
public class Engagement {
  private static final Duration WINDOW = Duration.ofHours(1);

  private final Db db;
  private final WorkLookup works;
  private final Guardians guardians;
  private final Outbox outbox;
  private final StatefulRedisConnection<String, String> redis;
  private final String prefix;

  Engagement(
      Db db,
      WorkLookup works,
      Guardians guardians,
      Outbox outbox,
      StatefulRedisConnection<String, String> redis,
      @Value("${starbridge.redis.key-prefix:sb:}") String prefix) {
    this.db = db;
    this.works = works;
    this.guardians = guardians;
    this.outbox = outbox;
    this.redis = redis;
    this.prefix = prefix + "wv:";
  }

  @Transactional
  public void giveKudos(Actor actor, long workId) {
    Work work = works.requireForUpdate(workId);
    guardians.of(actor).ensureCanGiveKudos(work);
    int added =
        db.update(
            "insert into work_kudos (work_id, user_id) values (?, ?) on conflict do nothing",
            workId,
            actor.id());
    if (added > 0) {
      db.update("update works set kudos_count = kudos_count + 1 where id = ?", workId);
      outbox.publish(
          "KudosGiven",
          "work",
          workId,
          actor.id(),
          ManageWorks.payload(work, Map.of("userId", actor.id())));
    }
  }

  @Transactional
  public void withdrawKudos(Actor actor, long workId) {
    Work work = works.requireForUpdate(workId);
    guardians.of(actor).ensureCanKeep(work);
    int removed =
        db.update("delete from work_kudos where work_id = ? and user_id = ?", workId, actor.id());
    if (removed > 0) {
      db.update("update works set kudos_count = kudos_count - 1 where id = ?", workId);
      outbox.publish(
          "KudosWithdrawn",
          "work",
          workId,
          actor.id(),
          ManageWorks.payload(work, Map.of("userId", actor.id())));
    }
  }

  @Transactional
  public void subscribe(Actor actor, long workId) {
    Work work = works.require(workId);
    guardians.of(actor).ensureCanKeep(work);
    int added =
        db.update(
            "insert into work_subscriptions (work_id, user_id) values (?, ?) on conflict do nothing",
            workId,
            actor.id());
    if (added > 0) {
      outbox.publish(
          "WorkSubscribed",
          "work",
          workId,
          actor.id(),
          ManageWorks.payload(work, Map.of("userId", actor.id())));
    }
  }

  @Transactional
  public void unsubscribe(Actor actor, long workId) {
    Work work = works.require(workId);
    guardians.of(actor).ensureCanKeep(work);
    int removed =
        db.update(
            "delete from work_subscriptions where work_id = ? and user_id = ?", workId, actor.id());
    if (removed > 0) {
      outbox.publish(
          "WorkUnsubscribed",
          "work",
          workId,
          actor.id(),
          ManageWorks.payload(work, Map.of("userId", actor.id())));
    }
  }

  /** Where the reader stopped: a chapter position and how far into it (0..1). No event. */
  public void position(Actor actor, long workId, WorkRequests.Position req) {
    Work work = works.require(workId);
    guardians.of(actor).ensureCanKeep(work);
    double progress = req.progress() == null ? 0 : req.progress();
    if (req.chapter() < 1 || req.chapter() > 10_000) {
      throw ApiException.invalid("chapter", "range", "must be a chapter position");
    }
    if (!(progress >= 0 && progress <= 1)) {
      throw ApiException.invalid("progress", "range", "must be between 0 and 1");
    }
    db.update(
        """
        insert into reading_positions (user_id, work_id, chapter, progress) values (?, ?, ?, ?)
        on conflict (user_id, work_id) do update
          set chapter = excluded.chapter, progress = excluded.progress, updated_at = now()
        """,
        actor.id(),
        workId,
        req.chapter(),
        progress);
  }

  /**
   * Counts a hit once per reader per work per hour, in the total and the day's row. When the hit
   * moves the work into another popularity bucket ({@link WorkBuckets}), {@code
   * WorkPopularityChanged} tells the search index to re-file the work's catalogue facets.
   */
  @Transactional
  public void hit(long workId, Long userId, String ip) {
    String viewer = userId != null ? "u" + userId : "ip" + sha256(ip == null ? "" : ip);
    try {
      String first =
          redis.sync().set(prefix + workId + ":" + viewer, "1", SetArgs.Builder.nx().ex(WINDOW));
      if ("OK".equals(first)) {
        long score =
            db.one(
                    "update works set hits = hits + 1 where id = ?"
                        + " returning hits, kudos_count, bookmark_count",
                    rs -> WorkBuckets.popularityScore(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                    workId)
                .orElse(-1L);
        if (score < 0) {
          return;
        }
        db.update(
            "insert into work_hits_daily (work_id, day, hits)"
                + " values (?, (now() at time zone 'utc')::date, 1)"
                + " on conflict (work_id, day) do update set hits = work_hits_daily.hits + 1",
            workId);
        String now = WorkBuckets.popularity(score);
        if (!now.equals(WorkBuckets.popularity(score - 1))) {
          outbox.publish(
              "WorkPopularityChanged",
              "work",
              workId,
              userId,
              Map.of("workId", workId, "popularity", now));
        }
      }
    } catch (RedisException | IllegalStateException e) {
      // Hits are derived data: uncounted while Redis is away.
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For the controller: the caller's Guardian. */
  Guardian guardian(Actor actor) {
    return guardians.of(actor);
  }
}
