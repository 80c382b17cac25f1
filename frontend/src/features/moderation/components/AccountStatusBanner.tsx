import { Alert } from '@/components/Alert';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

/** A silenced (or, on a live session, suspended) member sees why, and until when. */
export function AccountStatusBanner() {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  if (!user || (user.status !== 'silenced' && user.status !== 'suspended')) return null;
  const until = user.statusUntil
    ? t('moderation.banner.until', { date: formatDateTime(user.statusUntil) })
    : t('moderation.banner.untilLifted');
  return (
    <Alert tone="warning" title={t(`moderation.banner.${user.status}`)}>
      <p>{until}</p>
      {user.statusReason && <p>{t('moderation.banner.reason', { reason: user.statusReason })}</p>}
    </Alert>
  );
}
