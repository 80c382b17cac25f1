package io.starbridge.notify;

import io.starbridge.common.Db;
import io.starbridge.event.OutboxEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which outbox events notify whom: one entry per event type in {@link #rules}. Adding a kind is one
 * entry here (and, if new, a {@link NotificationKind}). Rules only name candidates; the {@link
 * Notifier} applies every check (own action, blocks and mutes, preferences, watch levels, the
 * recipient's Guardian) to all of them alike.
 */
@Singleton
class NotificationRules {
  /** A quote: a block-quote line naming {@code @handle} (the SPA's quote button writes this). */
  private static final Pattern QUOTE = Pattern.compile("(?m)^>[^\\n]*?@([A-Za-z0-9_]{2,30})");

  private final Db db;
  private final Map<String, Function<OutboxEvent, List<Candidate>>> rules = new LinkedHashMap<>();

  NotificationRules(Db db) {
    this.db = db;
    rules.put("PostCreated", this::postCreated);
    rules.put(
        "ReactionAdded",
        e ->
            one(
                e.longField("postAuthorId"),
                NotificationKind.REACTION,
                "reactions:post:" + e.aggregateId(),
                e,
                e.longField("topicId"),
                e.aggregateId(),
                null,
                Map.of("reaction", String.valueOf(e.stringField("kind")))));
    rules.put(
        "UserFollowed",
        e ->
            one(
                e.longField("targetId"),
                NotificationKind.FOLLOW,
                "followers",
                e,
                null,
                null,
                null));
    rules.put(
        "GroupMemberInvited",
        e ->
            one(
                e.longField("userId"),
                NotificationKind.GROUP_INVITATION,
                "group:" + e.aggregateId() + ":invitation",
                e,
                null,
                null,
                e.aggregateId()));
    rules.put("GroupMemberRequested", this::joinRequested);
    rules.put(
        "GroupMemberApproved",
        e ->
            one(
                e.longField("userId"),
                NotificationKind.GROUP_APPROVED,
                "group:" + e.aggregateId() + ":membership",
                e,
                null,
                null,
                e.aggregateId()));
    rules.put("TopicAnnounced", this::topicAnnounced);
    rules.put(
        "VerificationDecided",
        e ->
            one(
                e.aggregateId(),
                NotificationKind.VERIFICATION,
                "verification:" + e.longField("requestId"),
                e,
                null,
                null,
                null,
                Map.of(
                    "verification", String.valueOf(e.stringField("kind")),
                    "decision", String.valueOf(e.stringField("decision")))));
    // Moderation: the reporters hear the outcome; the author when their content was hidden or
    // deleted; warned, silenced and suspended people hear it with the reason and until when.
    rules.put("ReportResolved", this::reportResolved);
    rules.put("UserWarned", e -> sanction(e, "warned"));
    rules.put("UserSilenced", e -> sanction(e, "silenced"));
    rules.put("UserSuspended", e -> sanction(e, "suspended"));
    // Works: subscribers of the work and its series (read from the database), co-author
    // invitations, translation permission, kudos. Every work candidate carries data.workId, which
    // the Notifier and the reads check with the recipient's Guardian (canSee(Work)).
    rules.put("ChapterPublished", this::chapterPublished);
    rules.put(
        "CoauthorInvited",
        e ->
            workCandidates(
                e,
                List.of(e.longField("userId")),
                NotificationKind.COAUTHOR_INVITATION,
                "work:" + workId(e) + ":coauthor",
                Map.of()));
    rules.put(
        "TranslationPermissionRequested",
        e ->
            workCandidates(
                e,
                ids(e.listField("originalAuthorIds")),
                NotificationKind.TRANSLATION_REQUEST,
                "work:" + workId(e) + ":translation",
                Map.of()));
    rules.put("TranslationPermissionGranted", e -> translationDecided(e, "granted"));
    rules.put("TranslationPermissionDeclined", e -> translationDecided(e, "declined"));
    rules.put(
        "KudosGiven",
        e ->
            workCandidates(
                e,
                ids(e.listField("authorIds")),
                NotificationKind.KUDOS,
                "kudos:work:" + workId(e),
                Map.of()));
    // Inquiries: private threads, so the candidates are the participants only (the inquirer and
    // the work's active authors; never admins who merely read); data.inquiryId is re-checked with
    // the recipient's Guardian at creation and at every read.
    rules.put(
        "InquirySent", e -> inquiryCandidates(e, NotificationKind.INQUIRY_RECEIVED, Map.of()));
    rules.put(
        "InquiryMessagePosted",
        e -> inquiryCandidates(e, NotificationKind.INQUIRY_MESSAGE, Map.of()));
    rules.put("InquiryStateChanged", this::inquiryStateChanged);
  }

  List<Candidate> candidates(OutboxEvent e) {
    var rule = rules.get(e.type());
    return rule == null ? List.of() : rule.apply(e);
  }

  private static List<Candidate> one(
      Long recipient,
      NotificationKind kind,
      String subject,
      OutboxEvent e,
      Long topicId,
      Long postId,
      Long groupId) {
    return one(recipient, kind, subject, e, topicId, postId, groupId, Map.of());
  }

  private static List<Candidate> one(
      Long recipient,
      NotificationKind kind,
      String subject,
      OutboxEvent e,
      Long topicId,
      Long postId,
      Long groupId,
      Map<String, Object> data) {
    if (recipient == null) {
      return List.of();
    }
    return List.of(
        new Candidate(recipient, kind, subject, e.actorId(), topicId, postId, groupId, data));
  }

  /**
   * A new post: the replied-to author and the topic's author (reply), quoted and mentioned people,
   * and watchers of the topic (replies) or of its board or group (new topics). One post is one
   * subject, so each person gets one notification of the highest kind.
   */
  private List<Candidate> postCreated(OutboxEvent e) {
    long postId = e.aggregateId();
    Long topicId = e.longField("topicId");
    if (topicId == null) {
      return List.of();
    }
    Long number = e.longField("postNumber");
    String subject = "post:" + postId;
    List<Candidate> out = new ArrayList<>();
    Long actor = e.actorId();
    Long replyTo = e.longField("replyToUserId");
    if (replyTo != null) {
      out.add(Candidate.of(replyTo, NotificationKind.REPLY, subject, actor, topicId, postId, null));
    }
    if (number != null && number > 1) {
      db.one("select author_id from topics where id = ?", rs -> rs.getLong(1), topicId)
          .ifPresent(
              author ->
                  out.add(
                      Candidate.of(
                          author, NotificationKind.REPLY, subject, actor, topicId, postId, null)));
    }
    String raw =
        db.one("select raw from posts where id = ?", rs -> rs.getString(1), postId).orElse("");
    List<String> quoted = new ArrayList<>();
    Matcher m = QUOTE.matcher(raw);
    while (m.find()) {
      quoted.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    for (long id : userIds(quoted)) {
      out.add(Candidate.of(id, NotificationKind.QUOTE, subject, actor, topicId, postId, null));
    }
    for (long id : userIds(e.listField("mentions"))) {
      out.add(Candidate.of(id, NotificationKind.MENTION, subject, actor, topicId, postId, null));
    }
    List<Long> watchers =
        number != null && number == 1
            ? db.list(
                """
                    select w.user_id from watches w join topics t on t.id = ?
                     where w.level = 'watching'
                       and ((w.target_type = 'board' and w.target_id = t.board_id)
                         or (w.target_type = 'group' and w.target_id = t.group_id))
                    """,
                rs -> rs.getLong(1),
                topicId)
            : db.list(
                """
                    select w.user_id from watches w join topics t on t.id = ?
                     where w.level = 'watching'
                       and ((w.target_type = 'topic' and w.target_id = t.id)
                         or (((w.target_type = 'board' and w.target_id = t.board_id)
                            or (w.target_type = 'group' and w.target_id = t.group_id))
                           and not exists (select 1 from watches o where o.user_id = w.user_id
                                 and o.target_type = 'topic' and o.target_id = t.id)))
                    """,
                rs -> rs.getLong(1),
                topicId);
    for (long id : watchers) {
      out.add(Candidate.of(id, NotificationKind.WATCHING, subject, actor, topicId, postId, null));
    }
    if (number != null && number == 1 && actor != null) {
      // New topics by people one follows (the feed has them too; this rings the bell).
      for (long id :
          db.list(
              "select follower_id from user_follows where followee_id = ?",
              rs -> rs.getLong(1),
              actor)) {
        out.add(
            Candidate.of(
                id, NotificationKind.FOLLOWED_TOPIC, subject, actor, topicId, postId, null));
      }
    }
    return out;
  }

  /**
   * A group topic marked as an announcement: the group's active members, chosen in one statement
   * that already leaves out the announcer, those who turned the kind off, those who blocked or
   * muted the author or the announcer, and those who muted the topic or the group (unless the topic
   * has a level of its own) — a big group costs one query, not one per member. The Notifier still
   * applies its checks, the recipient's Guardian among them. Withdrawn before the consumer got
   * here: nothing. One subject per topic, so announcing again merges into the same notification.
   */
  private List<Candidate> topicAnnounced(OutboxEvent e) {
    long topicId = e.aggregateId();
    Long actor = e.actorId();
    List<Long[]> rows =
        db.list(
            """
                select t.group_id, m.user_id from topics t
                  join group_members m on m.group_id = t.group_id and m.state = 'active'
                  join users u on u.id = m.user_id and u.status not in ('deleted', 'suspended')
                 where t.id = ? and t.announced_at is not null and t.deleted_at is null
                   and m.user_id is distinct from ?::bigint
                   and not exists (select 1 from notification_preferences p
                         where p.user_id = m.user_id and p.kind = ? and not p.in_app)
                   and not exists (select 1 from user_ignores i where i.user_id = m.user_id
                         and (i.target_id = t.author_id or i.target_id = ?::bigint))
                   and not exists (select 1 from watches w where w.user_id = m.user_id
                         and w.level = 'muted'
                         and ((w.target_type = 'topic' and w.target_id = t.id)
                           or (w.target_type = 'group' and w.target_id = t.group_id
                             and not exists (select 1 from watches o where o.user_id = m.user_id
                                   and o.target_type = 'topic' and o.target_id = t.id))))
                """,
            rs -> new Long[] {rs.getLong(1), rs.getLong(2)},
            topicId,
            actor,
            NotificationKind.GROUP_ANNOUNCEMENT.wire(),
            actor);
    List<Candidate> out = new ArrayList<>(rows.size());
    String subject = "topic:" + topicId + ":announcement";
    for (Long[] r : rows) {
      out.add(
          Candidate.of(
              r[1], NotificationKind.GROUP_ANNOUNCEMENT, subject, actor, topicId, null, r[0]));
    }
    return out;
  }

  private List<Candidate> joinRequested(OutboxEvent e) {
    List<Long> managers =
        db.list(
            "select user_id from group_members where group_id = ? and state = 'active' and role in ('owner', 'moderator')",
            rs -> rs.getLong(1),
            e.aggregateId());
    List<Candidate> out = new ArrayList<>();
    for (long m : managers) {
      out.add(
          Candidate.of(
              m,
              NotificationKind.GROUP_JOIN_REQUEST,
              "group:" + e.aggregateId() + ":requests",
              e.longField("userId"),
              null,
              null,
              e.aggregateId()));
    }
    return out;
  }

  private static long workId(OutboxEvent e) {
    Long id = e.longField("workId");
    return id == null ? e.aggregateId() : id;
  }

  private static List<Long> ids(List<String> raw) {
    List<Long> out = new ArrayList<>();
    for (String s : raw) {
      try {
        out.add(Long.parseLong(s));
      } catch (NumberFormatException ignored) {
        // not an id
      }
    }
    return out;
  }

  /** One candidate per recipient about a work; data carries workId and the work's title. */
  private List<Candidate> workCandidates(
      OutboxEvent e,
      List<Long> recipients,
      NotificationKind kind,
      String subject,
      Map<String, Object> extra) {
    long workId = workId(e);
    String title =
        db.one("select title from works where id = ?", rs -> rs.getString(1), workId).orElse("");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workId", workId);
    data.put("title", title);
    data.putAll(extra);
    List<Candidate> out = new ArrayList<>();
    for (Long r : new java.util.LinkedHashSet<>(recipients)) {
      if (r != null) {
        out.add(new Candidate(r, kind, subject, e.actorId(), null, null, null, data));
      }
    }
    return out;
  }

  /**
   * A chapter became readable (aggregate chapter): subscribers of the work and of every series
   * holding it who subscribed before it was published (the tailer may reach the event after a later
   * subscription), never its authors, never for a draft work.
   */
  private List<Candidate> chapterPublished(OutboxEvent e) {
    if ("draft".equals(e.stringField("visibility"))) {
      return List.of();
    }
    long workId = workId(e);
    List<Long> subscribers =
        db.list(
            """
                select user_id from work_subscriptions where work_id = ? and created_at <= ?
                union
                select ss.user_id from series_subscriptions ss
                  join series_works sw on sw.series_id = ss.series_id
                 where sw.work_id = ? and ss.created_at <= ?
                """,
            rs -> rs.getLong(1),
            workId,
            e.createdAt(),
            workId,
            e.createdAt());
    List<Long> authors =
        db.list(
            "select user_id from work_authors where work_id = ? and state = 'active'",
            rs -> rs.getLong(1),
            workId);
    List<Long> recipients = new ArrayList<>(subscribers);
    recipients.removeAll(authors);
    recipients.removeAll(ids(e.listField("authorIds")));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("chapterId", e.aggregateId());
    Long position = e.longField("position");
    if (position != null) {
      extra.put("position", position);
    }
    return workCandidates(
        e, recipients, NotificationKind.WORK, "chapter:" + e.aggregateId(), extra);
  }

  private List<Candidate> translationDecided(OutboxEvent e, String decision) {
    // The translation's authors (the translator); the deciding original author is the actor.
    return workCandidates(
        e,
        ids(e.listField("authorIds")),
        NotificationKind.TRANSLATION_DECISION,
        "work:" + workId(e) + ":translation",
        Map.of("decision", decision));
  }

  private List<Candidate> inquiryStateChanged(OutboxEvent e) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("state", String.valueOf(e.stringField("to")));
    if (e.stringField("rightStatus") != null) {
      extra.put("rightStatus", e.stringField("rightStatus"));
    }
    return inquiryCandidates(e, NotificationKind.INQUIRY_STATE, extra);
  }

  /** The inquiry's participants (the Notifier drops the actor); data names work and inquiry. */
  private List<Candidate> inquiryCandidates(
      OutboxEvent e, NotificationKind kind, Map<String, Object> extra) {
    long inquiryId = e.aggregateId();
    List<Long> participants =
        db.list(
            """
                select i.inquirer_id from inquiries i where i.id = ?
                union
                select a.user_id from inquiries i
                  join work_authors a on a.work_id = i.work_id and a.state = 'active'
                 where i.id = ?
                """,
            rs -> rs.getLong(1),
            inquiryId,
            inquiryId);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("inquiryId", inquiryId);
    data.putAll(extra);
    // One subject per message and per state reached (each state is reached once), so a replayed
    // event merges into its own notification and a new one always rings.
    String subject =
        switch (kind) {
          case INQUIRY_MESSAGE -> "inquiry:" + inquiryId + ":message:" + e.longField("messageId");
          case INQUIRY_STATE -> "inquiry:" + inquiryId + ":state:" + e.stringField("to");
          default -> "inquiry:" + inquiryId;
        };
    return workCandidates(e, participants, kind, subject, data);
  }

  private List<Candidate> reportResolved(OutboxEvent e) {
    String action = String.valueOf(e.stringField("action"));
    String type = e.stringField("targetType");
    Long target = e.longField("targetId");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("event", "report_resolved");
    data.put("action", action);
    data.put("targetType", type == null ? "" : type);
    if (target != null) {
      data.put("targetId", target);
    }
    List<Candidate> out = new ArrayList<>();
    String subject = "moderation:report:" + e.aggregateId();
    for (long reporter : ids(e.listField("reporterIds"))) {
      if (e.actorId() != null && reporter == e.actorId()) {
        continue; // a staff member's own report
      }
      Map<String, Object> d = new LinkedHashMap<>(data);
      d.put("role", "reporter");
      // No topic/post link: once hidden or deleted the reporter may no longer see it.
      out.add(
          new Candidate(reporter, NotificationKind.MODERATION, subject, null, null, null, null, d));
    }
    Long author = e.longField("authorId");
    if (author != null && CONTENT_REMOVED.contains(action)) {
      Map<String, Object> d = new LinkedHashMap<>(data);
      d.put("role", "author");
      out.add(
          new Candidate(author, NotificationKind.MODERATION, subject, null, null, null, null, d));
    }
    return out;
  }

  /** Resolutions that took the author's content away. */
  private static final java.util.Set<String> CONTENT_REMOVED =
      java.util.Set.of("hide", "delete", "delete_topic");

  private static List<Candidate> sanction(OutboxEvent e, String event) {
    Long user = e.longField("userId");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("event", event);
    data.put(
        "reason", String.valueOf(e.stringField("reason") == null ? "" : e.stringField("reason")));
    if (e.stringField("until") != null) {
      data.put("until", e.stringField("until"));
    }
    return List.of(
        new Candidate(
            user == null ? e.aggregateId() : user,
            NotificationKind.MODERATION,
            "moderation:" + event + ":" + e.id(),
            null,
            null,
            null,
            null,
            data));
  }

  private List<Long> userIds(List<String> handles) {
    if (handles.isEmpty()) {
      return List.of();
    }
    return db.list(
        "select id from users where lower(handle) = any(?) and status <> 'deleted'",
        rs -> rs.getLong(1),
        handles.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList());
  }
}
