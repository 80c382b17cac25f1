import { useI18n } from '@/lib/i18n';
import type { DayHits } from '../api/getDashboard';

const WIDTH = 120;
const HEIGHT = 28;

/** Daily hits as a small inline SVG line (no chart library); the label states the total. */
export function Sparkline({ days }: { days: DayHits[] }) {
  const { t, formatNumber } = useI18n();
  const total = days.reduce((sum, d) => sum + d.hits, 0);
  const max = Math.max(1, ...days.map((d) => d.hits));
  const step = days.length > 1 ? WIDTH / (days.length - 1) : WIDTH;
  const points = days
    .map((d, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (d.hits / max) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={t('dashboard.sparkline', { total: formatNumber(total) })}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <title>{t('dashboard.sparkline', { total: formatNumber(total) })}</title>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
