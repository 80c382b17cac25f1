package io.starbridge.profile;

import io.starbridge.common.ApiException;
import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import io.starbridge.topic.TopicRules;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Follow, mute and block people; follow tags. Every change is idempotent (a repeat changes nothing
 * and announces nothing) and announces itself on the outbox: {@code UserFollowed}, {@code
 * UserUnfollowed}, {@code UserMuted}, {@code UserUnmuted}, {@code UserBlocked}, {@code
 * UserUnblocked} (aggregate: the target user), {@code TagFollowed}, {@code TagUnfollowed}
 * (aggregate: the follower).
 */
@Singleton
public class Relationships {
  private final Db db;
  private final ProfileQueries people;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Outbox outbox;

  Relationships(
      Db db,
      ProfileQueries people,
      Guardians guardians,
      Outbox outbox,
      RateLimiter rateLimiter,
      Limits limits) {
    this.db = db;
    this.people = people;
    this.guardians = guardians;
    this.outbox = outbox;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
  }

  @Transactional
  public void follow(Actor actor, String handle) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Person target = people.person(handle);
    guardian.ensureCanFollow(target);
    rateLimiter.consume(limits.forActor(limits.followsPerUser, guardian), guardian);
    int added =
        db.update(
            "insert into user_follows (follower_id, followee_id) values (?, ?) on conflict do nothing",
            actor.id(),
            target.id());
    if (added > 0) {
      announce("UserFollowed", actor.id(), target.id());
    }
  }

  @Transactional
  public void unfollow(Actor actor, String handle) {
    Person target = target(actor, handle, "You cannot unfollow yourself");
    if (unfollow(actor.id(), target.id())) {
      announce("UserUnfollowed", actor.id(), target.id());
    }
  }

  @Transactional
  public void mute(Actor actor, String handle) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Person target = people.person(handle);
    guardian.ensureCanIgnore(target, false);
    if (ignore(actor.id(), target.id(), "mute")) {
      announce("UserMuted", actor.id(), target.id());
    }
  }

  @Transactional
  public void unmute(Actor actor, String handle) {
    Person target = target(actor, handle, "You cannot unmute yourself");
    if (unignore(actor.id(), target.id(), "mute")) {
      announce("UserUnmuted", actor.id(), target.id());
    }
  }

  /** Blocking also ends the follows between the two, both ways. */
  @Transactional
  public void block(Actor actor, String handle) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Person target = people.person(handle);
    guardian.ensureCanIgnore(target, true);
    if (ignore(actor.id(), target.id(), "block")) {
      announce("UserBlocked", actor.id(), target.id());
    }
    if (unfollow(actor.id(), target.id())) {
      announce("UserUnfollowed", actor.id(), target.id());
    }
    if (unfollow(target.id(), actor.id())) {
      announce("UserUnfollowed", target.id(), actor.id());
    }
  }

  @Transactional
  public void unblock(Actor actor, String handle) {
    Person target = target(actor, handle, "You cannot unblock yourself");
    if (unignore(actor.id(), target.id(), "block")) {
      announce("UserUnblocked", actor.id(), target.id());
    }
  }

  @Transactional
  public void followTag(Actor actor, String rawTag) {
    guardians.of(actor).ensureSignedIn();
    String tag = tag(rawTag);
    int added =
        db.update(
            "insert into tag_follows (user_id, tag) values (?, ?) on conflict do nothing",
            actor.id(),
            tag);
    if (added > 0) {
      outbox.publish("TagFollowed", "user", actor.id(), actor.id(), Map.of("tag", tag));
    }
  }

  @Transactional
  public void unfollowTag(Actor actor, String rawTag) {
    guardians.of(actor).ensureSignedIn();
    String tag = tag(rawTag);
    int removed =
        db.update("delete from tag_follows where user_id = ? and tag = ?", actor.id(), tag);
    if (removed > 0) {
      outbox.publish("TagUnfollowed", "user", actor.id(), actor.id(), Map.of("tag", tag));
    }
  }

  private static String tag(String raw) {
    String tag = TopicRules.normalizeTag(raw);
    if (tag == null) {
      throw ApiException.invalid("tag", "pattern", "must be 2–30 letters, digits, - or _");
    }
    return tag;
  }

  /** Undoing needs no permission beyond being signed in, but never on oneself. */
  private Person target(Actor actor, String handle, String selfMessage) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Person target = people.person(handle);
    if (guardian.isSelf(target)) {
      throw ApiException.invalid("handle", "self", selfMessage);
    }
    return target;
  }

  private boolean unfollow(long follower, long followee) {
    return db.update(
            "delete from user_follows where follower_id = ? and followee_id = ?",
            follower,
            followee)
        > 0;
  }

  private boolean ignore(long user, long target, String kind) {
    return db.update(
            "insert into user_ignores (user_id, target_id, kind) values (?, ?, ?) on conflict do nothing",
            user,
            target,
            kind)
        > 0;
  }

  private boolean unignore(long user, long target, String kind) {
    return db.update(
            "delete from user_ignores where user_id = ? and target_id = ? and kind = ?",
            user,
            target,
            kind)
        > 0;
  }

  private void announce(String type, long actorId, long targetId) {
    outbox.publish(
        type, "user", targetId, actorId, Map.of("userId", actorId, "targetId", targetId));
  }
}
