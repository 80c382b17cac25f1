import { useI18n } from '@/lib/i18n';

/** "3 hr. ago", with the exact date and time on hover and for assistive technology. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { formatRelative, formatDateTime } = useI18n();
  const absolute = formatDateTime(iso);
  return (
    <time className={className} dateTime={iso} title={absolute}>
      {formatRelative(iso)}
    </time>
  );
}
