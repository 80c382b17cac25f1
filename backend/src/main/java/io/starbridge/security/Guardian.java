package io.starbridge.security;

import io.starbridge.board.Board;
import io.starbridge.common.ApiException;
import io.starbridge.common.ProblemType;
import io.starbridge.group.Group;
import io.starbridge.group.GroupMembership;
import io.starbridge.ip.Inquiry;
import io.starbridge.post.Post;
import io.starbridge.profile.Person;
import io.starbridge.topic.Topic;
import io.starbridge.work.Work;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what one actor may see and do. The only place permission rules live: controllers,
 * use-cases, read models, search, feeds and notifications all ask it.
 */
public final class Guardian {
  private final Actor actor;
  private final MembershipLookup membershipLookup;
  private Map<Long, GroupMembership> memberships;

  /** Follows, mutes and blocks, read lazily when a rule needs them; null: no relations. */
  private final RelationLookup relations;

  private final Map<Long, Relation> relationCache = new HashMap<>();
  private Set<Long> blockers;

  Guardian(Actor actor) {
    this(actor, MembershipLookup.NONE, null);
  }

  Guardian(Actor actor, MembershipLookup membershipLookup, RelationLookup relations) {
    this.actor = actor;
    this.membershipLookup = membershipLookup;
    this.relations = relations;
  }

  public Actor actor() {
    return actor;
  }

  public boolean isSignedIn() {
    return !actor.isAnonymous();
  }

  public boolean isStaff() {
    return isSignedIn() && (actor.role() == Role.ADMIN || actor.role() == Role.MODERATOR);
  }

  public boolean isAdmin() {
    return isSignedIn() && actor.role() == Role.ADMIN;
  }

  public boolean isSilenced() {
    return "silenced".equals(actor.status());
  }

  public void ensureSignedIn() {
    if (!isSignedIn()) {
      throw ApiException.unauthorized();
    }
  }

  /** Session-only operations (not through personal access tokens can one mint more tokens). */
  public void ensureSession() {
    ensureSignedIn();
    if (actor.via() != Actor.AuthMethod.SESSION) {
      throw ApiException.forbidden("This needs a signed-in browser session, not an access token");
    }
  }

  public void ensureAdmin() {
    ensureSignedIn();
    if (!isAdmin()) {
      throw ApiException.forbidden("Only administrators may do this");
    }
  }

  public boolean canManageUsers() {
    return isAdmin();
  }

  /** Writing anything visible to others: not while silenced. */
  public void ensureCanWrite() {
    ensureSignedIn();
    if (isSilenced()) {
      throw new ApiException(
          ProblemType.ACCOUNT_SILENCED, "Your account is silenced and cannot post for now");
    }
  }

  /** Staff skip the write rate limits (they clean up spam in bulk). */
  public boolean isRateLimited() {
    return !isStaff();
  }

  /** The same read rule as {@link #canSee(Board)}, as input for SQL. */
  public AccessScope readableScope() {
    return new AccessScope(isSignedIn(), actor.trustLevel(), isStaff(), isAdmin(), actor.userId());
  }

  // ---- boards -------------------------------------------------------------------------------

  public boolean canSee(Board board) {
    return BoardPolicy.canRead(actor, isStaff(), board);
  }

  /** Boards the actor may not read do not exist for it: 404, not 403. */
  public void ensureCanSee(Board board) {
    if (!canSee(board)) {
      throw ApiException.notFound("Board");
    }
  }

  public boolean canManageBoards() {
    return isAdmin();
  }

  public void ensureCanManageBoards() {
    ensureSignedIn();
    if (!canManageBoards()) {
      throw ApiException.forbidden("Only administrators may manage boards");
    }
  }

  public boolean canFollow(Board board) {
    return isSignedIn() && canSee(board);
  }

  public void ensureCanFollow(Board board) {
    ensureSignedIn();
    ensureCanSee(board);
  }

  public boolean canCreateTopicIn(Board board) {
    return isSignedIn()
        && !isSilenced()
        && canSee(board)
        && BoardPolicy.canPost(actor, isStaff(), board);
  }

  public void ensureCanCreateTopicIn(Board board) {
    ensureSignedIn();
    ensureCanSee(board);
    ensureCanWrite();
    ensureCanPostIn(board);
  }

  private void ensureCanPostIn(Board board) {
    if (!BoardPolicy.canPost(actor, isStaff(), board)) {
      throw ApiException.forbidden(
          "Only "
              + BoardPolicy.describe(board.postAccess(), board.minPostTrust())
              + " may post in this board");
    }
  }

  /**
   * A sub-board may not be more open to readers than its parent, so that whoever reads a sub-board
   * reads its parent too and the nested board list never shows an orphan.
   */
  public static boolean readRuleWithin(
      Board.Access child, int childTrust, Board.Access parent, int parentTrust) {
    return BoardPolicy.closedness(child, childTrust) >= BoardPolicy.closedness(parent, parentTrust);
  }

  // ---- topics -------------------------------------------------------------------------------

  /**
   * A board topic follows its board's read rule, a group topic its group's content rule (an
   * outsider gets 404 for both: topic ids do not tell that a restricted group has content). Deleted
   * topics are visible to those who moderate them (who may restore them).
   */
  public boolean canSee(Topic topic) {
    boolean place = topic.board() != null ? canSee(topic.board()) : canReadContent(topic.group());
    return place
        && (!topic.deleted() || moderates(topic))
        && (!topic.hidden() || moderates(topic) || isAuthor(topic));
  }

  public void ensureCanSee(Topic topic) {
    if (!canSee(topic)) {
      throw ApiException.notFound("Topic");
    }
  }

