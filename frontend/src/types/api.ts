// Hand-written from the REST contract for now; a later step generates this file from /openapi.
// The server leaves out null fields and empty lists (Micronaut Serde's default), so every
// nullable field is also optional here: test with `== null` semantics (`?? null`), never `=== null`.

export type Locale = 'zh-CN' | 'en';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: number;
  handle: string;
  displayName: string;
  email?: string | null;
  emailVerified: boolean;
  locale: Locale;
  role: 'member' | 'moderator' | 'admin';
  status: string;
  statusUntil?: string | null;
  statusReason?: string | null;
  trustLevel: number;
  createdAt: string;
  // The public profile (GET /me returns it flat; absent on servers without the people feature).
  /** Raw Markdown of the bio, only in the owner's own view. */
  bio?: string | null;
  bioHtml?: string | null;
  disciplines?: Discipline[] | null;
  fields?: string[] | null;
  affiliation?: string | null;
  languages?: string[] | null;
  links?: ProfileLink[] | null;
  location?: string | null;
  avatarUrl?: string | null;
  coverUrl?: string | null;
  badges?: Badge[] | null;
  hideFollowers?: boolean | null;
  hideActivity?: boolean | null;
  mentionPolicy?: MentionPolicy | null;
}

export interface Board {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  position: number;
  parentId?: number | null;
  parentSlug?: string | null;
  color: string;
  topicCount: number;
  postCount: number;
  lastActivityAt?: string | null;
  /** Null when signed out. */
  followed?: boolean | null;
  permissions?: BoardPermissions;
  children?: Board[];
}

export interface BoardPermissions {
  canCreateTopic: boolean;
  canFollow: boolean;
  canManage: boolean;
}

export interface PersonalToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt?: string | null;
  expiresAt?: string | null;
}

export interface CreatedPersonalToken extends Omit<PersonalToken, 'lastUsedAt'> {
  /** The secret, returned only once. */
  token: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A problem+json body with absent fields filled in (see ApiError). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string | null;
  errors: FieldError[];
  retryAfterSeconds: number | null;
}

/** A person as content shows them (post author, last poster, reactor). */
export interface UserCard {
  id: number;
  handle: string;
  displayName: string;
  role: 'member' | 'moderator' | 'admin' | string;
  trustLevel: number;
  avatarUrl?: string | null;
  badges?: Badge[] | null;
}

/** The board of a topic, as topic lists and views show it. */
export interface BoardRef {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  color: string;
}

export type Pinned = 'none' | 'board' | 'global';
export type TopicSort = 'latest' | 'new' | 'top' | 'hot';
export type TopicPeriod = 'day' | 'week' | 'month' | 'year' | 'all';

/** A row of a topic list. The unread fields are null for anonymous callers. */
export interface TopicListItem {
  id: number;
  slug: string;
  title: string;
  /** Exactly one of board and group is set. */
  board?: BoardRef | null;
  group?: GroupRef | null;
  tags?: string[] | null;
  author: UserCard;
  replyCount: number;
  likeCount: number;
  viewCount: number;
  highestPostNumber: number;
  createdAt: string;
  lastPostedAt: string;
  lastPoster?: UserCard | null;
  pinned: Pinned;
  locked: boolean;
  closed: boolean;
  excerpt: string;
  unreadCount?: number | null;
  lastReadPostNumber?: number | null;
  isNew?: boolean | null;
  /** The caller's level: the topic's own, else its board's or group's; unread counts need tracking or watching. */
  watchLevel?: 'watching' | 'tracking' | 'normal' | 'muted' | null;
}

/** One home-feed item: a new topic, a reply in a watched topic, a group announcement or a chapter. */
export interface FeedItem {
  kind: 'topic' | 'reply' | 'announcement' | 'chapter';
  key: string;
  at: string;
  topic?: TopicListItem | null;
  post?: {
    id: number;
    topicId: number;
    postNumber: number;
    author: UserCard;
    excerpt: string;
    createdAt: string;
  } | null;
  chapter?: {
    id: number;
    position: number;
    title: string;
    workId: number;
    workTitle: string;
    author: UserCard;
    publishedAt: string;
  } | null;
}

export interface TopicPermissions {
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canModerate: boolean;
  canMarkRead: boolean;
  /** Group topics: the group's moderators may make it an announcement. */
  canAnnounce?: boolean;
}

