import { useParams } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { AskAboutRights } from '@/features/inquiries/components/AskAboutRights';
import { WorkReader } from '@/features/works/components/WorkReader';

export function WorkRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  return (
    <div className="page page--wide">
      <title>{`${t('works.title')} · ${t('app.name')}`}</title>
      <WorkReader
        key={id}
        id={Number(id)}
        rightsActions={(w) =>
          w.permissions.canInquire ? <AskAboutRights workId={w.id} rights={w.rights ?? []} /> : null
        }
      />
    </div>
  );
}
