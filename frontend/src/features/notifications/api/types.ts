import type { UserCard } from '@/types/api';

export type NotificationKind =
  | 'mention'
  | 'quote'
  | 'reply'
  | 'watching'
  | 'followed_topic'
  | 'reaction'
  | 'follow'
  | 'group_invitation'
  | 'group_join_request'
  | 'group_approved'
  | 'group_announcement'
  | 'verification'
  | 'moderation'
  | 'work'
  | 'coauthor_invitation'
  | 'translation_request'
  | 'translation_decision'
  | 'kudos'
  | 'inquiry_received'
  | 'inquiry_state'
  | 'inquiry_message';

export interface Notification {
  id: number;
  kind: NotificationKind | string;
  read: boolean;
  createdAt: string;
  updatedAt: string;
  actors: UserCard[];
  actorCount: number;
  topic: { id: number; slug: string; title: string } | null;
  postId: number | null;
  postNumber: number | null;
  group: { id: number; slug: string; name: string } | null;
  data: Record<string, unknown>;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface Preference {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
  emailAvailable: boolean;
}
