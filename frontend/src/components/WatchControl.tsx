import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import './WatchControl.css';

export type WatchLevel = 'watching' | 'tracking' | 'normal' | 'muted';
export const WATCH_LEVELS: readonly WatchLevel[] = ['watching', 'tracking', 'normal', 'muted'];
export type WatchTarget = 'topics' | 'boards' | 'groups';

export const watchKeys = {
  level: (type: WatchTarget, id: string | number) => ['watch', type, String(id)] as const,
};

/** GET /{topics|boards|groups}/{id}/watch: the caller's level there. */
export function useWatchLevel(type: WatchTarget, id: string | number, enabled: boolean) {
  return useQuery({
    queryKey: watchKeys.level(type, id),
    queryFn: () =>
      api<{ level: WatchLevel }>(`/${type}/${encodeURIComponent(String(id))}/watch`).then((r) => r.level),
    enabled,
  });
}

/** PUT …/watch; topic lists refresh (unread counts and muted topics depend on the level). */
export function useSetWatchLevel(type: WatchTarget, id: string | number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (level: WatchLevel) =>
      api<{ level: WatchLevel }>(`/${type}/${encodeURIComponent(String(id))}/watch`, {
        method: 'PUT',
        body: { level },
      }).then((r) => r.level),
    onSuccess: (level) => {
      client.setQueryData(watchKeys.level(type, id), level);
      void client.invalidateQueries({ queryKey: ['topics'] });
      void client.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}

/**
 * Watching / tracking / normal / muted for a topic, board or group. A board's or group's level
 * applies to its topics that have none of their own.
 */
export function WatchControl({ type, id }: { type: WatchTarget; id: string | number }) {
  const { t } = useI18n();
  const level = useWatchLevel(type, id, true);
  const set = useSetWatchLevel(type, id);
  return (
    <label className="watch-control" title={t(`watch.${level.data ?? 'normal'}.hint`)}>
      <span className="watch-control__label">{t('watch.label')}</span>
      <select
        className="field__control field__control--select"
        value={level.data ?? 'normal'}
        disabled={level.isPending || set.isPending}
        onChange={(e) => set.mutate(e.target.value as WatchLevel)}
        data-testid={`watch-${type}`}
      >
        {WATCH_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`watch.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
