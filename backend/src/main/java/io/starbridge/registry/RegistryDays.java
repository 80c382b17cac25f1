package io.starbridge.registry;

import io.micronaut.scheduling.annotation.Scheduled;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Publishes each closed UTC day's chain head into {@code registry_days}. It takes the chain lock,
 * so no registration is in flight: every entry stamped before midnight has committed, and every
 * later one is stamped after it. Days without entries repeat the previous head.
 */
@Singleton
public class RegistryDays {
  private static final int MAX_DAYS_PER_RUN = 400;
  private final Db db;

  RegistryDays(Db db) {
    this.db = db;
  }

  @Scheduled(fixedDelay = "10m", initialDelay = "1m")
  void scheduled() {
    publishClosedDays(Instant.now());
  }

  /**
   * Publishes every day that ended before {@code now} and is not yet published; returns how many.
   */
  @Transactional
  public int publishClosedDays(Instant now) {
    db.one("select pg_advisory_xact_lock(?)", rs -> 1, Registry.CHAIN_LOCK);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate next =
        db.one(
                "select coalesce(max(day) + 1,"
                    + " (select min(registered_at at time zone 'UTC')::date from registry_entries))"
                    + " from registry_days",
                rs -> rs.getObject(1, LocalDate.class))
            .orElse(null);
    int published = 0;
    while (next != null && next.isBefore(today) && published < MAX_DAYS_PER_RUN) {
      Instant end = next.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant start = next.atStartOfDay(ZoneOffset.UTC).toInstant();
      published +=
          db.update(
              "insert into registry_days (day, head_seq, entry_hash, head_at, entries)"
                  + " select ?, e.seq, e.entry_hash, e.registered_at,"
                  + " (select count(*) from registry_entries c"
                  + "   where c.registered_at >= ? and c.registered_at < ?)"
                  + " from registry_entries e where e.registered_at < ?"
                  + " order by e.seq desc limit 1"
                  + " on conflict (day) do nothing",
              next,
              start,
              end,
              end);
      next = next.plusDays(1);
    }
    return published;
  }
}
