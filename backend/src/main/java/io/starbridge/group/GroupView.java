package io.starbridge.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.starbridge.account.UserCard;
import java.time.Instant;
import java.util.List;

/**
 * A group as the directory and its about page show it, with the caller's membership and what the
 * caller may do (computed by the Guardian). {@code description} (the raw Markdown) is only sent to
 * those who may edit it.
 */
@Serdeable
public record GroupView(
    long id,
    String slug,
    String name,
    String descriptionHtml,
    @Nullable String description,
    String visibility,
    List<String> disciplines,
    List<String> fields,
    @Nullable String avatarUrl,
    int memberCount,
    int topicCount,
    int postCount,
    Instant lastActivityAt,
    Instant createdAt,
    @Nullable UserCard owner,
    List<DisciplineCount> disciplineMix,
    @Nullable MembershipView membership,
    boolean following,
    Permissions permissions) {

  /** How many active members name a discipline. */
  @Serdeable
  public record DisciplineCount(String discipline, int count) {}

  /** The caller's standing: role and state. */
  @Serdeable
  public record MembershipView(String role, String state) {
    static MembershipView of(GroupMembership m) {
      return new MembershipView(m.role().wire(), m.state().wire());
    }
  }

  @Serdeable
  public record Permissions(
      boolean canReadContent,
      boolean canPost,
      boolean canJoin,
      boolean canRequestToJoin,
      boolean canLeave,
      boolean canEdit,
      boolean canManageMembers,
      boolean canInvite,
      boolean canDelete) {}

  /** One row of a member list (also the answer of invites and member changes). */
  @Serdeable
  public record Member(UserCard user, String role, String state, Instant since) {}

  /** One of the caller's pending invitations. */
  @Serdeable
  public record Invitation(GroupView group, @Nullable UserCard invitedBy, Instant since) {}
}
