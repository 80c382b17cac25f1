package io.starbridge.topic;

import io.starbridge.board.Board;
import io.starbridge.board.BoardCounters;
import io.starbridge.board.BoardQueries;
import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.common.FieldError;
import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PATCH /topics/{id}: the author (or staff) retitles and retags; moderators pin, lock, close and
 * move. Each staff change writes its audit row and its own event.
 */
@Singleton
public class UpdateTopic {
  private final Db db;
  private final TopicLookup topics;
  private final BoardQueries boards;
  private final BoardCounters boardCounters;
  private final TopicQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  UpdateTopic(
      Db db,
      TopicLookup topics,
      BoardQueries boards,
      BoardCounters boardCounters,
      TopicQueries queries,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.db = db;
    this.topics = topics;
    this.boards = boards;
    this.boardCounters = boardCounters;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public TopicView call(Actor actor, long topicId, TopicRequests.Update req) {
    Guardian guardian = guardians.of(actor);
    Topic topic = topics.requireForUpdate(topicId);
    guardian.ensureCanSee(topic);
    if (req.edits()) {
      guardian.ensureCanEdit(topic);
    }
    if (req.moderates()) {
      guardian.ensureCanModerate(topic);
    }
    if ("global".equals(req.pinned()) && !guardian.canPinGlobally(topic)) {
      throw ApiException.forbidden(
          "Group topics are pinned inside their group only (pinned: \"board\")");
    }
    if (req.announcement() != null) {
      guardian.ensureCanAnnounce(topic);
    }
    if (req.board() != null && !guardian.canMove(topic)) {
      throw ApiException.forbidden("Group topics stay in their group");
    }
    List<FieldError> errors = new ArrayList<>();
    String title = req.title() == null ? null : TopicRules.title(req.title(), errors);
    List<String> tags = req.tags() == null ? null : TopicRules.tags(req.tags(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    if (req.edits()) {
      edit(actor, topic, title, tags, req.reason());
    }
    if (req.pinned() != null) {
      pin(actor, topic, Topic.Pin.parse(req.pinned()), req.reason());
    }
    if (req.locked() != null && req.locked() != topic.locked()) {
      flag(
          actor,
          topic,
          "locked",
          req.locked(),
          req.locked() ? "TopicLocked" : "TopicUnlocked",
          req.reason());
    }
    if (req.closed() != null && req.closed() != topic.closed()) {
      flag(
          actor,
          topic,
          "closed",
          req.closed(),
          req.closed() ? "TopicClosed" : "TopicReopened",
          req.reason());
    }
    if (req.announcement() != null) {
      announce(actor, topic, req.announcement(), req.reason());
    }
    if (req.board() != null) {
      move(actor, guardian, topic, req.board().trim(), req.reason());
    }
    return queries.view(guardian, topicId);
  }

  private void edit(Actor actor, Topic topic, String title, List<String> tags, String reason) {
    String newTitle = title == null ? topic.title() : title;
    List<String> newTags = tags == null ? topic.tags() : tags;
    if (newTitle.equals(topic.title()) && newTags.equals(topic.tags())) {
      return;
    }
    db.update(
        "update topics set title = ?, slug = ?, tags = ?, updated_at = now() where id = ?",
        newTitle,
        TopicRules.slug(newTitle),
        newTags,
        topic.id());
    Map<String, Object> before = Map.of("title", topic.title(), "tags", topic.tags());
    Map<String, Object> after = Map.of("title", newTitle, "tags", newTags);
    if (topic.authorId() != actor.id()) {
      audit.record(
          actor.id(), "edit_topic", "topic", topic.id(), reason, before, after, topic.groupId());
    }
    outbox.publish("TopicEdited", "topic", topic.id(), actor.id(), eventPayload(topic, after));
  }

  private void pin(Actor actor, Topic topic, Topic.Pin pin, String reason) {
    if (pin == topic.pinned()) {
      return;
    }
    db.update(
        "update topics set pinned = ?, pinned_at = case when ? = 'none' then null else now() end, updated_at = now() where id = ?",
        pin.wire(),
        pin.wire(),
        topic.id());
    audit.record(
        actor.id(),
        pin == Topic.Pin.NONE ? "unpin_topic" : "pin_topic",
        "topic",
        topic.id(),
        reason,
        Map.of("pinned", topic.pinned().wire()),
        Map.of("pinned", pin.wire()),
        topic.groupId());
    outbox.publish(
        pin == Topic.Pin.NONE ? "TopicUnpinned" : "TopicPinned",
        "topic",
        topic.id(),
        actor.id(),
        eventPayload(topic, Map.of("pinned", pin.wire())));
  }

  /** Marks or unmarks a group topic as an announcement (members' feeds take it when marked). */
  private void announce(Actor actor, Topic topic, boolean on, String reason) {
    int changed =
        on
            ? db.update(
                "update topics set announced_at = now(), announced_by = ?, updated_at = now()"
                    + " where id = ? and announced_at is null",
                actor.id(),
                topic.id())
            : db.update(
                "update topics set announced_at = null, announced_by = null, updated_at = now()"
                    + " where id = ? and announced_at is not null",
                topic.id());
    if (changed == 0) {
      return;
    }
    audit.record(
        actor.id(),
        on ? "announce_topic" : "unannounce_topic",
        "topic",
        topic.id(),
        reason,
        Map.of("announcement", !on),
        Map.of("announcement", on),
        topic.groupId());
    outbox.publish(
        on ? "TopicAnnounced" : "TopicUnannounced",
        "topic",
        topic.id(),
        actor.id(),
        eventPayload(topic, Map.of("announcement", on)));
  }

  private void flag(
      Actor actor, Topic topic, String column, boolean value, String event, String reason) {
    // column is one of two fixed names, never input
    db.update(
        "update topics set " + column + " = ?, updated_at = now() where id = ?", value, topic.id());
    String action =
        switch (event) {
          case "TopicLocked" -> "lock_topic";
          case "TopicUnlocked" -> "unlock_topic";
          case "TopicClosed" -> "close_topic";
          default -> "reopen_topic";
        };
    audit.record(
        actor.id(),
        action,
        "topic",
        topic.id(),
        reason,
        Map.of(column, !value),
        Map.of(column, value),
        topic.groupId());
    outbox.publish(
        event, "topic", topic.id(), actor.id(), eventPayload(topic, Map.of(column, value)));
  }

  private void move(Actor actor, Guardian guardian, Topic topic, String boardSlug, String reason) {
    Board target = boards.bySlug(boardSlug).orElseThrow(() -> ApiException.notFound("Board"));
    guardian.ensureCanSee(target);
    Board from = topic.board();
    if (target.id() == from.id()) {
      return;
    }
    record Counts(int replies, Instant lastPostedAt) {}
    Counts counts =
        db.one(
                "update topics set board_id = ?, updated_at = now() where id = ? returning reply_count, last_posted_at",
                rs -> new Counts(rs.getInt(1), Db.instant(rs, "last_posted_at")),
                target.id(),
                topic.id())
            .orElseThrow();
    if (!topic.deleted()) {
      boardCounters.topicRemoved(from.id(), counts.replies() + 1);
      boardCounters.topicAdded(target.id(), counts.replies() + 1, counts.lastPostedAt());
    }
    audit.record(
        actor.id(),
        "move_topic",
        "topic",
        topic.id(),
        reason,
        Map.of("board", from.slug()),
        Map.of("board", target.slug()));
    outbox.publish(
        "TopicMoved",
        "topic",
        topic.id(),
        actor.id(),
        Map.of("fromBoardId", from.id(), "toBoardId", target.id(), "boardId", target.id()));
  }

  private static Map<String, Object> eventPayload(Topic topic, Map<String, Object> changes) {
    Map<String, Object> payload = new LinkedHashMap<>(changes);
    payload.putAll(topic.place());
    return payload;
  }
}
