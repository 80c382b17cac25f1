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
    record(actorId, action, targetType, targetId, reason, before, after, null);
  }

  /**
   * A staff action inside a group ({@code scopeGroup}, null elsewhere): group moderators' actions
   * and site staff's actions on group content, so a group's own log can be shown.
   */
  public void record(
      Long actorId,
      String action,
      String targetType,
      Long targetId,
      String reason,
      Object before,
      Object after,
      Long scopeGroup) {
    db.update(
        "insert into audit_log (actor_id, action, target_type, target_id, reason, before, after, scope_group) values (?, ?, ?, ?, ?, ?, ?, ?)",
        actorId,
        action,
        targetType,
        targetId,
        reason,
        toJson(before),
        toJson(after),
        scopeGroup);
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
