import { useState } from 'react';
import { Link } from 'react-router';
import { Badges } from '@/components/Badges';
import { Button } from '@/components/Button';
import { PagedList } from '@/components/PagedList';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import {
  INQUIRY_STATES,
  OPEN_STATES,
  useReceivedInquiries,
  useReceivedInquiryCounts,
  type Inquiry,
  type InquiryState,
} from '../api/inquiries';
import '../inquiries.css';

type Filter = 'open' | 'all' | InquiryState;

const FILTERS: Filter[] = ['open', ...INQUIRY_STATES, 'all'];

function statesOf(filter: Filter): readonly InquiryState[] {
  if (filter === 'open') return OPEN_STATES;
  if (filter === 'all') return [];
  return [filter];
}

/**
 * The author dashboard's inquiries section: inquiries received about the caller's works, the open
 * ones (sent, in discussion) first, filterable by state. {@link ReceivedInquiryCounts} goes in the
 * section's header.
 */
export function ReceivedInquiriesSection() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const query = useReceivedInquiries(statesOf(filter));
  return (
    <div className="dashboard-inquiries">
      <div className="dashboard-inquiries__filters" role="group" aria-label={t('inquiries.dashboard.filter')}>
        {FILTERS.map((f) => (
          <Button
            key={f}
            size="sm"
            variant={filter === f ? 'primary' : 'ghost'}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
          >
            {f === 'open' || f === 'all' ? t(`inquiries.dashboard.${f}`) : t(`inquiries.state.${f}`)}
          </Button>
        ))}
      </div>
      <PagedList
        query={query}
        className="inquiry-list"
        label={t('inquiries.dashboard.list')}
        empty={
          <EmptyState
            title={t(filter === 'open' ? 'inquiries.dashboard.emptyOpen' : 'inquiries.dashboard.empty')}
          />
        }
        render={(i) => <ReceivedRow key={i.id} inquiry={i} />}
      />
    </div>
  );
}

function ReceivedRow({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useI18n();
  return (
    <li className="inquiry-row">
      <Link to={`/works/${inquiry.work.id}`} className="inquiry-row__title">
        {inquiry.work.title}
      </Link>
      <span className={`inquiry-state inquiry-state--${inquiry.state}`}>
        {t(`inquiries.state.${inquiry.state}`)}
      </span>
      <span className="inquiry-row__right">
        {t(`ip.medium.${inquiry.medium}`)}
        {inquiry.language ? ` (${inquiry.language})` : ''} · {inquiry.territory} · {inquiry.term}
      </span>
      <Link to={`/inquiries/${inquiry.id}`} className="inquiry-row__open">
        {t('inquiries.dashboard.thread')}
      </Link>
      <span className="inquiry-row__meta">
        {t('inquiries.from', { name: inquiry.inquirer.displayName || inquiry.inquirer.handle })}{' '}
        <Badges badges={inquiry.inquirer.badges} /> · {t('inquiries.dashboard.lastActivity')}{' '}
        <RelativeTime iso={inquiry.updatedAt} />
      </span>
    </li>
  );
}

/** The section header's counts: received inquiries per state, from GET /me/dashboard. */
export function ReceivedInquiryCounts() {
  const { t, formatNumber } = useI18n();
  const counts = useReceivedInquiryCounts();
  if (!counts.data) return null;
  const c = counts.data;
  return (
    <ul className="inquiry-counts" aria-label={t('inquiries.dashboard.counts')}>
      {INQUIRY_STATES.map((s) => (
        <li key={s}>
          <span className={`inquiry-state inquiry-state--${s}`}>{t(`inquiries.state.${s}`)}</span>{' '}
          <span className="inquiry-counts__n">{formatNumber(c[s] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}
