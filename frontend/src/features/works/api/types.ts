import type { Right } from '@/lib/rights';
import type { UserCard } from '@/types/api';

export const WORK_TYPES = [
  'short_story',
  'novelette',
  'novella',
  'novel',
  'screenplay',
  'comic',
  'illustration',
  'game_design',
  'world_bible',
  'popsci_essay',
] as const;
export const WORK_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en', 'other'] as const;
export const WORK_RATINGS = ['general', 'teen', 'mature', 'explicit'] as const;
export const WORK_STATUSES = ['in_progress', 'complete'] as const;
export const WORK_VISIBILITIES = ['public', 'signed_in', 'draft'] as const;
export const WORK_SORTS = ['date', 'kudos', 'bookmarks', 'hits'] as const;

export type WorkType = (typeof WORK_TYPES)[number];
export type WorkLanguage = (typeof WORK_LANGUAGES)[number];
export type WorkRating = (typeof WORK_RATINGS)[number];
export type WorkStatus = (typeof WORK_STATUSES)[number];
export type WorkVisibility = (typeof WORK_VISIBILITIES)[number];
export type WorkSort = (typeof WORK_SORTS)[number];

/** A work as lists show it. */
export interface WorkCard {
  id: number;
  title: string;
  summaryHtml: string;
  type: WorkType;
  language: WorkLanguage;
  genres: string[];
  tags: string[];
  rating: WorkRating;
  warnings: string[];
  status: WorkStatus;
  visibility: WorkVisibility;
  coverUrl: string | null;
  authors: UserCard[];
  wordCount: number;
  chapterCount: number;
  kudos: number;
  bookmarks: number;
  hits: number;
  translationOf: number | null;
  translationState: 'requested' | 'granted' | 'declined' | null;
  createdAt: string;
  publishedAt: string | null;
  revisedAt: string;
}

export interface ChapterRef {
  id: number;
  position: number;
  title: string;
  wordCount: number;
  publishAt: string | null;
  publishedAt: string | null;
}

export interface WorkFull extends Omit<WorkCard, 'translationOf'> {
  summary: string | null;
  invited: UserCard[];
  translationOf: { id: number; title: string; language: WorkLanguage; authors: UserCard[] } | null;
  topicId: number | null;
  board: string | null;
  series: { id: number; title: string; position: number }[];
  chapters: ChapterRef[];
  updatedAt: string;
  rights: Right[];
  viewer: {
    kudos: boolean;
    subscribed: boolean;
    bookmark: WorkBookmarkMine | null;
    position: { chapter: number; progress: number } | null;
  } | null;
  permissions: {
    canEdit: boolean;
    canDelete: boolean;
    canManageCoauthors: boolean;
    canGiveKudos: boolean;
    canKeep: boolean;
    canAcceptInvitation: boolean;
    canDecideTranslation: boolean;
    /** A verified industry professional may send an adaptation inquiry (an available right). */
    canInquire?: boolean;
  };
}

export interface Chapter {
  id: number;
  workId: number;
  position: number;
  title: string;
  bodyHtml: string;
  notesBeforeHtml: string | null;
  notesAfterHtml: string | null;
  body: string | null;
  notesBefore: string | null;
  notesAfter: string | null;
  wordCount: number;
  publishAt: string | null;
  publishedAt: string | null;
  previous: number | null;
  next: number | null;
}

export interface WorkInput {
  title: string;
  summary: string;
  type: WorkType;
  language: WorkLanguage;
  genres: string[];
  tags: string[];
  rating: WorkRating;
  warnings: string[];
  status: WorkStatus;
  visibility: WorkVisibility;
  board?: string;
}

export interface ChapterInput {
  title: string;
  body: string;
  notesBefore?: string;
  notesAfter?: string;
  publishAt?: string | null;
}

export interface WorkFilters {
  tags: string[];
  excludeTags: string[];
  type?: WorkType | '';
  language?: WorkLanguage | '';
  rating?: WorkRating | '';
  status?: WorkStatus | '';
  sort: WorkSort;
  q?: string;
}

/** The caller's own bookmark on a work: the raw note for the form, the cooked one to show. */
export interface WorkBookmarkMine {
  note: string;
  noteHtml: string;
  tags: string[];
  isPrivate: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BookmarkInput {
  note: string;
  tags: string[];
  private: boolean;
}

/** GET /works/{id}/bookmarks: public bookmarks (and the caller's private one). */
export interface WorkBookmark {
  user: UserCard;
  noteHtml: string;
  tags: string[];
  isPrivate: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /series/{id}. */
export interface Series {
  id: number;
  title: string;
  summaryHtml: string;
  summary: string | null;
  creator: UserCard;
  authors: UserCard[];
  works: WorkCard[];
  wordCount: number;
  subscribed: boolean;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** GET /me/series: `position` is the number of works in the series. */
export interface SeriesRef {
  id: number;
  title: string;
  position: number;
}

/** GET /translation-requests. */
export interface TranslationRequest {
  id: number;
  work: WorkCard;
  language: WorkLanguage;
  note: string;
  requester: UserCard;
  fulfilledBy: number | null;
  createdAt: string;
}
