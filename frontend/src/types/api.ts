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
  board: BoardRef;
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
}

export interface TopicPermissions {
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canModerate: boolean;
  canMarkRead: boolean;
}

/** One topic: its meta, what the caller may do, and its first post. */
export interface Topic extends Omit<TopicListItem, 'unreadCount' | 'isNew'> {
  deleted: boolean;
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

export interface Bookmark {
  postId: number;
  postNumber: number;
  topicId: number;
  topicSlug: string;
  topicTitle: string;
  author: UserCard;
  excerpt: string;
  note?: string | null;
  createdAt: string;
}

export interface Draft {
  key: string;
  body: string;
  title?: string | null;
  tags?: string[] | null;
  replyTo?: number | null;
  updatedAt: string;
}
