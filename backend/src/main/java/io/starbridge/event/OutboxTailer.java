package io.starbridge.event;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.starbridge.common.Db;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link OutboxHandler} over the outbox in id order, each with its position in the
 * {@code event_consumers} table.
 *
 * <p><b>Gaps.</b> Outbox ids come from a sequence, so a transaction may commit id 12 while id 11 is
 * still in flight (or was rolled back and never comes). Events after a gap are applied at once, but
 * the stored position stops before the gap until the gap is settled: when a gap is first seen the
 * tailer notes the snapshot's {@code xmax} (the first transaction id not yet started); once the
 * oldest running transaction ({@code pg_snapshot_xmin}) is past it, every transaction that could
 * have held that id has ended, so if the row is still missing it never comes. Ids applied beyond
 * the gap are remembered in memory so they are not applied twice; after a restart they may be
 * applied again, which handlers tolerate (idempotent apply).
 *
 * <p><b>Nodes.</b> A batch runs in one transaction holding the consumer's row lock ({@code for
 * update skip locked}), so with several app nodes one applies at a time and the others skip the
 * tick.
 */
// Eager: its consumers are built at start-up, not on a first tick that may race a shutdown.
@io.micronaut.context.annotation.Context
@Requires(property = "starbridge.outbox.consumers.enabled", notEquals = "false")
public class OutboxTailer {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxTailer.class);
  private static final int BATCH = 500;

  private final List<OutboxHandler> handlers;
  private final Db db;
  private final TransactionOperations<Connection> transactions;
  private final ObjectMapper json;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public OutboxTailer(
      List<OutboxHandler> handlers,
      Db db,
      TransactionOperations<Connection> transactions,
      ObjectMapper json) {
    // Each tick runs the consumers in this order over the same new events.
    this.handlers =
        handlers.stream().sorted(java.util.Comparator.comparingInt(OutboxHandler::order)).toList();
    this.db = db;
    this.transactions = transactions;
    this.json = json;
  }

  /**
   * In-memory state of one consumer: gaps seen (id to xmax then) and ids applied past the position.
   */
  private static final class State {
    final Map<Long, Long> gaps = new HashMap<>();
    final Set<Long> applied = new HashSet<>();
    long position = -1;
  }

  @Scheduled(
      fixedDelay = "${starbridge.outbox.poll-interval:150ms}",
      initialDelay = "${starbridge.outbox.initial-delay:1s}")
  void tick() {
    long newest;
    try {
      newest = db.one("select coalesce(max(id), 0) from outbox", rs -> rs.getLong(1)).orElse(0L);
    } catch (RuntimeException e) {
      LOG.warn("Outbox unreadable; retrying: {}", e.toString());
      return;
    }
    for (OutboxHandler h : handlers) {
      if (caughtUp(h, newest)) {
        continue; // an idle tick writes nothing (its row lock would cost a commit per consumer)
      }
      try {
        while (runOnce(h) >= BATCH) {
          // keep draining a backlog
        }
      } catch (RuntimeException e) {
        LOG.warn("Outbox consumer {} failed; retrying: {}", h.name(), e.toString());
      }
    }
  }

  /**
   * This node applied everything up to {@code newest} for the handler and knows of no open gap:
   * there is nothing to do. (Another node moving the position only makes ours look behind.)
   */
  private synchronized boolean caughtUp(OutboxHandler h, long newest) {
    State s = states.get(h.name());
    return s != null && s.position >= newest && s.gaps.isEmpty() && s.applied.isEmpty();
  }

  /** Applies the next batch for {@code handler}; returns how many rows it applied. */
  public synchronized int runOnce(OutboxHandler handler) {
    db.update(
        "insert into event_consumers (name, position) values (?, coalesce((select max(id) from outbox), 0)) on conflict do nothing",
        handler.name());
    List<OutboxEvent> fresh = new ArrayList<>();
    int read =
        transactions.executeWrite(
            status -> {
              Long position =
                  db.one(
                          "select position from event_consumers where name = ? for update skip locked",
                          rs -> rs.getLong(1),
                          handler.name())
                      .orElse(null);
              if (position == null) {
                return 0; // another node holds it
              }
              State s = states.computeIfAbsent(handler.name(), n -> new State());
              if (s.position != position) {
                // First run, or another node moved it: forget what we knew past the old position.
                s.gaps.clear();
                s.applied.clear();
                s.position = position;
              }
              long[] snap =
                  db.one(
                          "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint",
                          rs -> new long[] {rs.getLong(1), rs.getLong(2)})
                      .orElseThrow();
              List<OutboxEvent> rows =
                  db.list(
                      "select id, event_type, aggregate, aggregate_id, actor_id, payload::text as payload, created_at"
                          + " from outbox where id > ? order by id limit ?",
                      rs ->
                          new OutboxEvent(
                              rs.getLong("id"),
                              rs.getString("event_type"),
                              rs.getString("aggregate"),
                              rs.getLong("aggregate_id"),
                              Db.nullableLong(rs, "actor_id"),
                              parse(rs.getString("payload")),
                              Db.instant(rs, "created_at")),
                      position,
                      BATCH);
              java.util.function.LongPredicate ready = predecessorDone(handler);
              Set<Long> seen = new HashSet<>();
              int processed = 0;
              for (OutboxEvent e : rows) {
                if (!ready.test(e.id())) {
                  break; // the consumer this one runs after has not applied it yet: next tick
                }
                processed++;
                seen.add(e.id());
                if (s.applied.contains(e.id())) {
                  continue;
                }
                applyOne(handler, e);
                fresh.add(e);
              }
              long max = processed == 0 ? position : rows.get(processed - 1).id();
              for (long id = position + 1; id < max; id++) {
                if (!seen.contains(id) && !s.applied.contains(id)) {
                  s.gaps.putIfAbsent(id, snap[1]);
                }
              }
              for (OutboxEvent e : fresh) {
                s.applied.add(e.id());
                s.gaps.remove(e.id());
              }
              long next = position;
              while (true) {
                long candidate = next + 1;
                if (s.applied.remove(candidate)) {
                  next = candidate;
                } else if (s.gaps.containsKey(candidate) && snap[0] >= s.gaps.get(candidate)) {
                  s.gaps.remove(candidate); // settled: that id will never commit
                  next = candidate;
                } else {
                  break;
                }
              }
              if (next != position) {
                db.update(
                    "update event_consumers set position = ?, updated_at = now() where name = ?",
                    next,
                    handler.name());
              }
              s.position = next;
              return processed;
            });
    if (!fresh.isEmpty()) {
      try {
        handler.committed(fresh);
      } catch (RuntimeException e) {
        LOG.warn("Outbox consumer {} after-commit step failed: {}", handler.name(), e.toString());
      }
    }
    return read;
  }

  /**
   * Which events {@code handler} may apply now: all, unless it names a consumer to run {@link
   * OutboxHandler#after}; then those at or below that consumer's stored position, plus those this
   * node applied for it past a gap still open.
   */
  private java.util.function.LongPredicate predecessorDone(OutboxHandler handler) {
    String after = handler.after();
    if (after == null
        || (!states.containsKey(after)
            && handlers.stream().noneMatch(h -> h.name().equals(after)))) {
      return id -> true; // that consumer does not run here (its stored position may be frozen)
    }
    Long stored =
        db.one("select position from event_consumers where name = ?", rs -> rs.getLong(1), after)
            .orElse(null);
    if (stored == null) {
      return id -> true; // not started yet
    }
    State p = states.get(after);
    Set<Long> beyond = p != null && p.position == stored ? Set.copyOf(p.applied) : Set.of();
    long done = stored;
    return id -> id <= done || beyond.contains(id);
  }

  private void applyOne(OutboxHandler handler, OutboxEvent e) {
    db.withConnection(
        c -> {
          Savepoint sp = c.setSavepoint();
          try {
            handler.apply(e);
            c.releaseSavepoint(sp);
          } catch (RuntimeException ex) {
            c.rollback(sp);
            LOG.warn(
                "Outbox consumer {} skipped event {} ({}): {}",
                handler.name(),
                e.id(),
                e.type(),
                ex.toString());
          }
          return null;
        });
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parse(String text) {
    try {
      Map<String, Object> m = json.readValue(text, Map.class);
      return m == null ? Map.of() : m;
    } catch (IOException e) {
      return Map.of();
    }
  }
}
