package io.starbridge.search;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the indexer stands in the outbox: every row ordered before ({@code xid}, {@code id}) — by
 * transaction id, then id — has been applied. Stored in each Lucene commit's user data along with
 * the last applied outbox id.
 */
public record OutboxCursor(String xid, long id, long lastAppliedId) {
  static final OutboxCursor START = new OutboxCursor("0", 0, 0);

  Map<String, String> userData() {
    Map<String, String> m = new HashMap<>();
    m.put("outbox.xid", xid);
    m.put("outbox.id", Long.toString(id));
    m.put("outbox.lastAppliedId", Long.toString(lastAppliedId));
    return m;
  }

  static OutboxCursor fromUserData(Map<String, String> data) {
    String xid = data.get("outbox.xid");
    if (xid == null) {
      return null;
    }
    return new OutboxCursor(
        xid,
        Long.parseLong(data.getOrDefault("outbox.id", "0")),
        Long.parseLong(data.getOrDefault("outbox.lastAppliedId", "0")));
  }
}
