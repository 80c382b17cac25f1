package io.starbridge.security;

import io.starbridge.group.GroupMembership;
import java.util.Map;

/**
 * Where the {@link Guardian} finds a caller's group memberships (all states, keyed by group id).
 * The group feature implements it; the Guardian asks at most once, on first need.
 */
public interface MembershipLookup {
  MembershipLookup NONE = userId -> Map.of();

  Map<Long, GroupMembership> forUser(long userId);
}
