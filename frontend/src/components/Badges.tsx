import { useI18n } from '@/lib/i18n';
import type { Badge } from '@/types/api';
import './Badges.css';

const LABEL = {
  verified_scientist: 'badge.verified_scientist',
  verified_industry: 'badge.verified_industry',
} as const;

function isBadge(value: string): value is Badge {
  return value === 'verified_scientist' || value === 'verified_industry';
}

/** Verified-expertise badges next to a name; unknown values from a newer server are skipped. */
export function Badges({ badges }: { badges: readonly string[] | null | undefined }) {
  const { t } = useI18n();
  const known = (badges ?? []).filter(isBadge);
  if (known.length === 0) return null;
  return (
    <span className="verified-badges">
      {known.map((b) => (
        <span key={b} className={`verified-badge verified-badge--${b}`} title={t(LABEL[b])}>
          <span aria-hidden="true">✓ </span>
          {t(LABEL[b])}
        </span>
      ))}
    </span>
  );
}
