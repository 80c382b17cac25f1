package io.starbridge.event;

import java.util.List;

/**
 * A consumer of the outbox, run by {@link OutboxTailer}. {@link #apply} runs inside the transaction
 * that also moves the consumer's position, so what it writes to PostgreSQL commits together with
 * "these events are done". It must be idempotent: after a crash, or across a gap that is still
 * open, an event may be applied again.
 */
public interface OutboxHandler {
  /** The consumer's name, its row in {@code event_consumers}. */
  String name();

  /** Applies one event inside the batch transaction; throwing skips (and logs) only this event. */
  void apply(OutboxEvent event);

  /** Called after the batch committed (e.g. to publish to Redis); must not throw. */
  default void committed(List<OutboxEvent> events) {}

  /** Where this consumer runs in each tick: lower first (see {@link OutboxTailer}). */
  default int order() {
    return 0;
  }

  /**
   * The consumer whose effects this one relies on, or null: this one then never applies an event
   * before that one has (a live notification must not reach a tab before the feed it makes the tab
   * reload holds the item). It should also run earlier in the tick ({@link #order}).
   */
  default String after() {
    return null;
  }
}
