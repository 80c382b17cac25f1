import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import type { WorkCard } from '../api/types';

/** Rating, warnings, type, status and tags: what a reader should know before the text. */
export function WorkTags({
  work,
}: {
  work: Pick<WorkCard, 'rating' | 'warnings' | 'type' | 'status' | 'genres' | 'tags'>;
}) {
  const { t } = useI18n();
  return (
    <ul className="work-tags" aria-label={t('works.tags.label')}>
      <li className={`work-tag work-tag--rating work-tag--${work.rating}`}>
        {t(`works.rating.${work.rating}`)}
      </li>
      {work.warnings.map((w) => (
        <li key={`w-${w}`} className="work-tag work-tag--warning">
          {t('works.warning', { warning: w })}
        </li>
      ))}
      <li className="work-tag">{t(`works.type.${work.type}`)}</li>
      <li className="work-tag">{t(`works.status.${work.status}`)}</li>
      {[...work.genres, ...work.tags].map((tag) => (
        <li key={`t-${tag}`} className="work-tag work-tag--free">
          <Link to={`/works?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
        </li>
      ))}
    </ul>
  );
}
