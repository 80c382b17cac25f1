package io.starbridge.group;

import io.starbridge.common.Db;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Following a group (idempotent both ways: only a change is announced). */
@Singleton
public class FollowGroup {
  private final Db db;
  private final GroupLookup groups;
  private final Guardians guardians;
  private final Outbox outbox;

  FollowGroup(Db db, GroupLookup groups, Guardians guardians, Outbox outbox) {
    this.db = db;
    this.groups = groups;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  @Transactional
  public void follow(Actor actor, String slug) {
    Group group = groups.requireBySlug(slug);
    guardians.of(actor).ensureCanFollow(group);
    int added =
        db.update(
            "insert into group_follows (user_id, group_id) values (?, ?) on conflict do nothing",
            actor.id(),
            group.id());
    if (added > 0) {
      outbox.publish(
          "GroupFollowed", "group", group.id(), actor.id(), Map.of("userId", actor.id()));
    }
  }

  @Transactional
  public void unfollow(Actor actor, String slug) {
    Group group = groups.requireBySlug(slug);
    guardians.of(actor).ensureCanFollow(group);
    int removed =
        db.update(
            "delete from group_follows where user_id = ? and group_id = ?", actor.id(), group.id());
    if (removed > 0) {
      outbox.publish(
          "GroupUnfollowed", "group", group.id(), actor.id(), Map.of("userId", actor.id()));
    }
  }
}