  /** Locked and closed topics take replies from staff only. */
  public boolean canReplyTo(Topic topic) {
    return isSignedIn()
        && !isSilenced()
        && canSee(topic)
        && !topic.deleted()
        && (moderates(topic) || !frozen(topic))
        && canPostIn(topic)
        && !isBlockedBy(topic.authorId());
  }

  public void ensureCanReplyTo(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    ensureCanWrite();
    if (topic.deleted()) {
      throw ApiException.forbidden("This topic has been deleted");
    }
    if (!moderates(topic) && frozen(topic)) {
      throw ApiException.forbidden(
          topic.closed()
              ? "This topic is closed: it takes no new replies"
              : "This topic is locked: it takes no new replies");
    }
    if (topic.board() != null) {
      ensureCanPostIn(topic.board());
    } else {
      ensureCanPostIn(topic.group());
    }
    if (isBlockedBy(topic.authorId())) {
      throw ApiException.forbidden(
          "The author of this topic has blocked you: you cannot reply to it");
    }
  }

  /** Replying to one post: the topic's rule, and the post's author must not have blocked us. */
  public boolean canReplyTo(Post post, Topic topic) {
    return canReplyTo(topic) && !isBlockedBy(post.authorId());
  }

  public void ensureCanReplyTo(Post post, Topic topic) {
    ensureCanReplyTo(topic);
    if (isBlockedBy(post.authorId())) {
      throw ApiException.forbidden(
          "The author of this post has blocked you: you cannot reply to it");
    }
  }

  /** Title and tags: the author while the topic is open, or staff. */
  public boolean canEdit(Topic topic) {
    if (!isSignedIn() || isSilenced() || !canSee(topic)) {
      return false;
    }
    return moderates(topic) || (isAuthor(topic) && !topic.deleted() && !frozen(topic));
  }

  public void ensureCanEdit(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    ensureCanWrite();
    if (!canEdit(topic)) {
      throw ApiException.forbidden(
          isAuthor(topic)
              ? "This topic can no longer be edited"
              : "Only the author or staff may edit this topic");
    }
  }

  /** Pin, lock, close and move. */
  public boolean canModerate(Topic topic) {
    return moderates(topic) && canSee(topic);
  }

  public void ensureCanModerate(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    if (!canModerate(topic)) {
      throw ApiException.forbidden("Only moderators may pin, lock, close or move topics");
    }
  }

  /** The author may delete a topic only while nobody else has replied; staff always. */
  public boolean canDelete(Topic topic) {
    if (!isSignedIn() || !canSee(topic) || topic.deleted()) {
      return false;
    }
    return moderates(topic)
        || (isAuthor(topic) && !isSilenced() && !frozen(topic) && !topic.othersReplied());
  }

  public void ensureCanDelete(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    if (topic.deleted()) {
      throw ApiException.forbidden("This topic is already deleted");
    }
    ensureCanWrite();
    if (!canDelete(topic)) {
      throw ApiException.forbidden(
          !isAuthor(topic)
              ? "Only the author or staff may delete this topic"
              : topic.othersReplied()
                  ? "Others have replied to this topic: ask a moderator to remove it"
                  : "This topic can no longer be deleted");
    }
  }

  /** Only staff restore a deleted topic (by restoring its first post). */
  public void ensureCanRestore(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    if (!moderates(topic)) {
      throw ApiException.forbidden("Only staff may restore deleted topics");
    }
    if (!topic.deleted()) {
      throw ApiException.conflict("This topic is not deleted");
    }
  }

  public boolean canMarkRead(Topic topic) {
    return isSignedIn() && canSee(topic);
  }

  public void ensureCanMarkRead(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
  }

  // ---- posts --------------------------------------------------------------------------------

  /** A deleted post stays in its topic as a tombstone; only staff see its text. */
  public boolean canSeeBody(Post post, Topic topic) {
    return canSee(topic)
        && (!post.deleted() || moderates(topic))
        && (!post.hidden() || moderates(topic) || isAuthor(post));
  }

  /** For a single post: the topic must be visible (a tombstone is visible too). */
  public void ensureCanSee(Post post, Topic topic) {
    if (!canSee(topic)) {
      throw ApiException.notFound("Post");
    }
  }

  public boolean canEdit(Post post, Topic topic) {
    if (!isSignedIn() || isSilenced() || !canSee(topic) || post.deleted()) {
      return false;
    }
    return moderates(topic) || (isAuthor(post) && !topic.deleted() && !frozen(topic));
  }

  public void ensureCanEdit(Post post, Topic topic) {
    ensureSignedIn();
    ensureCanSee(post, topic);
    ensureCanWrite();
    if (post.deleted()) {
      throw ApiException.forbidden("This post has been deleted");
    }
    if (!canEdit(post, topic)) {
      throw ApiException.forbidden(
          isAuthor(post)
              ? "This topic is locked: its posts can no longer be edited"
              : "Only the author or staff may edit this post");
    }
  }

  /** Deleting the first post deletes the topic, so the topic's rule applies to it. */
  public boolean canDelete(Post post, Topic topic) {
    if (post.isFirst()) {
      return canDelete(topic);
    }
    if (!isSignedIn() || !canSee(topic) || post.deleted()) {
      return false;
    }
    return moderates(topic)
        || (isAuthor(post) && !isSilenced() && !topic.deleted() && !frozen(topic));
  }

  public void ensureCanDelete(Post post, Topic topic) {
    if (post.isFirst()) {
      ensureCanDelete(topic);
      return;
    }
    ensureSignedIn();
    ensureCanSee(post, topic);
    if (post.deleted()) {
      throw ApiException.forbidden("This post is already deleted");
    }
    ensureCanWrite();
    if (!canDelete(post, topic)) {
      throw ApiException.forbidden(
          isAuthor(post)
              ? "This topic is locked: its posts can no longer be deleted"
              : "Only the author or staff may delete this post");
    }
  }

