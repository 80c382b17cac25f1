package io.starbridge.event;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The transactional outbox. Call {@link #publish} inside the transaction of the write it announces;
 * consumers (search, feeds, notifications) tail the table by id after commit.
 */
@Singleton
public class Outbox {
  private final Db db;
  private final ObjectMapper json;

  public Outbox(Db db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /**
   * @param type past-tense event name, e.g. {@code UserRegistered}
   * @param aggregate what it is about, e.g. {@code user}
   */
  public long publish(
      String type, String aggregate, long aggregateId, Long actorId, Map<String, ?> payload) {
    try {
      return db.insertReturningId(
          "insert into outbox (event_type, aggregate, aggregate_id, actor_id, payload) values (?, ?, ?, ?, ?) returning id",
          type,
          aggregate,
          aggregateId,
          actorId,
          new Db.Json(json.writeValueAsString(payload)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
