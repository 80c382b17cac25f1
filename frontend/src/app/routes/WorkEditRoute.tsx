import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { WorkEditor } from '@/features/works/components/WorkEditor';
import { SignInPrompt } from './SignInPrompt';

export function WorkEditRoute() {
  const { t } = useI18n();
  const { id } = useParams();
  const { user, isPending } = useSession();
  const title = id ? t('works.edit') : t('works.new');
  if (!isPending && !user) {
    return (
      <Page title={title}>
        <SignInPrompt title={t('works.signInToWrite')} />
      </Page>
    );
  }
  return (
    <Page title={title}>
      <WorkEditor key={id ?? 'new'} id={id ? Number(id) : null} />
    </Page>
  );
}