/** One topic: its meta, what the caller may do, and its first post. */
export interface Topic extends Omit<TopicListItem, 'unreadCount' | 'isNew' | 'watchLevel'> {
  deleted: boolean;
  /** A group topic its staff announced to the members (it reaches their home feeds). */
  announced?: boolean;
  permissions: TopicPermissions;
  firstPost: Post;
}

/** The wire names of reactions; the glyphs are the SPA's. */
export type ReactionKind = 'like' | 'thumbs_up' | 'heart' | 'laugh' | 'thinking' | 'rocket' | 'eyes';

export interface Reaction {
  kind: ReactionKind;
  count: number;
  reacted: boolean;
}

export interface PostPermissions {
  canEdit: boolean;
  canDelete: boolean;
  canRestore: boolean;
  canReply: boolean;
  canReact: boolean;
  canBookmark: boolean;
}

export interface Post {
  id: number;
  topicId: number;
  postNumber: number;
  author: UserCard;
  /** Raw Markdown: only in single-post responses (GET/PATCH /posts/{id}). */
  body?: string | null;
  /** Null for a deleted post unless the caller is staff. */
  bodyHtml?: string | null;
  replyTo?: { postId: number; postNumber: number; authorHandle: string } | null;
  createdAt: string;
  editedAt?: string | null;
  revisionCount: number;
  reactions?: Reaction[] | null;
  bookmarked: boolean;
  deleted: boolean;
  /** Hidden pending review or by staff: only staff and the author still see it. */
  hidden?: boolean;
  /** reports, staff, approval or spam. */
  hiddenReason?: string | null;
  /** 0–5 in the threaded view; null in the flat one. */
  depth?: number | null;
  /** The author is muted or blocked by the caller: the SPA folds the post away. */
  ignored?: boolean | null;
  permissions: PostPermissions;
}

/** A page of posts; prevCursor loads the posts before the first one shown. */
export interface PostPage {
  items: Post[];
  nextCursor: string | null;
  prevCursor: string | null;
}

export interface Revision {
  version: number;
  body: string;
  bodyHtml: string;
  editor: UserCard;
  reason?: string | null;
  createdAt: string;
  current: boolean;
}

export interface Reactors {
  kind: ReactionKind;
  count: number;
  users: UserCard[];
}

/**
 * GET /me/bookmarks: kind `post` carries the post fields and the note; kind `work` carries `work`
 * (the work's card and the bookmark) and repeats the raw note.
 */
export interface Bookmark {
  kind: 'post' | 'work';
  postId?: number | null;
  postNumber?: number | null;
  topicId?: number | null;
  topicSlug?: string | null;
  topicTitle?: string | null;
  author?: UserCard | null;
  excerpt?: string | null;
  note?: string | null;
  createdAt: string;
  work?: SavedWork | null;
}

/** A bookmarked work in the caller's list: the parts of its card the list shows, and the bookmark. */
export interface SavedWork {
  work: { id: number; title: string; authors: UserCard[]; language: string; wordCount: number };
  bookmark: { note: string; noteHtml: string; tags: string[]; isPrivate: boolean; createdAt: string };
}

export interface Draft {
  key: string;
  body: string;
  title?: string | null;
  tags?: string[] | null;
  replyTo?: number | null;
  updatedAt: string;
}

// ---- People --------------------------------------------------------------------------------

export type Badge = 'verified_scientist' | 'verified_industry';
export type Discipline =
  | 'writer'
  | 'translator'
  | 'illustrator'
  | 'scientist'
  | 'engineer'
  | 'film_tv'
  | 'games'
  | 'animation'
  | 'publishing'
  | 'researcher'
  | 'student'
  | 'reader';
export type MentionPolicy = 'everyone' | 'following' | 'nobody';

export interface ProfileLink {
  label: string;
  url: string;
}

export interface ProfileCounts {
  topics: number;
  posts: number;
  works: number;
  followers: number;
  following: number;
  groups: number;
}

/** Between the caller and the profile's owner; null for anonymous callers and oneself. */
export interface Relationship {
  following: boolean;
  followsYou: boolean;
  muted: boolean;
  blocked: boolean;
}