  /** Only staff restore, whoever deleted. */
  public boolean canRestore(Post post, Topic topic) {
    return moderates(topic) && canSee(topic) && post.deleted();
  }

  public void ensureCanRestore(Post post, Topic topic) {
    ensureSignedIn();
    ensureCanSee(post, topic);
    if (!moderates(topic)) {
      throw ApiException.forbidden("Only staff may restore deleted posts");
    }
    if (!post.deleted()) {
      throw ApiException.conflict("This post is not deleted");
    }
  }

  /** Reactions are public: not on deleted posts, not while silenced, never on one's own post. */
  public boolean canReact(Post post, Topic topic) {
    return isSignedIn() && !isSilenced() && canSee(topic) && !post.deleted() && !isAuthor(post);
  }

  public void ensureCanReact(Post post, Topic topic) {
    ensureSignedIn();
    ensureCanSee(post, topic);
    ensureCanWrite();
    if (post.deleted()) {
      throw ApiException.forbidden("This post has been deleted");
    }
    if (isAuthor(post)) {
      throw ApiException.forbidden("You cannot react to your own post");
    }
  }

  /** Bookmarks are private, so silenced members keep them. */
  public boolean canBookmark(Post post, Topic topic) {
    return isSignedIn() && canSeeBody(post, topic);
  }

  public void ensureCanBookmark(Post post, Topic topic) {
    ensureSignedIn();
    ensureCanSee(post, topic);
    if (!canSeeBody(post, topic)) {
      throw ApiException.forbidden("This post has been deleted");
    }
  }

  /** Revisions show earlier text, so they follow the body's visibility. */
  public void ensureCanSeeRevisions(Post post, Topic topic) {
    ensureCanSee(post, topic);
    if (!canSeeBody(post, topic)) {
      throw ApiException.forbidden("This post has been deleted");
    }
  }

  /**
   * Who moderates a topic: site staff in boards; in a group, site admins, and site moderators or
   * the group's owner and moderators where they may read the group's content. Group moderators
   * moderate only inside their own group.
   */
  private boolean moderates(Topic topic) {
    if (topic.board() != null) {
      return isStaff();
    }
    Group group = topic.group();
    return isAdmin() || (canReadContent(group) && (isStaff() || isGroupManager(group)));
  }

  private boolean canPostIn(Topic topic) {
    return topic.board() != null
        ? BoardPolicy.canPost(actor, isStaff(), topic.board())
        : canPostIn(topic.group());
  }

  /**
   * Marking a group topic as an announcement (it then reaches every member's home feed): the
   * group's moderators and owner, and site staff who may moderate the topic.
   */
  public boolean canAnnounce(Topic topic) {
    return topic.group() != null && !topic.deleted() && canModerate(topic);
  }

  public void ensureCanAnnounce(Topic topic) {
    ensureSignedIn();
    ensureCanSee(topic);
    if (topic.group() == null) {
      throw ApiException.forbidden("Only group topics can be announcements");
    }
    if (!canAnnounce(topic)) {
      throw ApiException.forbidden("Only the group's moderators may make announcements");
    }
  }

  /** Only site staff pin globally, and only board topics (a group's pin stays in its group). */
  public boolean canPinGlobally(Topic topic) {
    return topic.board() != null && isStaff();
  }

  /** Group topics stay in their group; board topics move between boards. */
  public boolean canMove(Topic topic) {
    return topic.board() != null && canModerate(topic);
  }

  // ---- groups -------------------------------------------------------------------------------
  //
  // Public groups: anyone reads, signed-in people join. Restricted: anyone reads the about page,
  // active members read and post, joining is a request the group's managers approve. Secret: the
  // group exists only for its active members, invitees and site admins (404 for everyone else).
  // Site admins read and manage every group. Site moderators have no special standing in groups
  // they cannot read: they do not read restricted or secret content unless they are members
  // (where they moderate topics, as in public groups).

  /** The caller's membership row in the group, whatever its state. */
  public Optional<GroupMembership> membership(Group group) {
    return Optional.ofNullable(memberships().get(group.id()));
  }

  private Map<Long, GroupMembership> memberships() {
    if (memberships == null) {
      memberships = isSignedIn() ? membershipLookup.forUser(actor.id()) : Map.of();
    }
    return memberships;
  }

  private boolean hasState(Group group, GroupMembership.State state) {
    GroupMembership m = memberships().get(group.id());
    return m != null && m.state() == state;
  }

  public boolean isActiveMember(Group group) {
    return hasState(group, GroupMembership.State.ACTIVE);
  }

  /** An active owner or moderator of the group. */
  public boolean isGroupManager(Group group) {
    GroupMembership m = memberships().get(group.id());
    return m != null && m.active() && m.role() != GroupMembership.Role.MEMBER;
  }

  public boolean isGroupOwner(Group group) {
    GroupMembership m = memberships().get(group.id());
    return m != null && m.active() && m.role() == GroupMembership.Role.OWNER;
  }

  /** The about page: everyone for public and restricted groups; secret ones as described above. */
  public boolean canSee(Group group) {
    if (group.deleted()) {
      return false;
    }
    return group.visibility() != Group.Visibility.SECRET
        || isAdmin()
        || isActiveMember(group)
        || hasState(group, GroupMembership.State.INVITED);
  }

  public void ensureCanSee(Group group) {
    if (!canSee(group)) {
      throw ApiException.notFound("Group");
    }
  }

