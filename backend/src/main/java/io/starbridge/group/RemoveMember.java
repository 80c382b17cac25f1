package io.starbridge.group;

import io.starbridge.common.ApiException;
import io.starbridge.event.Outbox;
import io.starbridge.moderation.AuditLog;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardian;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * DELETE /groups/{slug}/members/{handle}. For oneself ({@code me}): leave, withdraw a request or
 * decline an invitation; the owner cannot leave (409) and the banned cannot lift their own ban. For
 * managers: remove a member, decline a request, cancel an invitation or lift a ban (each
 * audit-logged in the group's scope).
 */
@Singleton
public class RemoveMember {
  private final GroupLookup groups;
  private final Members members;
  private final GroupQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  RemoveMember(
      GroupLookup groups,
      Members members,
      GroupQueries queries,
      Guardians guardians,
      Outbox outbox,
      AuditLog audit) {
    this.groups = groups;
    this.members = members;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
    this.audit = audit;
  }

  @Transactional
  public void call(Actor actor, String slug, String handle) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Group group = groups.requireBySlugForUpdate(slug);
    long userId = "me".equals(handle) ? actor.id() : queries.userId(handle);
    if (userId == actor.id()) {
      leave(actor, guardian, group);
      return;
    }
    guardian.ensureCanManageMembers(group);
    GroupMembership m =
        members.find(group.id(), userId).orElseThrow(() -> ApiException.notFound("Membership"));
    guardian.ensureCanActOnMember(group, m);
    members.delete(m, userId);
    String action =
        switch (m.state()) {
          case ACTIVE -> "remove_group_member";
          case PENDING -> "decline_group_request";
          case INVITED -> "cancel_group_invitation";
          case BANNED -> "unban_group_member";
        };
    audit.record(
        actor.id(),
        action,
        "user",
        userId,
        null,
        Map.of("state", m.state().wire(), "role", m.role().wire()),
        null,
        group.id());
    outbox.publish(
        "GroupMemberRemoved",
        "group",
        group.id(),
        actor.id(),
        Map.of("userId", userId, "previousState", m.state().wire()));
  }

  private void leave(Actor actor, Guardian guardian, Group group) {
    guardian.ensureCanSee(group);
    GroupMembership m =
        members.find(group.id(), actor.id()).orElseThrow(() -> ApiException.notFound("Membership"));
    if (m.state() == GroupMembership.State.BANNED) {
      throw ApiException.forbidden("You are banned from this group");
    }
    if (m.role() == GroupMembership.Role.OWNER) {
      throw ApiException.conflict(
          "The owner cannot leave the group: hand ownership to another member first");
    }
    members.delete(m, actor.id());
    outbox.publish(
        "GroupMemberLeft",
        "group",
        group.id(),
        actor.id(),
        Map.of("userId", actor.id(), "previousState", m.state().wire()));
  }
}
