import { Link } from 'react-router';
import { PagedList } from '@/components/PagedList';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState } from '@/components/States';
import { TabNav } from '@/components/Tabs';
import { useI18n } from '@/lib/i18n';
import { useMyInquiries, type Inquiry } from '../api/inquiries';
import '../inquiries.css';

/** /inquiries and /inquiries/received: the caller's inquiries, sent and received, in two tabs. */
export function InquiryList({ role }: { role: 'sent' | 'received' }) {
  const { t } = useI18n();
  const query = useMyInquiries(role);
  return (
    <>
      <TabNav
        label={t('inquiries.tabs')}
        tabs={[
          { to: '/inquiries', label: t('inquiries.tab.sent') },
          { to: '/inquiries/received', label: t('inquiries.tab.received') },
        ]}
      />
      <PagedList
        query={query}
        className="inquiry-list"
        label={t(role === 'sent' ? 'inquiries.tab.sent' : 'inquiries.tab.received')}
        empty={
          <EmptyState title={t(role === 'sent' ? 'inquiries.empty.sent' : 'inquiries.empty.received')} />
        }
        render={(i) => <InquiryRow key={i.id} inquiry={i} role={role} />}
      />
    </>
  );
}

function InquiryRow({ inquiry, role }: { inquiry: Inquiry; role: 'sent' | 'received' }) {
  const { t } = useI18n();
  return (
    <li className="inquiry-row">
      <Link to={`/inquiries/${inquiry.id}`} className="inquiry-row__title">
        {inquiry.work.title}
      </Link>
      <span className="inquiry-row__right">
        {t(`ip.medium.${inquiry.medium}`)}
        {inquiry.language ? ` (${inquiry.language})` : ''} · {inquiry.territory} · {inquiry.term}
      </span>
      <span className={`inquiry-state inquiry-state--${inquiry.state}`}>
        {t(`inquiries.state.${inquiry.state}`)}
      </span>
      <span className="inquiry-row__meta">
        {role === 'received' && (
          <>{t('inquiries.from', { name: inquiry.inquirer.displayName || inquiry.inquirer.handle })} · </>
        )}
        <RelativeTime iso={inquiry.updatedAt} />
      </span>
    </li>
  );
}
