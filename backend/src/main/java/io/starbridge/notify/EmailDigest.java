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
      String locale,
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
                select n.id, n.user_id, u.email, u.locale, n.kind, coalesce(t.title, n.data->>'title') as title,
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
                    rs.getString("locale"),
                    rs.getString("kind"),
                    rs.getString("title"),
                    rs.getString("slug"),
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
      boolean zh = items.get(0).locale() != null && items.get(0).locale().startsWith("zh");
      StringBuilder text =
          new StringBuilder(
              zh ? "你在星桥有未读的通知：\n\n" : "You have unseen notifications on Starbridge:\n\n");
      List<String> links = new ArrayList<>();
      for (Item i : items) {
        String link =
            publicUrl.get()
                + (i.topicId() == null ? "/notifications" : "/t/" + i.slug() + "/" + i.topicId());
        text.append("- ")
            .append(label(i, zh))
            .append(i.title() == null ? "" : (zh ? "：" : ": ") + i.title())
            .append("\n  ")
            .append(link)
            .append('\n');
        links.add(link);
      }
      text.append(
          zh
              ? "\n可以在通知设置中调整接收哪些邮件。\n— 星桥 Starbridge\n"
              : "\nChange what you receive in your notification settings.\n— Starbridge\n");
      mailer.send(
          items.get(0).email(),
          zh
              ? "星桥：你有 " + items.size() + " 条未读通知"
              : "Starbridge: "
                  + items.size()
                  + " unseen notification"
                  + (items.size() == 1 ? "" : "s"),
          text.toString(),
          links.stream().distinct().toList());
      db.update(
          "update notifications set emailed_at = now() where id = any(?)",
          items.stream().map(Item::id).toList());
      sent++;
    }
    return sent;
  }

  /** What a line says before the title, in the recipient's language. */
  private static String label(Item i, boolean zh) {
    if (NotificationKind.GROUP_ANNOUNCEMENT.wire().equals(i.kind()) && i.groupName() != null) {
      return zh ? i.groupName() + " 的公告" : "Announcement in " + i.groupName();
    }
    String[] l = LABELS.get(i.kind());
    if (l == null) {
      return i.kind().replace('_', ' ');
    }
    return zh ? l[1] : l[0];
  }

  /** Per emailable kind: English and Chinese. */
  private static final Map<String, String[]> LABELS =
      Map.ofEntries(
          Map.entry("mention", new String[] {"You were mentioned", "有人提到了你"}),
          Map.entry("quote", new String[] {"You were quoted", "有人引用了你"}),
          Map.entry("reply", new String[] {"New reply", "新回复"}),
          Map.entry("watching", new String[] {"New post in a topic you watch", "你关注的话题有新帖"}),
          Map.entry(
              "followed_topic", new String[] {"New topic by someone you follow", "你关注的人发了新话题"}),
          Map.entry("group_invitation", new String[] {"Group invitation", "小组邀请"}),
          Map.entry("group_join_request", new String[] {"Request to join your group", "入组申请"}),
          Map.entry("group_approved", new String[] {"You joined a group", "入组申请已通过"}),
          Map.entry("group_announcement", new String[] {"Group announcement", "小组公告"}),
          Map.entry("verification", new String[] {"Verification decision", "认证结果"}),
          Map.entry("moderation", new String[] {"Moderation decision", "管理处理结果"}),
          Map.entry("work", new String[] {"New chapter", "新章节"}),
          Map.entry("coauthor_invitation", new String[] {"Co-author invitation", "合著邀请"}),
          Map.entry(
              "translation_request", new String[] {"Translation permission requested", "翻译授权请求"}),
          Map.entry(
              "translation_decision", new String[] {"Translation permission decided", "翻译授权结果"}),
          Map.entry("inquiry_received", new String[] {"New adaptation inquiry", "新的改编询问"}),
          Map.entry("inquiry_state", new String[] {"Adaptation inquiry update", "改编询问状态更新"}),
          Map.entry("inquiry_message", new String[] {"New message in an inquiry", "改编询问有新消息"}));
}
