import type { ComponentType } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useDashboard, type WorkStats } from '../api/getDashboard';
import { Sparkline } from './Sparkline';
import '../dashboard.css';

/**
 * One section of the dashboard page: a heading and a self-loading component; `HeaderAside`
 * (optional, self-loading too) is shown in the section's header next to the heading.
 */
export interface DashboardSection {
  id: string;
  title: MessageKey;
  Component: ComponentType;
  HeaderAside?: ComponentType;
}

/**
 * The author dashboard: its sections in order. Routes compose the list, so another feature adds a
 * section (its own component and endpoint) without touching this one.
 */
export function DashboardLayout({ sections }: { sections: DashboardSection[] }) {
  const { t } = useI18n();
  return (
    <div className="dashboard">
      {sections.map(({ id, title, Component, HeaderAside }) => (
        <section key={id} className="dashboard__section" aria-labelledby={`dashboard-${id}`}>
          <header className="dashboard__section-header">
            <h2 id={`dashboard-${id}`}>{t(title)}</h2>
            {HeaderAside && <HeaderAside />}
          </header>
          <Component />
        </section>
      ))}
    </div>
  );
}

function RightsBadges({ work }: { work: WorkStats }) {
  const { t } = useI18n();
  if (work.rights.length === 0) return <span className="dashboard__muted">{t('dashboard.rights.none')}</span>;
  return (
    <ul className="dashboard__badges">
      {work.rights.map((r) => (
        <li
          key={`${r.medium}:${r.language ?? ''}`}
          className={`dashboard__badge dashboard__badge--${r.status}`}
        >
          {t(`ip.medium.${r.medium}`)}
          {r.language ? ` (${r.language})` : ''}: {t(`ip.status.${r.status}`)}
        </li>
      ))}
    </ul>
  );
}

/** Per work: visibility, size, reading stats with a 30-day sparkline, rights and registrations. */
export function WorksStatsSection() {
  const { t, formatNumber } = useI18n();
  const query = useDashboard();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const works = query.data.works;
  if (works.length === 0) return <EmptyState title={t('dashboard.works.empty')} />;
  return (
    <div className="dashboard__scroll">
      <table className="dashboard__table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.col.work')}</th>
            <th scope="col">{t('dashboard.col.words')}</th>
            <th scope="col">{t('dashboard.col.hits')}</th>
            <th scope="col">{t('dashboard.col.last30')}</th>
            <th scope="col">{t('dashboard.col.kudos')}</th>
            <th scope="col">{t('dashboard.col.bookmarks')}</th>
            <th scope="col">{t('dashboard.col.subscribers')}</th>
            <th scope="col">{t('dashboard.col.comments')}</th>
            <th scope="col">{t('dashboard.col.rights')}</th>
            <th scope="col">{t('dashboard.col.inquiries')}</th>
            <th scope="col">{t('dashboard.col.registrations')}</th>
          </tr>
        </thead>
        <tbody>
          {works.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <Link to={`/works/${w.id}`}>{w.title}</Link>
                <span className="dashboard__muted">
                  {t(`works.visibility.${w.visibility}`)} · {t(`works.status.${w.status}`)} ·{' '}
                  {t(w.chapters === 1 ? 'dashboard.chapters.one' : 'dashboard.chapters', {
                    count: w.chapters,
                  })}
                </span>
              </th>
              <td>{formatNumber(w.wordCount)}</td>
              <td>{formatNumber(w.hits)}</td>
              <td>
                <Sparkline days={w.hitsByDay} />
              </td>
              <td>{formatNumber(w.kudos)}</td>
              <td>{formatNumber(w.bookmarks)}</td>
              <td>{formatNumber(w.subscribers)}</td>
              <td>{formatNumber(w.comments)}</td>
              <td>
                <RightsBadges work={w} />
              </td>
              <td>
                {w.inquiries.total === 0 ? (
                  formatNumber(0)
                ) : (
                  <Link to="/inquiries/received">
                    {t('dashboard.inquiries', {
                      open: formatNumber(w.inquiries.open),
                      total: formatNumber(w.inquiries.total),
                    })}
                  </Link>
                )}
              </td>
              <td>
                {formatNumber(w.registrations.count)}
                {w.registrations.latest && (
                  <>
                    {' · '}
                    <Link to={`/registry/entries/${w.registrations.latest.id}`}>
                      {t('dashboard.latestEntry', { id: w.registrations.latest.id })}
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The caller's registry entries, newest first, each linking its certificate. */
export function RegistrationsSection() {
  const { t, formatDateTime } = useI18n();
  const query = useDashboard();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const entries = query.data.registrations;
  if (entries.length === 0) return <EmptyState title={t('dashboard.registrations.empty')} />;
  return (
    <ol className="dashboard__entries">
      {entries.map((e) => (
        <li key={e.id}>
          <Link to={`/registry/entries/${e.id}`}>{t('dashboard.certificate', { id: e.id })}</Link>{' '}
          <span className="dashboard__muted">
            {t(`registry.kind.${e.kind}`)} ·{' '}
            <time dateTime={e.registeredAt}>{formatDateTime(e.registeredAt)}</time>
          </span>{' '}
          {e.kind === 'draft'
            ? t('dashboard.draftByHash')
            : e.workTitle && (
                <Link to={`/works/${e.workId}${e.chapterNumber ? `?chapter=${e.chapterNumber}` : ''}`}>
                  {e.workTitle}
                  {e.chapterNumber ? ` · ${t('dashboard.chapterNumber', { n: e.chapterNumber })}` : ''}
                </Link>
              )}
          <code className="dashboard__hash">{e.contentHash.slice(0, 16)}…</code>
        </li>
      ))}
    </ol>
  );
}
