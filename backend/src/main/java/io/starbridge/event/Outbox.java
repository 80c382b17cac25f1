package io.starbridge.event;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Map;

/**
 * The transactional outbox. Call {@link #publish} inside the transaction of the write it announces;
 * consumers (search, feeds, notifications) tail the table by id after commit.
 */
@Singleton
public class Outbox {
  private final Db db;
  private final ObjectMapper json;
  private final TransactionOperations<Connection> transactions;
  private final ContentVersion contentVersion;

  public Outbox(
      Db db,
      ObjectMapper json,
      TransactionOperations<Connection> transactions,
      ContentVersion contentVersion) {
    this.db = db;
    this.json = json;
    this.transactions = transactions;
    this.contentVersion = contentVersion;
  }

  /**
   * @param type past-tense event name, e.g. {@code UserRegistered}
   * @param aggregate what it is about, e.g. {@code user}
   */
  public long publish(
      String type, String aggregate, long aggregateId, Long actorId, Map<String, ?> payload) {
    // Caches of anonymous pages move on once the write is visible, never before.
    transactions
        .findTransactionStatus()
        .ifPresentOrElse(
            status ->
                status.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public void afterCommit() {
                        contentVersion.bump();
                      }
                    }),
            contentVersion::bump);
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