/** GET /users/{handle}. */
export interface Profile {
  id: number;
  handle: string;
  displayName: string;
  bioHtml?: string | null;
  disciplines?: Discipline[] | null;
  fields?: string[] | null;
  affiliation?: string | null;
  languages?: string[] | null;
  links?: ProfileLink[] | null;
  location?: string | null;
  avatarUrl?: string | null;
  coverUrl?: string | null;
  badges?: Badge[] | null;
  role: string;
  trustLevel: number;
  createdAt: string;
  lastSeenAt?: string | null;
  counts: ProfileCounts;
  /** True when the caller may not see the followers and following lists. */
  followersHidden?: boolean | null;
  /** True when the caller may not see the owner's topics and posts. */
  activityHidden?: boolean | null;
  relationship?: Relationship | null;
}

/** A post as a profile's activity lists it, with its topic. */
export interface ActivityPost {
  id: number;
  topicId: number;
  postNumber: number;
  author?: UserCard | null;
  bodyHtml?: string | null;
  excerpt?: string | null;
  createdAt: string;
  topic?: { id: number; slug: string; title: string } | null;
}

/** GET /users/{handle}/posts: each item holds the post (and, on some servers, its topic beside it). */
export interface ActivityItem {
  post: ActivityPost;
  topic?: { id: number; slug: string; title: string } | null;
}

export interface FollowEntry {
  user: UserCard;
  followedAt: string;
}

export interface MutedUser {
  user: UserCard;
  since: string;
}

export type VerificationKind = 'scientist' | 'industry';
export type VerificationState = 'pending' | 'approved' | 'declined';

export interface VerificationRequest {
  id: number;
  kind: VerificationKind;
  state: VerificationState;
  evidence: string;
  links?: string[] | null;
  createdAt: string;
  decidedAt?: string | null;
  decisionNote?: string | null;
  /** In the admin queue. */
  user?: UserCard | null;
}

// ---- Groups --------------------------------------------------------------------------------

export type GroupVisibility = 'public' | 'restricted' | 'secret';
export type GroupRole = 'owner' | 'moderator' | 'member';
export type MemberState = 'active' | 'pending' | 'invited' | 'banned';
export type GroupSort = 'activity' | 'members' | 'new' | 'for_you';

export interface GroupRef {
  id: number;
  slug: string;
  name: string;
  visibility: GroupVisibility;
}

export interface GroupPermissions {
  canReadContent: boolean;
  canPost: boolean;
  canJoin: boolean;
  canRequestToJoin: boolean;
  canLeave: boolean;
  canEdit: boolean;
  canManageMembers: boolean;
  canInvite: boolean;
  canDelete: boolean;
}

export interface Membership {
  role: GroupRole;
  state: MemberState;
}

export interface Group {
  id: number;
  slug: string;
  name: string;
  descriptionHtml?: string | null;
  /** Raw Markdown, only for those who may edit. */
  description?: string | null;
  visibility: GroupVisibility;
  disciplines?: Discipline[] | null;
  fields?: string[] | null;
  avatarUrl?: string | null;
  memberCount: number;
  topicCount: number;
  postCount: number;
  lastActivityAt?: string | null;
  createdAt: string;
  owner?: UserCard | null;
  disciplineMix?: { discipline: Discipline; count: number }[] | null;
  membership?: Membership | null;
  following?: boolean | null;
  permissions: GroupPermissions;
}

export interface GroupMember {
  user: UserCard;
  role: GroupRole;
  state: MemberState;
  since: string;
}

export interface Invitation {
  group: Group;
  invitedBy?: UserCard | null;
  since: string;
}

// Copyright registry (/registry). Times are strings exactly as signed: UTC, six fractional digits.
export type RegistryKind = 'publication' | 'revision' | 'draft';

export interface RegistryCertificate {
  id: number;
  seq: number;
  kind: RegistryKind;
  workId?: number | null;
  chapterId?: number | null;
  chapterNumber?: number | null;
  version?: number | null;
  /** Only when the caller may read the work (and that chapter). */
  workTitle?: string | null;
  chapterTitle?: string | null;
  authors?: UserCard[];
  registeredAt: string;
  contentHash: string;
  paragraphCount: number;
  paragraphsDigest: string;
  previousHash: string;
  entryHash: string;
  algorithm: string;
  keyId: string;
  signature: string;
  signedMessage: string;
}

export interface RegistryMatch {
  id: number;
  seq: number;
  kind: RegistryKind;
  workId?: number | null;
  chapterId?: number | null;
  chapterNumber?: number | null;
  version?: number | null;
  authors?: UserCard[];
  registeredAt: string;
  contentHash: string;
  entryHash: string;
  keyId: string;
  match: 'full' | 'paragraph';
  matchedParagraphs: number;
}
