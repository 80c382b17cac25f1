import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import type { EvidenceEntry, ReportLine } from '../api/moderation';

/**
 * A copyright report's evidence as a timeline: both sides' registry entries oldest first, each
 * with its side, time, chain position, hash and the paragraphs that match the other side.
 */
export function CopyrightTimeline({ entries, reports }: { entries: EvidenceEntry[]; reports: ReportLine[] }) {
  const { t, formatDateTime } = useI18n();
  const claimedWorks = [...new Set(reports.map((r) => r.originalWorkId).filter((id) => id != null))];
  return (
    <section className="mod-copyright" aria-label={t('moderation.copyright.title')}>
      <h3 className="mod-copyright__title">{t('moderation.copyright.title')}</h3>
      {claimedWorks.length > 0 && (
        <p className="mod-copyright__claim">
          {t('moderation.copyright.claimedWorks')}{' '}
          {claimedWorks.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link to={`/works/${id}`}>#{id}</Link>
            </span>
          ))}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="mod-copyright__empty">{t('moderation.copyright.none')}</p>
      ) : (
        <ol className="mod-timeline">
          {entries.map((e) => (
            <li key={`${e.side}-${e.id}`} className={`mod-timeline__entry mod-timeline__entry--${e.side}`}>
              <span className={`mod-side mod-side--${e.side}`}>
                {t(`moderation.copyright.side.${e.side}`)}
              </span>{' '}
              <time dateTime={e.registeredAt}>{formatDateTime(e.registeredAt)}</time> ·{' '}
              <Link to={`/registry/entries/${e.id}`}>{t('moderation.copyright.entry', { id: e.id })}</Link>
              {e.workId != null && (
                <span>
                  {' '}
                  · {t('moderation.copyright.work', { work: e.workId, chapter: e.chapterNumber ?? '–' })}
                </span>
              )}
              <code className="mod-timeline__hash" title={e.contentHash}>
                {e.contentHash.slice(0, 12)}…
              </code>
              <span className="mod-timeline__match">
                {e.matchingParagraphs.length > 0
                  ? t('moderation.copyright.matching', {
                      count: e.matchingParagraphs.length,
                      total: e.paragraphCount,
                      positions: e.matchingParagraphs.join(', '),
                    })
                  : t('moderation.copyright.noMatch')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
