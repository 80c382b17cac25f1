import { useNavigate } from 'react-router';
import { Page } from '@/components/Page';
import { LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { GroupForm } from '@/features/groups/components/GroupForm';
import { SignInPrompt } from './SignInPrompt';

export function NewGroupRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('groups.new')} lead={t('groups.newLead')}>
      {user ? (
        <GroupForm onSaved={(group) => navigate(`/g/${encodeURIComponent(group.slug)}`, { replace: true })} />
      ) : (
        <SignInPrompt title={t('groups.signInToCreate')} />
      )}
    </Page>
  );
}
