package io.starbridge.security;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that a member visited today (for the trust-level job): at most one insert per member per
 * day and node, remembered in memory; a second node's duplicate insert is a no-op.
 */
@Singleton
public class Visits {
  private final Db db;
  private final Map<Long, LocalDate> seen = new ConcurrentHashMap<>();
  private volatile LocalDate day = LocalDate.now(ZoneOffset.UTC);

  Visits(Db db) {
    this.db = db;
  }

  public void record(long userId) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (!today.equals(day)) {
      seen.clear();
      day = today;
    }
    if (today.equals(seen.put(userId, today))) {
      return;
    }
    try {
      db.update(
          "insert into user_visits (user_id, day) values (?, ?) on conflict do nothing",
          userId,
          today);
    } catch (RuntimeException e) {
      seen.remove(userId); // try again on the next request
    }
  }
}
