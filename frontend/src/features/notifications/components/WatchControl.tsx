import { useI18n } from '@/lib/i18n';
import { useSetWatchLevel, useWatchLevel } from '../api/notifications';
import { WATCH_LEVELS, type WatchLevel } from '../api/types';

/** Watching / tracking / normal / muted for a topic, board or group. */
export function WatchControl({ type, id }: { type: 'topics' | 'boards' | 'groups'; id: string | number }) {
  const { t } = useI18n();
  const level = useWatchLevel(type, id, true);
  const set = useSetWatchLevel(type, id);
  return (
    <label className="watch-control">
      <span className="watch-control__label">{t('watch.label')}</span>
      <select
        className="field__control field__control--select"
        value={level.data ?? 'normal'}
        disabled={level.isPending || set.isPending}
        onChange={(e) => set.mutate(e.target.value as WatchLevel)}
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
