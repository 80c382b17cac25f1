import { useParams } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { SeriesView } from '@/features/works/components/Series';

export function SeriesRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <div className="page page--wide">
      <title>{`${t('works.series.kicker')} · ${t('app.name')}`}</title>
      <SeriesView key={id} id={Number(id)} />
    </div>
  );
}
