import { Alert } from './Alert';
import { useI18n } from '@/lib/i18n';

/** What the author (and staff) see on a hidden post: why it is hidden and what happens next. */
export function HiddenNotice({
  reason,
  mine,
  removed = false,
}: {
  reason: string | null;
  mine: boolean;
  /** Deleted after review: the outcome, not the pending state. */
  removed?: boolean;
}) {
  const { t } = useI18n();
  if (removed) {
    return (
      <Alert tone="warning" className="post__notice" title={t('moderation.hidden.removedTitle')}>
        {mine ? t('moderation.hidden.removedMine') : t('moderation.hidden.staff')}
      </Alert>
    );
  }
  const known = ['reports', 'staff', 'approval', 'spam', 'work'].includes(reason ?? '') ? reason : 'reports';
  return (
    <Alert
      tone="warning"
      className="post__notice"
      title={t(`moderation.hidden.title.${known}` as 'moderation.hidden.title.reports')}
    >
      {mine
        ? t(`moderation.hidden.mine.${known}` as 'moderation.hidden.mine.reports')
        : t('moderation.hidden.staff')}
    </Alert>
  );
}
