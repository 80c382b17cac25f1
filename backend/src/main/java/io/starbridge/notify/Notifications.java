package io.starbridge.notify;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.account.UserCard;
import io.starbridge.common.Cursors;
import io.starbridge.common.Db;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading notifications. Every row is checked again with the reader's Guardian, so one about a
 * topic that has since been deleted, hidden or moved out of the reader's reach (a group they left)
 * is not shown — not in lists, counts or the stream.
 */
@Singleton
class Notifications {
  static final int UNREAD_SCAN = 200;

  private final Db db;
  private final Recipients recipients;
  private final ObjectMapper json;

  Notifications(Db db, Recipients recipients, ObjectMapper json) {
    this.db = db;
    this.recipients = recipients;
    this.json = json;
  }

  private record Row(
      long id,
      String kind,
      boolean read,
      Instant createdAt,
      Instant updatedAt,
      List<Long> actorIds,
      int actorCount,
      Long topicId,
      String topicSlug,
      String topicTitle,
      Long postId,
      Integer postNumber,
      Long groupId,
      String groupSlug,
      String groupName,
      String data,
      long seq) {}

  private static final String SELECT =
      """
          select n.id, n.kind, n.read_at is not null as read, n.created_at, n.updated_at, n.actor_ids,
                 n.actor_count, n.topic_id, t.slug as t_slug, t.title as t_title, n.post_id,
                 p.post_number, n.group_id, g.slug as g_slug, g.name as g_name, n.data::text as data, n.seq
            from notifications n
            left join topics t on t.id = n.topic_id
            left join posts p on p.id = n.post_id
            left join groups g on g.id = n.group_id
          """;