  /** Discussions, members and their activity inside the group. */
  public boolean canReadContent(Group group) {
    return !group.deleted()
        && (group.visibility() == Group.Visibility.PUBLIC || isAdmin() || isActiveMember(group));
  }

  /** 404 when the group is not visible at all, 403 when only its about page is. */
  public void ensureCanReadContent(Group group) {
    ensureCanSee(group);
    if (!canReadContent(group)) {
      throw ApiException.forbidden("Only members can read the discussions of this group");
    }
  }

  /** Starting topics and replying: active members (and site admins), not while silenced. */
  public boolean canPostIn(Group group) {
    return isSignedIn()
        && !isSilenced()
        && canReadContent(group)
        && (isAdmin() || isActiveMember(group));
  }

  private void ensureCanPostIn(Group group) {
    if (!(isAdmin() || isActiveMember(group))) {
      throw ApiException.forbidden(
          hasState(group, GroupMembership.State.BANNED)
              ? "You are banned from this group"
              : "Only members can post in this group: join it first");
    }
  }

  public boolean canCreateTopicIn(Group group) {
    return canPostIn(group);
  }

  public void ensureCanCreateTopicIn(Group group) {
    ensureSignedIn();
    ensureCanReadContent(group);
    ensureCanWrite();
    ensureCanPostIn(group);
  }

  /** Members of trust level 1 or more create groups; staff always. */
  public boolean canCreateGroup() {
    return isSignedIn() && !isSilenced() && (isStaff() || actor.trustLevel() >= 1);
  }

  public void ensureCanCreateGroup() {
    ensureCanWrite();
    if (!canCreateGroup()) {
      throw ApiException.forbidden(
          "Creating a group needs trust level 1: take part in the forum for a while first");
    }
  }

  /** Name, description, disciplines and fields: the group's owner and moderators, or admins. */
  public boolean canEdit(Group group) {
    return isSignedIn() && !isSilenced() && canSee(group) && (isAdmin() || isGroupManager(group));
  }

  public void ensureCanEdit(Group group) {
    ensureSignedIn();
    ensureCanSee(group);
    ensureCanWrite();
    if (!canEdit(group)) {
      throw ApiException.forbidden("Only the group's owner and moderators may edit it");
    }
  }

  /** Visibility decides who reads everything: the owner or an admin. */
  public void ensureCanChangeVisibility(Group group) {
    ensureCanEdit(group);
    if (!(isAdmin() || isGroupOwner(group))) {
      throw ApiException.forbidden("Only the group's owner may change its visibility");
    }
  }

  public boolean canDelete(Group group) {
    return isSignedIn() && canSee(group) && (isAdmin() || isGroupOwner(group));
  }

  public void ensureCanDelete(Group group) {
    ensureSignedIn();
    ensureCanSee(group);
    if (!canDelete(group)) {
      throw ApiException.forbidden("Only the group's owner may delete it");
    }
  }

  /** Approve requests, invite, ban and remove: the group's owner and moderators, or admins. */
  public boolean canManageMembers(Group group) {
    return isSignedIn() && canSee(group) && (isAdmin() || isGroupManager(group));
  }

  public void ensureCanManageMembers(Group group) {
    ensureSignedIn();
    ensureCanSee(group);
    if (!canManageMembers(group)) {
      throw ApiException.forbidden("Only the group's owner and moderators may manage members");
    }
  }

  public boolean canInvite(Group group) {
    return canManageMembers(group) && !isSilenced();
  }

  public void ensureCanInvite(Group group) {
    ensureCanManageMembers(group);
    ensureCanWrite();
  }

  /**
   * Ban or remove someone: managers, but never the owner, and group moderators act on plain members
   * only (the owner and admins on moderators too). {@code target} is null for someone without a
   * membership row (who may still be banned).
   */
  public void ensureCanActOnMember(Group group, GroupMembership target) {
    ensureCanManageMembers(group);
    if (target != null && target.role() == GroupMembership.Role.OWNER) {
      throw ApiException.forbidden("The owner cannot be removed or banned: transfer ownership");
    }
    if (target != null
        && target.role() == GroupMembership.Role.MODERATOR
        && !(isAdmin() || isGroupOwner(group))) {
      throw ApiException.forbidden("Only the group's owner may remove or ban its moderators");
    }
  }

  /** Roles (including handing over ownership): the owner, or an admin. */
  public void ensureCanSetRoles(Group group) {
    ensureCanManageMembers(group);
    if (!(isAdmin() || isGroupOwner(group))) {
      throw ApiException.forbidden("Only the group's owner may change roles");
    }
  }

  /** Join directly: a public group, or any group one was invited to. */
  public boolean canJoin(Group group) {
    if (!isSignedIn() || !canSee(group)) {
      return false;
    }
    GroupMembership m = memberships().get(group.id());
    return m == null
        ? group.visibility() == Group.Visibility.PUBLIC
        : m.state() == GroupMembership.State.INVITED;
  }

  public boolean canRequestToJoin(Group group) {
    return isSignedIn()
        && canSee(group)
        && group.visibility() == Group.Visibility.RESTRICTED
        && !memberships().containsKey(group.id());
  }

  /** Leave, withdraw a request or decline an invitation; the owner must hand over first. */
  public boolean canLeave(Group group) {
    GroupMembership m = memberships().get(group.id());
    return m != null
        && m.state() != GroupMembership.State.BANNED
        && m.role() != GroupMembership.Role.OWNER;
  }

  public boolean canFollow(Group group) {
    return isSignedIn() && canSee(group);
  }

  public void ensureCanFollow(Group group) {
    ensureSignedIn();
    ensureCanSee(group);
  }

