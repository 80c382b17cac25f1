package io.starbridge.group;

import io.starbridge.common.ApiException;
import io.starbridge.event.Outbox;
import io.starbridge.security.Actor;
import io.starbridge.security.Guardians;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

/** POST /groups/{slug}/invites: a manager invites someone, who accepts by joining. */
@Singleton
public class InviteMember {
  private final GroupLookup groups;
  private final Members members;
  private final GroupQueries queries;
  private final Guardians guardians;
  private final Outbox outbox;

  InviteMember(
      GroupLookup groups,
      Members members,
      GroupQueries queries,
      Guardians guardians,
      Outbox outbox) {
    this.groups = groups;
    this.members = members;
    this.queries = queries;
    this.guardians = guardians;
    this.outbox = outbox;
  }

  @Transactional
  public GroupView.Member call(Actor actor, String slug, String handle) {
    Group group = groups.requireBySlugForUpdate(slug);
    guardians.of(actor).ensureCanInvite(group);
    long userId = queries.userId(handle.strip());
    GroupMembership m = members.find(group.id(), userId).orElse(null);
    if (m != null) {
      throw ApiException.conflict(
          switch (m.state()) {
            case ACTIVE -> "Already a member of this group";
            case PENDING -> "Has asked to join: approve the request instead";
            case INVITED -> "Already invited";
            case BANNED -> "Banned from this group: lift the ban first";
          });
    }
    members.insert(
        group.id(), userId, GroupMembership.Role.MEMBER, GroupMembership.State.INVITED, actor.id());
    outbox.publish(
        "GroupMemberInvited",
        "group",
        group.id(),
        actor.id(),
        Map.of("userId", userId, "invitedBy", actor.id()));
    return queries.member(group.id(), userId);
  }
}
