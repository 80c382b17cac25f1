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
 * PUT /groups/{slug}/members/{handle}: approve a request ({@code state: active}), ban ({@code
 * state: banned}, also someone without a membership, so they cannot join), or set the role ({@code
 * role: owner} hands ownership over; the old owner becomes a moderator). Each is a staff action:
 * audit row scoped to the group, and its event.
 */
@Singleton
public class ChangeMember {
  private final GroupLookup groups;
  private final Members members;
  private final GroupQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;
  private final AuditLog audit;

  ChangeMember(
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
  public GroupView.Member call(
      Actor actor, String slug, String handle, GroupRequests.ChangeMember req) {
    Guardian guardian = guardians.of(actor);
    guardian.ensureSignedIn();
    Group group = groups.requireBySlugForUpdate(slug);
    guardian.ensureCanManageMembers(group);
    if (req.state() == null && req.role() == null) {
      throw ApiException.invalid("state", "required", "send a state or a role");
    }
    long userId = "me".equals(handle) ? actor.id() : queries.userId(handle);
    GroupMembership m = members.find(group.id(), userId).orElse(null);
    if ("banned".equals(req.state())) {
      ban(actor, guardian, group, userId, m, req.reason());
    } else if ("active".equals(req.state())) {
      approve(actor, group, userId, m, req.reason());
    }
    if (req.role() != null) {
      m = members.find(group.id(), userId).orElse(null);
      setRole(actor, guardian, group, userId, m, GroupMembership.Role.parse(req.role()), req);
    }
    return queries.member(group.id(), userId);
  }

  private void approve(Actor actor, Group group, long userId, GroupMembership m, String reason) {
    if (m == null) {
      throw ApiException.notFound("Membership");
    }
    switch (m.state()) {
      case ACTIVE -> {
        return;
      }
      case INVITED -> throw ApiException.conflict("The invited person must accept the invitation");
      case BANNED ->
          throw ApiException.conflict(
              "Banned: lift the ban (DELETE the membership) before they may join again");
      case PENDING -> {
        members.setState(m, userId, GroupMembership.State.ACTIVE);
        audit.record(
            actor.id(),
            "approve_group_member",
            "user",
            userId,
            reason,
            Map.of("state", "pending"),
            Map.of("state", "active"),
            group.id());
        outbox.publish(
            "GroupMemberApproved", "group", group.id(), actor.id(), Map.of("userId", userId));
      }
    }
  }

  private void ban(
      Actor actor, Guardian guardian, Group group, long userId, GroupMembership m, String reason) {
    if (userId == actor.id()) {
      throw ApiException.invalid("handle", "self", "You cannot ban yourself");
    }
    guardian.ensureCanActOnMember(group, m);
    if (m != null && m.state() == GroupMembership.State.BANNED) {
      return;
    }
    if (m == null) {
      members.insert(
          group.id(), userId, GroupMembership.Role.MEMBER, GroupMembership.State.BANNED, null);
    } else {
      members.setState(m, userId, GroupMembership.State.BANNED);
    }
    audit.record(
        actor.id(),
        "ban_group_member",
        "user",
        userId,
        reason,
        m == null ? null : Map.of("state", m.state().wire(), "role", m.role().wire()),
        Map.of("state", "banned"),
        group.id());
    outbox.publish(
        "GroupMemberBanned",
        "group",
        group.id(),
        actor.id(),
        Map.of("userId", userId, "previousState", m == null ? "none" : m.state().wire()));
  }

  private void setRole(
      Actor actor,
      Guardian guardian,
      Group group,
      long userId,
      GroupMembership m,
      GroupMembership.Role role,
      GroupRequests.ChangeMember req) {
    guardian.ensureCanSetRoles(group);
    if (m == null || !m.active()) {
      throw ApiException.conflict("Only active members have roles");
    }
    if (m.role() == role) {
      return;
    }
    Long previousOwner = null;
    if (role == GroupMembership.Role.OWNER) {
      previousOwner = members.owner(group.id()).orElse(null);
      if (previousOwner != null) {
        members.setRole(group.id(), previousOwner, GroupMembership.Role.MODERATOR);
      }
    } else if (m.role() == GroupMembership.Role.OWNER) {
      throw ApiException.conflict(
          "A group needs an owner: hand ownership to someone else (role owner) first");
    }
    members.setRole(group.id(), userId, role);
    audit.record(
        actor.id(),
        role == GroupMembership.Role.OWNER ? "transfer_group_ownership" : "set_group_role",
        "user",
        userId,
        req.reason(),
        Map.of("role", m.role().wire()),
        Map.of("role", role.wire()),
        group.id());
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("userId", userId);
    payload.put("role", role.wire());
    payload.put("previousRole", m.role().wire());
    if (previousOwner != null) {
      payload.put("previousOwnerId", previousOwner);
    }
    outbox.publish("GroupMemberRoleChanged", "group", group.id(), actor.id(), payload);
  }
}
