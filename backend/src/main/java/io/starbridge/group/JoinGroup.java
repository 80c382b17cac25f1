package io.starbridge.group;

import io.starbridge.common.ApiException;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import io.starbridge.security.Limits;
import io.starbridge.security.RateLimiter;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * POST /groups/{slug}/join: a public group takes the caller at once, a restricted one records a
 * request for its managers, a secret one only accepts an invitation (and answers 404 to others).
 * Accepting an invitation is joining. Idempotent for active and pending members.
 */
@Singleton
public class JoinGroup {
  private final GroupLookup groups;
  private final Members members;
  private final Guardians guardians;
  private final RateLimiter rateLimiter;
  private final Limits limits;
  private final Outbox outbox;

  JoinGroup(
      GroupLookup groups,
      Members members,
      Guardians guardians,
      Outbox outbox,
      RateLimiter rateLimiter,
      Limits limits) {
    this.groups = groups;
    this.members = members;
    this.guardians = guardians;
    this.outbox = outbox;
    this.rateLimiter = rateLimiter;
    this.limits = limits;
  }

  @Transactional
  public GroupView.MembershipView call(Actor actor, String slug) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    rateLimiter.consume(limits.forActor(limits.groupJoinsPerUser, guardian), guardian);
    Group group = groups.requireBySlugForUpdate(slug);
    guardian.ensureCanSee(group);
    GroupMembership m = members.find(group.id(), actor.id()).orElse(null);
    if (m != null) {
      switch (m.state()) {
        case BANNED -> throw ApiException.forbidden("You are banned from this group");
        case ACTIVE, PENDING -> {
          return GroupView.MembershipView.of(m);
        }
        case INVITED -> {
          members.setState(m, actor.id(), GroupMembership.State.ACTIVE);
          outbox.publish(
              "GroupMemberJoined",
              "group",
              group.id(),
              actor.id(),
              Map.of("userId", actor.id(), "invited", true));
          return new GroupView.MembershipView(m.role().wire(), "active");
        }
      }
    }
    GroupMembership.State state =
        switch (group.visibility()) {
          case PUBLIC -> GroupMembership.State.ACTIVE;
          case RESTRICTED -> GroupMembership.State.PENDING;
          case SECRET ->
              throw ApiException.forbidden("Secret groups are joined by invitation only");
        };
    members.insert(group.id(), actor.id(), GroupMembership.Role.MEMBER, state, null);
    outbox.publish(
        state == GroupMembership.State.ACTIVE ? "GroupMemberJoined" : "GroupMemberRequested",
        "group",
        group.id(),
        actor.id(),
        Map.of("userId", actor.id()));
    return new GroupView.MembershipView("member", state.wire());
  }
}
