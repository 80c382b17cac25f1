import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Page, UserCard } from '@/types/api';

export type ReportTargetType = 'post' | 'topic' | 'user' | 'group' | 'work';
export const REPORT_REASONS = [
  'spam',
  'harassment',
  'off_topic',
  'inappropriate',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface FileReportRequest {
  targetType: ReportTargetType;
  targetId: number;
  reason: ReportReason;
  note?: string;
  originalUrl?: string;
}

export interface ReportLine {
  id: number;
  reason: string;
  note?: string | null;
  originalUrl?: string | null;
  originalWorkId?: number | null;
  originalEntryId?: number | null;
  score: number;
  reporter: UserCard;
  createdAt: string;
}

export interface QueueItem {
  reportId: number;
  kind: string;
  targetType: string;
  targetId: number;
  score: number;
  threshold: number;
  reporterCount: number;
  hidden: boolean;
  topicId?: number | null;
  postNumber?: number | null;
  title?: string | null;
  excerpt?: string | null;
  author?: UserCard | null;
  scopeGroup?: number | null;
  reports: ReportLine[];
  firstReportedAt: string;
  /** With a copyright report: both sides' registry entries, oldest first. */
  copyright?: EvidenceEntry[] | null;
}

/** One registry entry of a copyright comparison. */
export interface EvidenceEntry {
  side: 'reported' | 'claimed';
  id: number;
  kind: 'publication' | 'revision' | 'draft';
  workId?: number | null;
  chapterId?: number | null;
  chapterNumber?: number | null;
  version?: number | null;
  registeredAt: string;
  contentHash: string;
  entryHash: string;
  paragraphCount: number;
  /** 1-based positions of this entry's paragraphs whose hashes occur on the other side. */
  matchingParagraphs: number[];
}

export type ResolveAction =
  'dismiss' | 'hide' | 'delete' | 'restore' | 'lock' | 'warn' | 'silence' | 'suspend' | 'approve';

export interface AuditEntry {
  id: number;
  actor?: UserCard | null;
  action: string;
  targetType: string;
  targetId?: number | null;
  reason?: string | null;
  before?: string | null;
  after?: string | null;
  scopeGroup?: number | null;
  createdAt: string;
}

export interface ModerationHistory {
  user: UserCard;
  status: string;
  statusUntil?: string | null;
  statusReason?: string | null;
  trustLevel: number;
  penalties: number;
  suggestedDays: number;
  escalationDays: number[];
  reportsAgainst: number;
  reportsAgreed: number;
  actions: AuditEntry[];
  warnings: { id: number; reason: string; createdAt: string }[];
}

export interface SiteSettingsView {
  values: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

export const modKeys = {
  all: ['moderation'] as const,
  queue: () => ['moderation', 'queue'] as const,
  log: (filters: Record<string, string>) => ['moderation', 'log', filters] as const,
  history: (handle: string) => ['moderation', 'history', handle] as const,
  settings: () => ['moderation', 'settings'] as const,
};

export function useQueue() {
  return useQuery({ queryKey: modKeys.queue(), queryFn: () => api<Page<QueueItem>>('/mod/queue') });
}

export function useResolve() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      reportId,
      ...body
    }: {
      reportId: number;
      action: ResolveAction;
      note?: string;
      until?: string | null;
    }) => api<unknown>(`/mod/reports/${reportId}/resolve`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: modKeys.all });
    },
  });
}

export function useAuditLog(filters: Record<string, string>) {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const query = params.toString();
  return useQuery({
    queryKey: modKeys.log(filters),
    queryFn: () => api<Page<AuditEntry>>(`/mod/log${query ? `?${query}` : ''}`),
  });
}

export function useModerationHistory(handle: string, enabled: boolean) {
  return useQuery({
    queryKey: modKeys.history(handle),
    queryFn: () => api<ModerationHistory>(`/mod/users/${encodeURIComponent(handle)}`),
    enabled,
  });
}

export type StaffAction =
  | { kind: 'silence' | 'suspend'; until: string | null; reason: string }
  | { kind: 'unsilence' | 'unsuspend' }
  | { kind: 'warn'; reason: string };

export function useStaffAction(handle: string) {
  const queryClient = useQueryClient();
  const base = `/mod/users/${encodeURIComponent(handle)}`;
  return useMutation({
    mutationFn: (action: StaffAction) => {
      switch (action.kind) {
        case 'silence':
        case 'suspend':
          return api<void>(`${base}/${action.kind}`, {
            method: 'POST',
            body: { until: action.until, reason: action.reason },
          });
        case 'unsilence':
          return api<void>(`${base}/silence`, { method: 'DELETE' });
        case 'unsuspend':
          return api<void>(`${base}/suspend`, { method: 'DELETE' });
        case 'warn':
          return api<void>(`${base}/warn`, { method: 'POST', body: { reason: action.reason } });
      }
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: modKeys.all });
    },
  });
}

export function useSiteSettings() {
  return useQuery({ queryKey: modKeys.settings(), queryFn: () => api<SiteSettingsView>('/admin/settings') });
}

export function usePatchSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Record<string, unknown>) =>
      api<SiteSettingsView>('/admin/settings', { method: 'PATCH', body: changes }),
    onSuccess: (view) => queryClient.setQueryData(modKeys.settings(), view),
  });
}