  /** Active members are listed to those who read the content; other states to managers. */
  public boolean canSeeMembers(Group group, GroupMembership.State state) {
    return state == GroupMembership.State.ACTIVE ? canReadContent(group) : canManageMembers(group);
  }

  public void ensureCanSeeMembers(Group group, GroupMembership.State state) {
    if (state == GroupMembership.State.ACTIVE) {
      ensureCanReadContent(group);
    } else {
      ensureCanManageMembers(group);
    }
  }

  // ---- works --------------------------------------------------------------------------------
  // Drafts: their authors and invited co-authors (and admins). signed_in: any signed-in user.
  // public: everyone. A translation without granted permission is seen only by its translators
  // (its authors) and the original's authors. Deleted works exist for nobody. worksReadable(alias)
  // states the same rule as SQL (WorkApiTest.visibilityMatrix checks both agree).

  /** An active author (the owner or a co-author who accepted). */
  public boolean isAuthor(Work work) {
    return isSignedIn() && work.authorIds().contains(actor.userId());
  }

  public boolean isInvitedCoauthor(Work work) {
    return isSignedIn() && work.invitedIds().contains(actor.userId());
  }

  public boolean isOriginalAuthor(Work translation) {
    return isSignedIn() && translation.originalAuthorIds().contains(actor.userId());
  }

  public boolean canSee(Work work) {
    if (work.deletedAt() != null) {
      return false;
    }
    if (isAdmin() || isAuthor(work) || isInvitedCoauthor(work)) {
      return true;
    }
    boolean visible =
        switch (work.visibility()) {
          case "public" -> true;
          case "signed_in" -> isSignedIn();
          default -> false;
        };
    if (work.isTranslation()) {
      // Linking a translation shows it to the original's authors, draft or not: they are asked to
      // judge it, and may read what they allowed. Until they allow it, nobody else may.
      if (isOriginalAuthor(work)) {
        return true;
      }
      if (!"granted".equals(work.translationState())) {
        return false;
      }
    }
    return visible;
  }

  /**
   * A work's discussion topic may start only when everyone who reads its board may read the work:
   * its title is in the topic. A work for signed-in members waits while its board is open to
   * anonymous readers, a translation waits for the original's permission, drafts wait.
   */
  public static boolean discussionMayStart(Work work, Board board) {
    if (work.deletedAt() != null || work.isDraft()) {
      return false;
    }
    if (work.isTranslation() && !"granted".equals(work.translationState())) {
      return false;
    }
    return "public".equals(work.visibility()) || board.readAccess() != Board.Access.EVERYONE;
  }

  /** Works the actor may not read do not exist for it: 404, not 403. */
  public void ensureCanSee(Work work) {
    if (!canSee(work)) {
      throw ApiException.notFound("Work");
    }
  }

  /** Metadata, chapters, cover, series: the work's active authors. */
  public boolean canEdit(Work work) {
    return isAuthor(work) && !isSilenced();
  }

  public void ensureCanEdit(Work work) {
    ensureCanSee(work);
    ensureCanWrite();
    if (!canEdit(work)) {
      throw ApiException.forbidden("Only the work's authors may change it");
    }
  }

  /** Deleting: the owner or an admin. */
  public boolean canDelete(Work work) {
    return isSignedIn() && (work.ownerId() == actor.userId() || isAdmin());
  }

  public void ensureCanDelete(Work work) {
    ensureCanSee(work);
    if (!canDelete(work)) {
      throw ApiException.forbidden("Only the work's owner or an administrator may delete it");
    }
  }

  /**
   * Acting on a reported work (hiding it back to draft, deleting it): site staff, who handle work
   * reports (works belong to no group).
   */
  public boolean canModerateWork(Work work) {
    return isStaff() && canSee(work);
  }

  public void ensureCanModerateWork(Work work) {
    ensureCanSee(work);
    if (!canModerateWork(work)) {
      throw ApiException.forbidden("Only site moderators may act on reported works");
    }
  }

  /** Inviting and removing co-authors: the owner. */
  public boolean canManageCoauthors(Work work) {
    return isSignedIn() && work.ownerId() == actor.userId();
  }

  public void ensureCanManageCoauthors(Work work) {
    ensureCanSee(work);
    ensureCanWrite();
    if (!canManageCoauthors(work)) {
      throw ApiException.forbidden("Only the work's owner may invite or remove co-authors");
    }
  }

  /** Kudos: signed-in readers, not the work's own authors. */
  public boolean canGiveKudos(Work work) {
    return isSignedIn() && canSee(work) && !isAuthor(work) && !work.isDraft();
  }

  public void ensureCanGiveKudos(Work work) {
    ensureSignedIn();
    ensureCanSee(work);
    if (!canGiveKudos(work)) {
      throw ApiException.forbidden("Kudos are for readers of a published work, not its authors");
    }
  }

  /** Bookmarks, subscriptions, reading positions: any signed-in reader. */
  public void ensureCanKeep(Work work) {
    ensureSignedIn();
    ensureCanSee(work);
  }

  /** Granting or declining a translation's permission: the original's authors. */
  public void ensureCanDecideTranslation(Work translation) {
    ensureSignedIn();
    ensureCanSee(translation);
    if (!isOriginalAuthor(translation)) {
      throw ApiException.forbidden("Only the original's authors may grant or decline permission");
    }
  }

  /** A series is changed by its creator only. */
  public boolean canEditSeries(long creatorId) {
    return isSignedIn() && actor.userId() == creatorId && !isSilenced();
  }

  public void ensureCanEditSeries(long creatorId) {
    ensureCanWrite();
    if (!canEditSeries(creatorId)) {
      throw ApiException.forbidden("Only the series' creator may change it");
    }
  }

