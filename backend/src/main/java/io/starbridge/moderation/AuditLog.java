package io.starbridge.moderation;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the audit row of a staff action; call it inside the action's transaction. */
@Singleton
public class AuditLog {
  private final Db db;
  private final ObjectMapper json;

  public AuditLog(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  public void record(
      Long actorId,
      String action,
      String targetType,
      Long targetId,
      String reason,
      Object before,
      Object after) {
    db.update(
        "insert into audit_log (actor_id, action, target_type, target_id, reason, before, after) values (?, ?, ?, ?, ?, ?, ?)",
        actorId,
        action,
        targetType,
        targetId,
        reason,
        toJson(before),
        toJson(after));
  }

  private Db.Json toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return new Db.Json(json.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
