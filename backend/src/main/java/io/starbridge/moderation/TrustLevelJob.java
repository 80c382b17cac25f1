package io.starbridge.moderation;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily promotion of trust levels 0 → 1 → 2 → 3 from activity, with thresholds from the site
 * settings (Discourse's defaults, see CONTRIBUTING). Days visited come from {@code user_visits}
 * (one row per member per day, written by {@link io.starbridge.security.Visits}); topics entered
 * and posts read from {@code topic_reads}; likes given and received from {@code post_reactions}.
 * Nobody is demoted automatically; members with a silence or suspension in the last {@value
 * #PENALTY_DAYS} days, or who are not active now, are skipped. Trust level 4 is granted by admins.
 */
@Singleton
public class TrustLevelJob {
  private static final Logger LOG = LoggerFactory.getLogger(TrustLevelJob.class);
  static final int PENALTY_DAYS = 50;

  /** Counted over all time, except days visited for TL3 (the last 100 days, as Discourse). */
  private static final String STATS =
      """
      with candidates as (
        select u.id from users u
         where u.trust_level = ? and u.status = 'active'
           and not exists (select 1 from audit_log l where l.target_type = 'user' and l.target_id = u.id
                             and l.action in ('user.silence', 'user.suspend')
                             and l.created_at > now() - make_interval(days => %d))
      ), stats as (
        select c.id,
          (select count(*) from user_visits v where v.user_id = c.id and v.day > current_date - ?) as days,
          (select count(*) from topic_reads r where r.user_id = c.id) as topics,
          (select coalesce(sum(r.last_read_post_number), 0) from topic_reads r where r.user_id = c.id) as reads,
          (select count(*) from post_reactions pr where pr.user_id = c.id) as given,
          (select count(*) from post_reactions pr join posts p on p.id = pr.post_id
            where p.author_id = c.id and pr.user_id <> c.id) as received,
          (select count(*) from posts p where p.author_id = c.id and p.post_number > 1
            and p.deleted_at is null) as replies
        from candidates c
      )
      update users u set trust_level = ?, updated_at = now()
        from stats s
       where u.id = s.id and u.trust_level = ?
         and s.days >= ? and s.topics >= ? and s.reads >= ?
         and s.given >= ? and s.received >= ? and s.replies >= ?
      returning u.id
      """
          .formatted(PENALTY_DAYS);

  private final Db db;
  private final SiteSettings settings;
  private final AuditLog audit;

  TrustLevelJob(Db db, SiteSettings settings, AuditLog audit) {
    this.db = db;
    this.settings = settings;
    this.audit = audit;
  }

  @Scheduled(cron = "0 17 3 * * *")
  void daily() {
    try {
      List<Long> promoted = promote();
      LOG.info("trust levels: promoted {} members", promoted.size());
    } catch (RuntimeException e) {
      LOG.warn("trust level job failed", e);
    }
  }

  /** Promotes everyone who qualifies, one level per run; returns the ids promoted. */
  @Transactional
  public List<Long> promote() {
    List<Long> all = new ArrayList<>();
    // Highest first, so nobody climbs two levels in one run.
    for (int to = 3; to >= 1; to--) {
      String p = "tl" + to + "Requires";
      int days = to == 1 ? 0 : settings.getInt(p + "DaysVisited");
      int window = to == 3 ? 100 : 100_000;
      int given = to == 1 ? 0 : settings.getInt(p + "LikesGiven");
      int received = to == 1 ? 0 : settings.getInt(p + "LikesReceived");
      int replies = to == 1 ? 0 : settings.getInt(p + "Replies");
      List<Long> ids =
          db.list(
              STATS,
              rs -> rs.getLong(1),
              to - 1,
              window,
              to,
              to - 1,
              days,
              settings.getInt(p + "TopicsEntered"),
              settings.getInt(p + "ReadPosts"),
              given,
              received,
              replies);
      for (long id : ids) {
        audit.record(
            null,
            "user.trust_level",
            "user",
            id,
            "promoted automatically",
            Map.of("trustLevel", to - 1),
            Map.of("trustLevel", to));
      }
      all.addAll(ids);
    }
    return all;
  }
}