  /**
   * A boolean SQL condition over the works row aliased {@code alias}: true when the actor may read
   * the work. No parameters: fixed words and the actor's id, a long.
   */
  public String worksReadable(String alias) {
    io.starbridge.common.Db.checkAlias(alias);
    String live = "(" + alias + ".deleted_at is null)";
    if (isAdmin()) {
      return live;
    }
    String visible =
        isSignedIn()
            ? alias + ".visibility in ('public', 'signed_in')"
            : alias + ".visibility = 'public'";
    if (!isSignedIn()) {
      return "("
          + live
          + " and "
          + visible
          + " and ("
          + alias
          + ".translation_of is null or "
          + alias
          + ".translation_state = 'granted'))";
    }
    long me = actor.userId();
    return "("
        + live
        + " and (exists (select 1 from work_authors wa_g where wa_g.work_id = "
        + alias
        + ".id and wa_g.user_id = "
        + me
        + ") or ("
        + visible
        + " and ("
        + alias
        + ".translation_of is null or "
        + alias
        + ".translation_state = 'granted')) or ("
        + alias
        + ".translation_of is not null and exists (select 1 from work_authors oa_g where"
        + " oa_g.work_id = "
        + alias
        + ".translation_of and oa_g.state = 'active' and oa_g.user_id = "
        + me
        + "))))";
  }

  // ---- inquiries ----------------------------------------------------------------------------
  // An adaptation inquiry is a private thread about one right of a work. It exists only for the
  // inquirer, the work's active authors (co-authors who accepted) and admins, and only while they
  // may read the work; everyone else gets 404 for its id. Verified industry professionals (badge
  // verified_industry) send them about published works they may read and did not write. Authors
  // move sent → in_discussion, decline, or agree (the confirmation that moves the right); the
  // inquirer withdraws. Declined, agreed and withdrawn are final. A participant asking for a move
  // their role never makes gets 403; a move their role makes but not from the current state, 409.
  // Admins who are not participants read the thread but neither write in it nor move it.

  public boolean isInquirer(Inquiry inquiry) {
    return isSignedIn() && inquiry.inquirerId() == actor.userId();
  }

  public boolean canSee(Inquiry inquiry, Work work) {
    return isSignedIn() && canSee(work) && (isAdmin() || isInquirer(inquiry) || isAuthor(work));
  }

  public void ensureCanSee(Inquiry inquiry, Work work) {
    if (!canSee(inquiry, work)) {
      throw ApiException.notFound("Inquiry");
    }
  }

  /**
   * Sending an inquiry about {@code work}: signed in, reading it, not silenced, not one of its
   * (invited) authors, the work published, and holding the verified industry badge.
   */
  public boolean canInquire(Work work, boolean verifiedIndustry) {
    return isSignedIn()
        && canSee(work)
        && !isSilenced()
        && !isAuthor(work)
        && !isInvitedCoauthor(work)
        && !work.isDraft()
        && verifiedIndustry;
  }

  public void ensureCanInquire(Work work, boolean verifiedIndustry) {
    ensureSignedIn();
    ensureCanSee(work);
    ensureCanWrite();
    if (isAuthor(work) || isInvitedCoauthor(work)) {
      throw ApiException.forbidden("Authors do not send inquiries about their own work");
    }
    if (work.isDraft()) {
      throw ApiException.forbidden("Drafts are not open for inquiries");
    }
    if (!verifiedIndustry) {
      throw ApiException.forbidden("Only verified industry professionals may send inquiries");
    }
  }

  /** Writing in the thread: the inquirer and the work's authors, while the inquiry is open. */
  public boolean canPostInquiryMessage(Inquiry inquiry, Work work) {
    return canSee(inquiry, work)
        && !isSilenced()
        && (isInquirer(inquiry) || isAuthor(work))
        && inquiry.isOpen();
  }

  public void ensureCanPostInquiryMessage(Inquiry inquiry, Work work) {
    ensureCanSee(inquiry, work);
    ensureCanWrite();
    if (!isInquirer(inquiry) && !isAuthor(work)) {
      throw ApiException.forbidden("Only the inquirer and the work's authors write in this thread");
    }
    if (!inquiry.isOpen()) {
      throw ApiException.conflict("This inquiry is closed");
    }
  }

