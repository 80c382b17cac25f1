package io.starbridge.notify;

import io.starbridge.common.Db;
import io.starbridge.group.Group;
import io.starbridge.group.GroupLookup;
import io.starbridge.ip.Inquiry;
import io.starbridge.ip.InquiryLookup;
import io.starbridge.profile.Person;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Role;
import io.starbridge.topic.Topic;
import io.starbridge.topic.TopicLookup;
import io.starbridge.work.Work;
import io.starbridge.work.WorkLookup;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The checks of "may this person see what a notification points at", answered by the person's own
 * Guardian — at creation and again at every read.
 */
@Singleton
class Recipients {
  private final Db db;
  private final Guardians guardians;
  private final TopicLookup topics;
  private final GroupLookup groups;
  private final WorkLookup works;
  private final InquiryLookup inquiries;

  Recipients(
      Db db,
      Guardians guardians,
      TopicLookup topics,
      GroupLookup groups,
      WorkLookup works,
      InquiryLookup inquiries) {
    this.works = works;
    this.inquiries = inquiries;
    this.db = db;
    this.guardians = guardians;
    this.topics = topics;
    this.groups = groups;
  }

  /** The user as an actor (no session), or empty for deleted and suspended accounts. */
  Optional<Actor> actor(long userId) {
    return db.one(
        "select id, handle, role, status, trust_level, email_verified_at is not null as verified"
            + " from users where id = ? and status not in ('deleted', 'suspended')",
        rs ->
            new Actor(
                rs.getLong("id"),
                rs.getString("handle"),
                Role.parse(rs.getString("role")),
                rs.getString("status"),
                rs.getInt("trust_level"),
                rs.getBoolean("verified"),
                null,
                Actor.AuthMethod.SESSION),
        userId);
  }

  /** The account exists and is not deleted. */
  boolean exists(long userId) {
    return db.count("select count(*) from users where id = ? and status <> 'deleted'", userId) > 0;
  }

  Guardian guardian(Actor actor) {
    return guardians.of(actor);
  }

  Optional<Person> person(long userId) {
    return db.one(
        "select id, role, hide_followers, hide_activity, mention_policy from users where id = ?",
        rs ->
            new Person(
                rs.getLong("id"),
                rs.getString("role"),
                rs.getBoolean("hide_followers"),
                rs.getBoolean("hide_activity"),
                rs.getString("mention_policy")),
        userId);
  }

  /** Whether the recipient may see the topic, post and group a notification points at. */
  boolean maySee(Guardian g, Long topicId, Long postId, Long groupId) {
    if (topicId != null) {
      Optional<Topic> t = topics.find(topicId);
      if (t.isEmpty() || t.get().deleted() || !g.canSee(t.get())) {
        return false;
      }
    }
    if (postId != null) {
      boolean visible =
          db.one(
                  "select deleted_at is null from posts where id = ?",
                  rs -> rs.getBoolean(1),
                  postId)
              .orElse(false);
      if (!visible) {
        return false;
      }
    }
    if (groupId != null) {
      Optional<Group> group =
          db.one("select slug from groups where id = ?", rs -> rs.getString(1), groupId)
              .flatMap(groups::bySlug);
      if (group.isEmpty() || group.get().deletedAt() != null || !g.canSee(group.get())) {
        return false;
      }
    }
    return true;
  }

  /** Whether the recipient may see the work a notification points at (none: true). */
  boolean maySeeWork(Guardian g, Long workId) {
    if (workId == null) {
      return true;
    }
    Optional<Work> w = works.byId(workId);
    return w.isPresent() && g.canSee(w.get());
  }

  /**
   * Whether the recipient may see the work and the inquiry a notification's data names (none:
   * true): inquiries are private threads, so leaving a work's authors hides their notifications.
   */
  boolean maySeeWorkAndInquiry(Guardian g, Long workId, Long inquiryId) {
    if (!maySeeWork(g, workId)) {
      return false;
    }
    if (inquiryId == null) {
      return true;
    }
    Optional<Inquiry> i = inquiries.byId(inquiryId);
    Optional<Work> w = i.flatMap(x -> works.byId(x.workId()));
    return w.isPresent() && g.canSee(i.get(), w.get());
  }

  /** The inquiry id a notification's data names, if any. */
  static Long inquiryId(java.util.Map<String, Object> data) {
    Object v = data == null ? null : data.get("inquiryId");
    return v instanceof Number n ? n.longValue() : null;
  }

  /** The work id a notification's data names, if any. */
  static Long workId(java.util.Map<String, Object> data) {
    Object v = data == null ? null : data.get("workId");
    return v instanceof Number n ? n.longValue() : null;
  }
}
