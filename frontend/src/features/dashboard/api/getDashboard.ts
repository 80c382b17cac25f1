import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Right } from '@/lib/rights';
import type { RegistryKind } from '@/types/api';

/** One registry entry in a list: enough to link its certificate. */
export interface EntrySummary {
  id: number;
  kind: RegistryKind;
  workId?: number | null;
  workTitle?: string | null;
  chapterId?: number | null;
  chapterNumber?: number | null;
  version?: number | null;
  registeredAt: string;
  contentHash: string;
  entryHash: string;
}

export interface DayHits {
  day: string;
  hits: number;
}

export interface WorkStats {
  id: number;
  title: string;
  visibility: 'public' | 'signed_in' | 'draft';
  status: 'in_progress' | 'complete';
  wordCount: number;
  chapters: number;
  hits: number;
  /** The last 30 UTC days, oldest first. */
  hitsByDay: DayHits[];
  kudos: number;
  bookmarks: number;
  subscribers: number;
  comments: number;
  rights: Right[];
  registrations: { count: number; latest?: EntrySummary | null };
  /** Adaptation inquiries about the work: open (sent, in discussion) and in total. */
  inquiries: { open: number; total: number };
}

export interface Dashboard {
  works: WorkStats[];
  registrations: EntrySummary[];
  /** Adaptation inquiries received about the caller's works, per state (the inquiries feature shows them). */
  inquiries: Record<string, number>;
}

/** GET /me/dashboard: the caller's works with their stats, registrations and inquiry counts. */
export function getDashboard(): Promise<Dashboard> {
  return api<Dashboard>('/me/dashboard');
}

export const dashboardQuery = queryOptions({
  queryKey: ['me', 'dashboard'],
  queryFn: getDashboard,
});

export function useDashboard() {
  return useQuery(dashboardQuery);
}