  /** The states the actor may move the inquiry to now (the SPA's buttons). */
  public java.util.List<String> inquiryTransitions(Inquiry inquiry, Work work) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (!canSee(inquiry, work) || isSilenced() || !inquiry.isOpen()) {
      return out;
    }
    if (isAuthor(work)) {
      if ("sent".equals(inquiry.state())) {
        out.add("in_discussion");
      }
      out.add("agreed");
      out.add("declined");
    }
    if (isInquirer(inquiry)) {
      out.add("withdrawn");
    }
    return out;
  }

  public void ensureCanMoveInquiry(Inquiry inquiry, Work work, String target) {
    ensureCanSee(inquiry, work);
    ensureCanWrite();
    if (inquiryTransitions(inquiry, work).contains(target)) {
      return;
    }
    boolean roleMakesIt =
        switch (target) {
          case "in_discussion", "agreed", "declined" -> isAuthor(work);
          case "withdrawn" -> isInquirer(inquiry);
          default -> false;
        };
    if (!roleMakesIt) {
      throw ApiException.forbidden(
          "agreed".equals(target)
              ? "Only the work's authors confirm an agreement"
              : "withdrawn".equals(target)
                  ? "Only the inquirer may withdraw an inquiry"
                  : "Only the work's authors may do this");
    }
    throw ApiException.conflict(
        "An inquiry that is " + inquiry.state() + " cannot move to " + target);
  }

  /**
   * A boolean SQL condition over the inquiries row {@code alias} joined with its works row {@code
   * workAlias}: the actor's own inquiries, sent or received, that it may still read. Admins read
   * every inquiry by id, but their lists hold only their own.
   */
  public String inquiriesOwn(String alias, String workAlias) {
    io.starbridge.common.Db.checkAlias(alias);
    if (!isSignedIn()) {
      return "false";
    }
    long me = actor.userId();
    return "(("
        + alias
        + ".inquirer_id = "
        + me
        + " or exists (select 1 from work_authors ia_g where ia_g.work_id = "
        + alias
        + ".work_id and ia_g.state = 'active' and ia_g.user_id = "
        + me
        + ")) and "
        + worksReadable(workAlias)
        + ")";
  }

  // ---- people -------------------------------------------------------------------------------

  /** The actor's relation to another person (NONE for anonymous callers and oneself). */
  public Relation relationTo(long userId) {
    if (!isSignedIn() || relations == null || userId == actor.id()) {
      return Relation.NONE;
    }
    return relationCache.computeIfAbsent(userId, id -> relations.between(actor.id(), id));
  }

  /**
   * Whether {@code userId} blocked the actor. Staff are never held back by blocks (they moderate
   * everyone's topics); the set of blockers is read once per request.
   */
  public boolean isBlockedBy(long userId) {
    if (!isSignedIn() || relations == null || isStaff() || userId == actor.id()) {
      return false;
    }
    if (blockers == null) {
      blockers = relations.blockersOf(actor.id());
    }
    return blockers.contains(userId);
  }

  public boolean isSelf(Person person) {
    return isSignedIn() && person.id() == actor.id();
  }

  /**
   * A profile's activity (its topics and posts lists): hidden from non-followers when the person
   * hides it, and from anyone they blocked. Oneself and staff always see it.
   */
  public boolean canSeeActivity(Person person) {
    if (isSelf(person) || isStaff()) {
      return true;
    }
    if (isBlockedBy(person.id())) {
      return false;
    }
    return !person.hideActivity() || relationTo(person.id()).following();
  }

  public void ensureCanSeeActivity(Person person) {
    if (!canSeeActivity(person)) {
      throw ApiException.forbidden(
          isBlockedBy(person.id())
              ? "This member's activity is not available to you"
              : "This member shows their activity to their followers only");
    }
  }

  /** Followers and following lists: hidden by the person's setting except from self and staff. */
  public boolean canSeeFollowLists(Person person) {
    return isSelf(person) || isStaff() || !person.hideFollowers();
  }

  public void ensureCanSeeFollowLists(Person person) {
    if (!canSeeFollowLists(person)) {
      throw ApiException.forbidden("This member keeps their followers and following lists private");
    }
  }

  public boolean canFollow(Person person) {
    return isSignedIn()
        && !isSelf(person)
        && !isBlockedBy(person.id())
        && !relationTo(person.id()).blocking();
  }

  public void ensureCanFollow(Person person) {
    ensureSignedIn();
    if (isSelf(person)) {
      throw ApiException.invalid("handle", "self", "You cannot follow yourself");
    }
    if (isBlockedBy(person.id())) {
      throw ApiException.forbidden("This member has blocked you: you cannot follow them");
    }
    if (relationTo(person.id()).blocking()) {
      throw ApiException.forbidden("You have blocked this member: unblock them before following");
    }
  }

  /** Muting anyone but oneself; blocking anyone but oneself and staff (who must reach everyone). */
  public void ensureCanIgnore(Person person, boolean block) {
    ensureSignedIn();
    if (isSelf(person)) {
      throw ApiException.invalid(
          "handle", "self", block ? "You cannot block yourself" : "You cannot mute yourself");
    }
    if (block && person.isStaff()) {
      throw ApiException.forbidden("Staff members cannot be blocked; you can mute them");
    }
  }

  /**
   * The caller's search access tokens: {@code public}; {@code signed_in} and {@code tl:0..N} when
   * signed in (staff read every board: all levels); {@code staff}; {@code group:{id}} and {@code
   * group-about:{id}} for each group where the caller is an active member; and only {@code
   * group-about:{id}} (a secret group's about page, never its discussions) where invited. Documents
   * carry {@link AccessScope#documentToken}.
   */
  public Set<String> searchTokens() {
    Set<String> tokens = new LinkedHashSet<>();
    tokens.add(AccessScope.PUBLIC_TOKEN);
    if (isSignedIn()) {
      tokens.add("signed_in");
      int max = isStaff() ? 4 : actor.trustLevel();
      for (int level = 0; level <= max; level++) {
        tokens.add("tl:" + level);
      }
    }
    if (isStaff()) {
      tokens.add("staff");
    }
    for (GroupMembership m : memberships().values()) {
      if (m.active()) {
        tokens.add(AccessScope.groupToken(m.groupId()));
        tokens.add(AccessScope.groupAboutToken(m.groupId()));
      } else if (m.state() == GroupMembership.State.INVITED) {
        // An invitee sees a secret group's about page (canSee), not its discussions.
        tokens.add(AccessScope.groupAboutToken(m.groupId()));
      }
    }
    return tokens;
  }

  /**
   * Whether a mention of {@code person} by the actor may notify them (issue 6): never when they
   * blocked the actor; otherwise per their mention policy ({@code everyone}, {@code following}:
   * only people they follow, {@code nobody}).
   */
  public boolean canMention(Person person) {
    if (!isSignedIn()) {
      return false;
    }
    if (isSelf(person)) {
      return true;
    }
    if (relationTo(person.id()).blockedBy()) {
      return false;
    }
    return switch (person.mentionPolicy()) {
      case "nobody" -> false;
      case "following" -> relationTo(person.id()).followedBy();
      default -> true;
    };
  }

  // ---- trust and moderation -----------------------------------------------------------------
  //
  // Reports: anyone signed in (silenced members too: reporting is not posting) reports what they
  // can see; what they cannot see answers 404. Reports on content are handled by whoever moderates
  // its topic (site staff in boards; group owners/moderators, and site staff who may read the
  // group, in groups); reports on people by site staff; reports on a group by its managers and site
  // staff who may see it. Trust level 0 ("new") members post under limits; see TrustRules.

  public void ensureCanReport() {
    ensureSignedIn();
  }

  /** A report by staff hides its target at once (no threshold). */
  public boolean reportsHideAtOnce() {
    return isStaff();
  }

  /** Handle reports on a topic or its posts, hide, approve, lock, delete, restore. */
  public boolean canModerateContentOf(Topic topic) {
    return canModerate(topic);
  }

  /** Handle reports on a group itself (its about page): its managers, site staff who see it. */
  public boolean canModerateGroup(Group group) {
    return canSee(group)
        && (isAdmin() || isGroupManager(group) || (isStaff() && canReadContent(group)));
  }

  /** Reports on people, and warnings, silences and suspensions: site staff only. */
  public boolean canModeratePeople() {
    return isStaff();
  }

  /** The review queue: site staff, and group owners/moderators (their groups' items only). */
  public boolean canSeeReviewQueue() {
    return isStaff() || !managedGroupIds().isEmpty();
  }

  public void ensureCanSeeReviewQueue() {
    ensureSignedIn();
    if (!canSeeReviewQueue()) {
      throw ApiException.forbidden("Only moderators may see the review queue");
    }
  }

  /** Groups the actor manages as owner or moderator (active memberships). */
  public Set<Long> managedGroupIds() {
    Set<Long> ids = new LinkedHashSet<>();
    for (GroupMembership m : memberships().values()) {
      if (m.active() && m.role() != GroupMembership.Role.MEMBER) {
        ids.add(m.groupId());
      }
    }
    return ids;
  }

  /**
   * Warn, silence or suspend a person: site staff, never oneself; moderators act on members only
   * (admins on moderators too, and nobody on an admin but another admin).
   */
  public void ensureCanActOn(Person person) {
    ensureSignedIn();
    if (!canModeratePeople()) {
      throw ApiException.forbidden("Only site moderators may warn, silence or suspend members");
    }
    if (isSelf(person)) {
      throw ApiException.forbidden("You cannot act on your own account");
    }
    if (person.isStaff() && !isAdmin()) {
      throw ApiException.forbidden("Only administrators may act on staff members");
    }
    if ("admin".equals(person.role())) {
      throw ApiException.forbidden("Administrators cannot be silenced or suspended");
    }
  }

  /** A person's moderation history (reports, actions): site staff. */
  public void ensureCanSeeModerationHistory() {
    ensureSignedIn();
    if (!canModeratePeople()) {
      throw ApiException.forbidden("Only site moderators may see moderation histories");
    }
  }

  /** The whole audit log: site staff; group owners/moderators see their groups' rows only. */
  public boolean canSeeWholeAuditLog() {
    return isStaff();
  }

  public void ensureCanSeeAuditLog() {
    ensureSignedIn();
    if (!canSeeWholeAuditLog() && managedGroupIds().isEmpty()) {
      throw ApiException.forbidden("Only moderators may read the audit log");
    }
  }

  /** Trust level 4 (leader) is granted by hand, by admins only; the job promotes up to 3. */
  public void ensureCanGrantTrustLevel() {
    ensureAdmin();
  }

  /** Trust level 0 ("new user"): the limits of {@link TrustRules} apply; staff never. */
  public boolean isNewUser() {
    return isSignedIn() && !isStaff() && actor.trustLevel() == 0;
  }

  /**
   * New users may put at most {@code maxLinks} links and {@code maxImages} images in a post
   * (Discourse's defaults: 2 and 0), so a fresh spam account cannot flood links.
   */
  public void ensureWithinNewUserContent(int links, int images, int maxLinks, int maxImages) {
    if (!isNewUser()) {
      return;
    }
    if (images > maxImages) {
      throw ApiException.invalid(
          "body",
          "new_user_images",
          maxImages == 0
              ? "New members cannot post images yet: take part for a while first"
              : "New members may post at most " + maxImages + " images");
    }
    if (links > maxLinks) {
      throw ApiException.invalid(
          "body", "new_user_links", "New members may post at most " + maxLinks + " links");
    }
  }

  /** New users' first {@code firstPosts} posts in a board marked "approval required" wait. */
  public boolean needsApproval(Board board, long visiblePosts, int firstPosts) {
    return board.approvalRequired() && isNewUser() && visiblePosts < firstPosts;
  }

  /** New users' daily caps (their first day: topics and replies). */
  public void ensureWithinFirstDayCap(boolean firstDay, long done, int cap, boolean topic) {
    if (isNewUser() && firstDay && done >= cap) {
      throw ApiException.forbidden(
          "New members may post at most "
              + cap
              + (topic ? " topics" : " replies")
              + " on their first day: please come back tomorrow");
    }
  }

  private boolean isAuthor(Topic topic) {
    return isSignedIn() && topic.authorId() == actor.id();
  }

  private boolean isAuthor(Post post) {
    return isSignedIn() && post.authorId() == actor.id();
  }

  private static boolean frozen(Topic topic) {
    return topic.locked() || topic.closed();
  }
}
