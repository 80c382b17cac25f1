package io.starbridge.notify;

import io.micronaut.serde.ObjectMapper;
import io.starbridge.common.Db;
import io.starbridge.event.OutboxEvent;
import io.starbridge.event.OutboxHandler;
import io.starbridge.profile.Person;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox consumer that turns events into notification rows (PostgreSQL is the truth) and then
 * wakes the recipients' open streams on every node.
 *
 * <p>A candidate becomes a notification only when: it is not the recipient's own action; the
 * recipient has not muted or blocked the actor; the kind is on in the recipient's preferences; the
 * topic (or its board or group) is not muted by the recipient; the recipient's Guardian may see the
 * topic, post and group; and for mentions and quotes, the author's Guardian may mention the
 * recipient ({@code canMention}: mention policy and blocks). One row per recipient and subject: a
 * later event on the same subject upgrades the kind by priority and, for grouped kinds, adds its
 * actor ("Ada and 3 others").
 */
@Singleton
class Notifier implements OutboxHandler {
  static final int MAX_ACTORS = 10;
  static final int INSERT_BATCH = 500;

  private final Db db;
  private final NotificationRules rules;
  private final Recipients recipients;
  private final Preferences preferences;
  private final LiveNotifications live;
  private final ObjectMapper json;
  private final ThreadLocal<Set<Long>> touched = ThreadLocal.withInitial(LinkedHashSet::new);

  Notifier(
      Db db,
      NotificationRules rules,
      Recipients recipients,
      Preferences preferences,
      LiveNotifications live,
      ObjectMapper json) {
    this.db = db;
    this.rules = rules;
    this.recipients = recipients;
    this.preferences = preferences;
    this.live = live;
    this.json = json;
  }

  @Override
  public String name() {
    return "notifier";
  }

  /** A notification makes an open tab reload its home feed, which must already hold the item. */
  @Override
  public String after() {
    return "feed";
  }

  @Override
  public void apply(OutboxEvent event) {
    // Per subject and recipient, the highest-priority candidate of this event.
    Map<String, Candidate> best = new HashMap<>();
    for (Candidate c : rules.candidates(event)) {
      String key = c.recipientId() + "|" + c.subject();
      Candidate prev = best.get(key);
      if (prev == null || c.kind().priority > prev.kind().priority) {
        best.put(key, c);
      }
    }
    List<Candidate> deliverable = new ArrayList<>();
    for (Candidate c : best.values()) {
      if (deliverable(c)) {
        deliverable.add(c);
      }
    }
    // Merging into an existing row needs that row (and its lock); new rows, which is nearly all
    // of a big audience (a group announcement, a board's watchers), go in with a few statements.
    Set<String> existing = existing(deliverable);
    List<Candidate> fresh = new ArrayList<>();
    for (Candidate c : deliverable) {
      if (!existing.contains(c.recipientId() + "|" + c.subject())) {
        fresh.add(c);
      } else if (upsert(c)) {
        touched.get().add(c.recipientId());
      }
    }
    for (int from = 0; from < fresh.size(); from += INSERT_BATCH) {
      touched
          .get()
          .addAll(insert(fresh.subList(from, Math.min(fresh.size(), from + INSERT_BATCH))));
    }
  }

  @Override
  public void committed(List<OutboxEvent> events) {
    Set<Long> users = new LinkedHashSet<>(touched.get());
    touched.remove();
    if (!users.isEmpty()) {
      live.announce(users);
    }
  }

  private boolean deliverable(Candidate c) {
    Long actorId = c.actorId();
    if (actorId != null && actorId == c.recipientId()) {
      return false;
    }
    if (actorId != null
        && db.count(
                "select count(*) from user_ignores where user_id = ? and target_id = ?",
                c.recipientId(),
                actorId)
            > 0) {
      return false;
    }
    if (!preferences.inApp(c.recipientId(), c.kind())) {
      return false;
    }
    if (c.topicId() != null && mutedTopic(c.recipientId(), c.topicId())) {
      return false;
    }
    Optional<Actor> recipient = recipients.actor(c.recipientId());
    if (recipient.isEmpty()) {
      // A suspension is told to the suspended person (read once the suspension ends); it points
      // at nothing, so there is nothing to check.
      return c.kind() == NotificationKind.MODERATION
          && "suspended".equals(c.data().get("event"))
          && recipients.exists(c.recipientId());
    }
    Guardian g = recipients.guardian(recipient.get());
    if (!recipients.maySee(g, c.topicId(), c.postId(), c.groupId())
        || !recipients.maySeeWorkAndInquiry(
            g, Recipients.workId(c.data()), Recipients.inquiryId(c.data()))) {
      return false;
    }
    if ((c.kind() == NotificationKind.MENTION || c.kind() == NotificationKind.QUOTE)
        && actorId != null) {
      Optional<Actor> author = recipients.actor(actorId);
      Optional<Person> person = recipients.person(c.recipientId());
      if (author.isEmpty()
          || person.isEmpty()
          || !recipients.guardian(author.get()).canMention(person.get())) {
        return false;
      }
    }
    return true;
  }

  private boolean mutedTopic(long userId, long topicId) {
    return db.count(
            """
                select count(*) from watches w join topics t on t.id = ?
                 where w.user_id = ? and w.level = 'muted'
                   and ((w.target_type = 'topic' and w.target_id = t.id)
                     or (((w.target_type = 'board' and w.target_id = t.board_id)
                        or (w.target_type = 'group' and w.target_id = t.group_id))
                       and not exists (select 1 from watches o where o.user_id = ?
                             and o.target_type = 'topic' and o.target_id = t.id)))
                """,
            topicId,
            userId,
            userId)
        > 0;
  }

