import { Link } from 'react-router';
import { CookedContent } from '@/components/CookedContent';
import { RelativeTime } from '@/components/RelativeTime';
import { useI18n } from '@/lib/i18n';
import type { WorkCard as Card } from '../api/types';
import { WorkTags } from './WorkTags';

export function Authors({ authors }: { authors: Card['authors'] }) {
  return (
    <>
      {authors.map((a, i) => (
        <span key={a.id}>
          {i > 0 && ', '}
          <Link to={`/u/${a.handle}`}>{a.displayName || a.handle}</Link>
        </span>
      ))}
    </>
  );
}

/** A work in a list: title, authors, tags and warnings, summary, numbers. */
export function WorkCard({ work }: { work: Card }) {
  const { t, formatNumber } = useI18n();
  return (
    <article className="work-card" aria-labelledby={`work-${work.id}-title`}>
      <header className="work-card__head">
        <h3 className="work-card__title" id={`work-${work.id}-title`}>
          <Link to={`/works/${work.id}`}>{work.title}</Link>
        </h3>
        <p className="work-card__by">
          {t('works.by')} <Authors authors={work.authors} />
          {work.visibility !== 'public' && (
            <span className="work-badge">{t(`works.visibility.${work.visibility}`)}</span>
          )}
        </p>
      </header>
      <WorkTags work={work} />
      {work.summaryHtml && <CookedContent html={work.summaryHtml} className="work-card__summary" />}
      <dl className="work-stats">
        <dt>{t('works.stats.language')}</dt>
        <dd>{t(`works.language.${work.language}`)}</dd>
        <dt>{t('works.stats.words')}</dt>
        <dd>{formatNumber(work.wordCount)}</dd>
        <dt>{t('works.stats.chapters')}</dt>
        <dd>{formatNumber(work.chapterCount)}</dd>
        <dt>{t('works.stats.kudos')}</dt>
        <dd>{formatNumber(work.kudos)}</dd>
        <dt>{t('works.stats.bookmarks')}</dt>
        <dd>{formatNumber(work.bookmarks)}</dd>
        <dt>{t('works.stats.hits')}</dt>
        <dd>{formatNumber(work.hits)}</dd>
        <dt>{t('works.stats.updated')}</dt>
        <dd>
          <RelativeTime iso={work.revisedAt} />
        </dd>
      </dl>
    </article>
  );
}
