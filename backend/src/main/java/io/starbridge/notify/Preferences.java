package io.starbridge.notify;

import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-kind preferences: in-app on/off for every kind, email on/off for the important kinds. */
@Singleton
class Preferences {
  private final Db db;

  Preferences(Db db) {
    this.db = db;
  }

  @Serdeable
  record Preference(String kind, boolean inApp, boolean email, boolean emailAvailable) {}

  @Serdeable
  record PreferenceList(List<Preference> items) {}

  @Serdeable
  record Change(String kind, Boolean inApp, Boolean email) {}

  @Serdeable
  record Update(List<Change> items) {}

  PreferenceList of(long userId) {
    Map<String, boolean[]> stored = new HashMap<>();
    db.list(
        "select kind, in_app, email from notification_preferences where user_id = ?",
        rs -> stored.put(rs.getString(1), new boolean[] {rs.getBoolean(2), rs.getBoolean(3)}),
        userId);
    List<Preference> out = new ArrayList<>();
    for (NotificationKind k : NotificationKind.values()) {
      boolean[] s = stored.get(k.wire());
      out.add(
          new Preference(
              k.wire(),
              s == null || s[0],
              k.emailable && (s == null ? k.emailByDefault : s[1]),
              k.emailable));
    }
    return new PreferenceList(out);
  }

  PreferenceList update(long userId, Update update) {
    if (update == null || update.items() == null) {
      throw ApiException.invalid("items", "required", "items is required");
    }
    Map<String, Preference> current = new HashMap<>();
    for (Preference p : of(userId).items()) {
      current.put(p.kind(), p);
    }
    for (Change c : update.items()) {
      NotificationKind k =
          NotificationKind.parse(c.kind() == null ? "" : c.kind())
              .orElseThrow(
                  () -> ApiException.invalid("items.kind", "unknown", "unknown kind " + c.kind()));
      if (Boolean.TRUE.equals(c.email()) && !k.emailable) {
        throw ApiException.invalid("items.email", "unavailable", k.wire() + " is never emailed");
      }
      Preference p = current.get(k.wire());
      boolean inApp = c.inApp() == null ? p.inApp() : c.inApp();
      boolean email = c.email() == null ? p.email() : c.email();
      db.update(
          """
              insert into notification_preferences (user_id, kind, in_app, email) values (?, ?, ?, ?)
              on conflict (user_id, kind) do update set in_app = excluded.in_app, email = excluded.email
              """,
          userId,
          k.wire(),
          inApp,
          email);
    }
    return of(userId);
  }

  boolean inApp(long userId, NotificationKind kind) {
    return db.one(
            "select in_app from notification_preferences where user_id = ? and kind = ?",
            rs -> rs.getBoolean(1),
            userId,
            kind.wire())
        .orElse(true);
  }
}
