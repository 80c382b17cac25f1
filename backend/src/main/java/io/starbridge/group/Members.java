package io.starbridge.group;

import io.starbridge.common.Db;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Writes and reads of group_members rows for this feature's use-cases. */
@Singleton
class Members {
  private final Db db;
  private final GroupCounters counters;

  Members(Db db, GroupCounters counters) {
    this.db = db;
    this.counters = counters;
  }

  Optional<GroupMembership> find(long groupId, long userId) {
    return db.one(
        "select group_id, role, state, invited_by from group_members where group_id = ? and user_id = ? for update",
        GroupMemberships::read,
        groupId,
        userId);
  }

  /** Inserts a membership; an active one counts as a member. */
  void insert(
      long groupId,
      long userId,
      GroupMembership.Role role,
      GroupMembership.State state,
      Long invitedBy) {
    db.update(
        "insert into group_members (group_id, user_id, role, state, invited_by) values (?, ?, ?, ?, ?)",
        groupId,
        userId,
        role.wire(),
        state.wire(),
        invitedBy);
    if (state == GroupMembership.State.ACTIVE) {
      counters.membersChanged(groupId, 1);
    }
  }

  /** Moves a membership to another state, keeping the member count in step. */
  void setState(GroupMembership before, long userId, GroupMembership.State state) {
    db.update(
        "update group_members set state = ?, role = case when ? = 'banned' then 'member' else role end, updated_at = now() where group_id = ? and user_id = ?",
        state.wire(),
        state.wire(),
        before.groupId(),
        userId);
    countChange(before.groupId(), before.state(), state);
  }

  void setRole(long groupId, long userId, GroupMembership.Role role) {
    db.update(
        "update group_members set role = ?, updated_at = now() where group_id = ? and user_id = ?",
        role.wire(),
        groupId,
        userId);
  }

  void delete(GroupMembership before, long userId) {
    db.update(
        "delete from group_members where group_id = ? and user_id = ?", before.groupId(), userId);
    if (before.active()) {
      counters.membersChanged(before.groupId(), -1);
    }
  }

  /** The user id of the group's owner. */
  Optional<Long> owner(long groupId) {
    return db.one(
        "select user_id from group_members where group_id = ? and role = 'owner'",
        rs -> rs.getLong(1),
        groupId);
  }

  private void countChange(long groupId, GroupMembership.State from, GroupMembership.State to) {
    boolean was = from == GroupMembership.State.ACTIVE;
    boolean is = to == GroupMembership.State.ACTIVE;
    if (was != is) {
      counters.membersChanged(groupId, is ? 1 : -1);
    }
  }
}