  private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    Long[] actors = (Long[]) rs.getArray("actor_ids").getArray();
    int number = rs.getInt("post_number");
    Integer postNumber = rs.wasNull() ? null : number;
    return new Row(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getBoolean("read"),
        Db.instant(rs, "created_at"),
        Db.instant(rs, "updated_at"),
        List.of(actors),
        rs.getInt("actor_count"),
        Db.nullableLong(rs, "topic_id"),
        rs.getString("t_slug"),
        rs.getString("t_title"),
        Db.nullableLong(rs, "post_id"),
        postNumber,
        Db.nullableLong(rs, "group_id"),
        rs.getString("g_slug"),
        rs.getString("g_name"),
        rs.getString("data"),
        rs.getLong("seq"));
  }

  NotificationView.Page page(Guardian g, Integer limit, String cursor, boolean unreadOnly) {
    int n = Cursors.limit(limit, 20, 100);
    Instant at = null;
    long id = Long.MAX_VALUE;
    if (cursor != null && !cursor.isBlank()) {
      List<String> parts = Cursors.decode(cursor, 2);
      at = Cursors.instant(parts.get(0));
      try {
        id = Long.parseLong(parts.get(1));
      } catch (NumberFormatException e) {
        throw Cursors.invalid();
      }
    }
    List<Row> rows =
        db.list(
            SELECT
                + " where n.user_id = ? and (?::timestamptz is null or (n.updated_at, n.id) < (?::timestamptz, ?))"
                + (unreadOnly ? " and n.read_at is null" : "")
                + " order by n.updated_at desc, n.id desc limit ?",
            this::row,
            g.actor().id(),
            at,
            at,
            id,
            n + 1);
    String next = null;
    if (rows.size() > n) {
      rows = rows.subList(0, n);
      Row last = rows.get(n - 1);
      next = Cursors.encode(last.updatedAt().toString(), last.id());
    }
    return new NotificationView.Page(views(g, rows), next, unreadCount(g));
  }

  /** Unread notifications the reader may still see (scans at most {@value #UNREAD_SCAN}). */
  int unreadCount(Guardian g) {
    List<long[]> rows =
        db.list(
            "select coalesce(topic_id, 0), coalesce(post_id, 0), coalesce(group_id, 0),"
                + " coalesce((data->>'workId')::bigint, 0),"
                + " coalesce((data->>'inquiryId')::bigint, 0) from notifications"
                + " where user_id = ? and read_at is null order by updated_at desc limit ?",
            rs ->
                new long[] {
                  rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                },
            g.actor().id(),
            UNREAD_SCAN);
    Map<String, Boolean> seen = new HashMap<>();
    int count = 0;
    for (long[] r : rows) {
      String key = r[0] + ":" + r[1] + ":" + r[2] + ":" + r[3] + ":" + r[4];
      if (seen.computeIfAbsent(
          key,
          k ->
              recipients.maySee(g, nz(r[0]), nz(r[1]), nz(r[2]))
                  && recipients.maySeeWorkAndInquiry(g, nz(r[3]), nz(r[4])))) {
        count++;
      }
    }
    return count;
  }

  /** Visible notifications changed after {@code seq}, oldest change first, with their seq. */
  List<Map.Entry<Long, NotificationView>> since(Guardian g, long seq, int max) {
    List<Row> rows =
        db.list(
            SELECT + " where n.user_id = ? and n.seq > ? order by n.seq limit ?",
            this::row,
            g.actor().id(),
            seq,
            max);
    List<NotificationView> views = views(g, rows);
    Map<Long, NotificationView> byId = new HashMap<>();
    views.forEach(v -> byId.put(v.id(), v));
    List<Map.Entry<Long, NotificationView>> out = new ArrayList<>();
    for (Row r : rows) {
      // Hidden ones still move the position on, with no event of their own.
      out.add(new java.util.AbstractMap.SimpleEntry<>(r.seq(), byId.get(r.id())));
    }
    return out;
  }

  long latestSeq(long userId) {
    return db.one(
            "select coalesce(max(seq), 0) from notifications where user_id = ?",
            rs -> rs.getLong(1),
            userId)
        .orElse(0L);
  }

  int markRead(long userId, List<Long> ids, boolean all) {
    if (all) {
      return db.update(
          "update notifications set read_at = now() where user_id = ? and read_at is null", userId);
    }
    if (ids == null || ids.isEmpty()) {
      return 0;
    }
    return db.update(
        "update notifications set read_at = now() where user_id = ? and read_at is null and id = any(?)",
        userId,
        ids);
  }

  private static Long nz(long v) {
    return v == 0 ? null : v;
  }

  @SuppressWarnings("unchecked")
  private List<NotificationView> views(Guardian g, List<Row> rows) {
    List<Row> visible = new ArrayList<>();
    Map<Long, Map<String, Object>> dataById = new HashMap<>();
    for (Row r : rows) {
      Map<String, Object> data;
      try {
        data = json.readValue(r.data(), Map.class);
      } catch (IOException e) {
        data = Map.of();
      }
      dataById.put(r.id(), data == null ? Map.of() : data);
      if (recipients.maySee(g, r.topicId(), r.postId(), r.groupId())
          && recipients.maySeeWorkAndInquiry(
              g, Recipients.workId(data), Recipients.inquiryId(data))) {
        visible.add(r);
      }
    }
    List<Long> actorIds = new ArrayList<>();
    for (Row r : visible) {
      r.actorIds().stream().limit(3).forEach(actorIds::add);
    }
    Map<Long, UserCard> cards = new HashMap<>();
    if (!actorIds.isEmpty()) {
      db.list(
          "select "
              + UserCard.columns("u")
              + " from users u where u.id in (select unnest(?::bigint[]))",
          rs -> cards.put(rs.getLong("u_id"), UserCard.read(rs, "u")),
          actorIds.stream().distinct().toList());
    }
    List<NotificationView> out = new ArrayList<>();
    for (Row r : visible) {
      Map<String, Object> data = dataById.get(r.id());
      out.add(
          new NotificationView(
              r.id(),
              r.kind(),
              r.read(),
              r.createdAt(),
              r.updatedAt(),
              r.actorIds().stream().limit(3).map(cards::get).filter(c -> c != null).toList(),
              r.actorCount(),
              r.topicId() == null
                  ? null
                  : new NotificationView.TopicRef(r.topicId(), r.topicSlug(), r.topicTitle()),
              r.postId(),
              r.postNumber(),
              r.groupId() == null || r.groupSlug() == null
                  ? null
                  : new NotificationView.GroupLink(r.groupId(), r.groupSlug(), r.groupName()),
              data == null ? Map.of() : data));
    }
    return out;
  }
}