  /** Which of the candidates' recipient and subject pairs already have a row, in one query. */
  private Set<String> existing(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new java.util.HashSet<>();
    db.list(
        """
            select n.user_id, n.subject
              from (select unnest(?::bigint[]) as user_id, unnest(?::text[]) as subject offset 0) x
              join notifications n on n.user_id = x.user_id and n.subject = x.subject
            """,
        rs -> out.add(rs.getLong(1) + "|" + rs.getString(2)),
        candidates.stream().map(Candidate::recipientId).toList(),
        candidates.stream().map(Candidate::subject).toList());
    return out;
  }

  /**
   * Inserts new notifications in one statement (the columns travel as arrays); returns the
   * recipients who got one. A row that appeared meanwhile is left alone, as {@link #upsert} does.
   */
  private List<Long> insert(List<Candidate> batch) {
    int n = batch.size();
    Long[] users = new Long[n];
    String[] kinds = new String[n];
    String[] subjects = new String[n];
    Long[] actors = new Long[n];
    Long[] topics = new Long[n];
    Long[] posts = new Long[n];
    Long[] groups = new Long[n];
    String[] data = new String[n];
    for (int i = 0; i < n; i++) {
      Candidate c = batch.get(i);
      users[i] = c.recipientId();
      kinds[i] = c.kind().wire();
      subjects[i] = c.subject();
      actors[i] = c.actorId();
      topics[i] = c.topicId();
      posts[i] = c.postId();
      groups[i] = c.groupId();
      data[i] = toJson(c.data());
    }
    return db.withConnection(
        conn -> {
          try (var ps =
              conn.prepareStatement(
                  """
                      insert into notifications
                             (user_id, kind, subject, actor_ids, actor_count, topic_id, post_id, group_id, data)
                      select x.user_id, x.kind, x.subject,
                             case when x.actor_id is null then '{}'::bigint[] else array[x.actor_id] end,
                             1, x.topic_id, x.post_id, x.group_id, x.data::jsonb
                        from unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                    ?::bigint[], ?::bigint[], ?::text[])
                             as x(user_id, kind, subject, actor_id, topic_id, post_id, group_id, data)
                      on conflict (user_id, subject) do nothing
                      returning user_id
                      """)) {
            ps.setArray(1, conn.createArrayOf("bigint", users));
            ps.setArray(2, conn.createArrayOf("text", kinds));
            ps.setArray(3, conn.createArrayOf("text", subjects));
            ps.setArray(4, conn.createArrayOf("bigint", actors));
            ps.setArray(5, conn.createArrayOf("bigint", topics));
            ps.setArray(6, conn.createArrayOf("bigint", posts));
            ps.setArray(7, conn.createArrayOf("bigint", groups));
            ps.setArray(8, conn.createArrayOf("text", data));
            List<Long> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getLong(1));
              }
            }
            return out;
          }
        });
  }

  private record Existing(long id, String kind, List<Long> actors, int count, boolean read) {}

  /** Inserts or merges; returns whether the recipient has something new to see. */
  private boolean upsert(Candidate c) {
    Optional<Existing> existing =
        db.one(
            "select id, kind, actor_ids, actor_count, read_at is not null as read from notifications"
                + " where user_id = ? and subject = ? for update",
            rs -> {
              Long[] ids = (Long[]) rs.getArray("actor_ids").getArray();
              return new Existing(
                  rs.getLong("id"),
                  rs.getString("kind"),
                  List.of(ids),
                  rs.getInt("actor_count"),
                  rs.getBoolean("read"));
            },
            c.recipientId(),
            c.subject());
    List<Long> actorList = c.actorId() == null ? List.of() : List.of(c.actorId());
    if (existing.isEmpty()) {
      db.update(
          """
              insert into notifications (user_id, kind, subject, actor_ids, actor_count, topic_id, post_id, group_id, data)
              values (?, ?, ?, ?::bigint[], 1, ?, ?, ?, ?)
              on conflict (user_id, subject) do nothing
              """,
          c.recipientId(),
          c.kind().wire(),
          c.subject(),
          "{" + String.join(",", actorList.stream().map(String::valueOf).toList()) + "}",
          c.topicId(),
          c.postId(),
          c.groupId(),
          new Db.Json(toJson(c.data())));
      return true;
    }
    Existing e = existing.get();
    NotificationKind old = NotificationKind.parse(e.kind()).orElse(c.kind());
    boolean upgrade = c.kind().priority > old.priority;
    boolean newActor = c.actorId() != null && !e.actors().contains(c.actorId());
    if (!upgrade && !newActor) {
      return false; // the same event again (replay) or nothing new
    }
    List<Long> actors;
    int count;
    if (c.kind().grouped && !e.read() && newActor) {
      actors = new ArrayList<>(actorList);
      actors.addAll(e.actors());
      if (actors.size() > MAX_ACTORS) {
        actors = actors.subList(0, MAX_ACTORS);
      }
      count = e.count() + 1;
    } else {
      actors = new ArrayList<>(actorList);
      count = 1;
    }
    db.update(
        """
            update notifications set kind = ?, actor_ids = ?::bigint[], actor_count = ?, data = ?,
                   seq = nextval('notification_seq'), updated_at = now(), read_at = null, emailed_at = null
             where id = ?
            """,
        (upgrade ? c.kind() : old).wire(),
        "{" + String.join(",", actors.stream().map(String::valueOf).toList()) + "}",
        count,
        new Db.Json(toJson(c.data())),
        e.id());
    return true;
  }

  private String toJson(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
