package io.starbridge.notify;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.starbridge.account.PublicUrl;
import io.starbridge.common.Db;
import io.starbridge.mail.Mailer;
import io.starbridge.security.Guardian;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails what a person has not seen: unread, not yet mailed notifications of the kinds they chose to
 * receive by email, older than {@code starbridge.notify.email-delay}, batched into one message per
 * person per run. Seeing (reading) them in time means no mail.
 */
@Singleton
class EmailDigest {
  private static final Logger LOG = LoggerFactory.getLogger(EmailDigest.class);

  private final Db db;
  private final Mailer mailer;
  private final PublicUrl publicUrl;
  private final Duration delay;
  private final Recipients recipients;

  EmailDigest(
      Db db,
      Mailer mailer,
      Recipients recipients,
      PublicUrl publicUrl,
      @Value("${starbridge.notify.email-delay:15m}") Duration delay) {
    this.db = db;
    this.mailer = mailer;
    this.publicUrl = publicUrl;
    this.delay = delay;
    this.recipients = recipients;
  }

  private record Item(
      long id,
      long userId,
      String email,
      String kind,
      String title,
      String slug,
      Long topicId,
      Long postId,
      Long groupId,
      String groupName,
      Long workId) {}

  @Scheduled(
      fixedDelay = "${starbridge.notify.digest-interval:1m}",
      initialDelay = "${starbridge.notify.digest-interval:1m}")
  void run() {
    try {
      send();
    } catch (RuntimeException e) {
      LOG.warn("Notification digest failed: {}", e.toString());
    }
  }

  /** Sends the due digests; returns how many mails went out. */
  int send() {
    List<String> defaults = new ArrayList<>();
    List<String> emailable = new ArrayList<>();
    for (NotificationKind k : NotificationKind.values()) {
      if (k.emailable) {
        emailable.add(k.wire());
      }
      if (k.emailByDefault) {
        defaults.add(k.wire());
      }
    }
    List<Item> due =
        db.list(
            """
                select n.id, n.user_id, u.email, n.kind, coalesce(t.title, n.data->>'title') as title,
                       t.slug, n.topic_id, n.post_id, n.group_id, g.name as group_name,
                       (n.data->>'workId')::bigint as work_id
                  from notifications n
                  join users u on u.id = n.user_id and u.status not in ('deleted', 'suspended')
                  left join topics t on t.id = n.topic_id
                  left join groups g on g.id = n.group_id
                  left join notification_preferences p on p.user_id = n.user_id and p.kind = n.kind
                 where n.read_at is null and n.emailed_at is null
                   and n.updated_at < now() - make_interval(secs => ?)
                   and n.kind = any(?)
                   and coalesce(p.email, n.kind = any(?))
                 order by n.user_id, n.updated_at
                 limit 5000
                """,
            rs ->
                new Item(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    Db.nullableLong(rs, "topic_id"),
                    Db.nullableLong(rs, "post_id"),
                    Db.nullableLong(rs, "group_id"),
                    rs.getString("group_name"),
                    Db.nullableLong(rs, "work_id")),
            (double) delay.toMillis() / 1000.0,
            emailable,
            defaults);
    Map<Long, List<Item>> byUser = new LinkedHashMap<>();
    for (Item i : due) {
      byUser.computeIfAbsent(i.userId(), k -> new ArrayList<>()).add(i);
    }
    int sent = 0;
    for (List<Item> all : byUser.values()) {
      // What the person may no longer see (a work made private, a topic hidden or moved into a
      // group they left) is not mailed; such rows are marked so the next run skips them too.
      List<Item> items = new ArrayList<>();
      List<Long> dropped = new ArrayList<>();
      Guardian g = recipients.actor(all.get(0).userId()).map(recipients::guardian).orElse(null);
      for (Item i : all) {
        if (g != null
            && recipients.maySee(g, i.topicId(), i.postId(), i.groupId())
            && recipients.maySeeWork(g, i.workId())) {
          items.add(i);
        } else {
          dropped.add(i.id());
        }
      }
      if (!dropped.isEmpty()) {
        db.update("update notifications set emailed_at = now() where id = any(?)", dropped);
      }
      if (items.isEmpty()) {
        continue;
      }
      StringBuilder text = new StringBuilder("You have unseen notifications on Starbridge:\n\n");
      List<String> links = new ArrayList<>();
      for (Item i : items) {
        String link =
            publicUrl.get()
                + (i.topicId() == null ? "/notifications" : "/t/" + i.slug() + "/" + i.topicId());
        text.append("- ")
            .append(label(i))
            .append(i.title() == null ? "" : ": " + i.title())
            .append("\n  ")
            .append(link)
            .append('\n');
        links.add(link);
      }
      text.append("\nChange what you receive in your notification settings.\n");
      mailer.send(
          items.get(0).email(),
          "Starbridge: " + items.size() + " unseen notification" + (items.size() == 1 ? "" : "s"),
          text.toString(),
          links.stream().distinct().toList());
      db.update(
          "update notifications set emailed_at = now() where id = any(?)",
          items.stream().map(Item::id).toList());
      sent++;
    }
    return sent;
  }

  /** What a line says before the title: the kind, or for an announcement where it was made. */
  private static String label(Item i) {
    if (NotificationKind.GROUP_ANNOUNCEMENT.wire().equals(i.kind()) && i.groupName() != null) {
      return "announcement in " + i.groupName();
    }
    return i.kind().replace('_', ' ');
  }
}
