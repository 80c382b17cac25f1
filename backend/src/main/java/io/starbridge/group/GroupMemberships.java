package io.starbridge.group;

import io.starbridge.common.Db;
import io.starbridge.security.MembershipLookup;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** Loads a caller's memberships for the Guardian: one indexed query, on first need. */
@Singleton
class GroupMemberships implements MembershipLookup {
  private final Db db;

  GroupMemberships(Db db) {
    this.db = db;
  }

  @Override
  public Map<Long, GroupMembership> forUser(long userId) {
    Map<Long, GroupMembership> out = new HashMap<>();
    db.list(
            "select group_id, role, state, invited_by from group_members where user_id = ?",
            GroupMemberships::read,
            userId)
        .forEach(m -> out.put(m.groupId(), m));
    return out;
  }

  static GroupMembership read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new GroupMembership(
        rs.getLong("group_id"),
        GroupMembership.Role.parse(rs.getString("role")),
        GroupMembership.State.parse(rs.getString("state")),
        Db.nullableLong(rs, "invited_by"));
  }
}
