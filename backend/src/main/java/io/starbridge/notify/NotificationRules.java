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
    // Moderation (issue 7): the author of the reported content hears the outcome.
    // Expected payload: targetType ("post"|"topic"), targetId, targetAuthorId, action.
    rules.put(
        "ReportResolved",
        e -> {
          String type = e.stringField("targetType");
          Long target = e.longField("targetId");
          return one(
              e.longField("targetAuthorId"),
              NotificationKind.MODERATION,
              "moderation:report:" + e.aggregateId(),
              e,
              "topic".equals(type) ? target : null,
              "post".equals(type) ? target : null,
              null,
              Map.of("action", String.valueOf(e.stringField("action"))));
        });
    // Expected: aggregate user (the silenced person), payload until, reason.
    rules.put(
        "UserSilenced",
        e ->
            one(
                e.aggregateId(),
                NotificationKind.MODERATION,
                "moderation:silence:" + e.id(),
                e,
                null,
                null,
                null,
                Map.of("action", "silenced", "until", String.valueOf(e.stringField("until")))));
    // Works (issue 8): subscribers of the work. Expected: aggregate work, payload subscriberIds?
    // or the work_subscriptions table; payload title, chapterNumber.
    rules.put("ChapterPublished", this::chapterPublished);
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
                "select user_id from watches where target_type = 'topic' and target_id = ? and level = 'watching'",
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

  private List<Candidate> chapterPublished(OutboxEvent e) {
    List<Candidate> out = new ArrayList<>();
    for (String s : e.listField("subscriberIds")) {
      out.add(
          new Candidate(
              Long.parseLong(s),
              NotificationKind.WORK,
              "work:" + e.aggregateId(),
              e.actorId(),
              null,
              null,
              null,
              Map.of(
                  "workId", e.aggregateId(),
                  "title", String.valueOf(e.stringField("title")))));
    }
    return out;
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
