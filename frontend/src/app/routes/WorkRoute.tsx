import { useParams } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { WorkReader } from '@/features/works/components/WorkReader';

export function WorkRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <div className="page page--wide">
      <title>{`${t('works.title')} · ${t('app.name')}`}</title>
      <WorkReader key={id} id={Number(id)} />
    </div>
  );
}
