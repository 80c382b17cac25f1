import { Page } from '@/components/Page';
import { LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { DraftForm } from '@/features/registry/components/DraftForm';
import { SignInPrompt } from './SignInPrompt';

/** /registry/drafts/new — a signed-in writer registers a draft by its hashes. */
export function RegistryDraftRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('registry.draft.title')} lead={user ? t('registry.draft.lead') : undefined}>
      {user ? <DraftForm /> : <SignInPrompt title={t('registry.draft.signedOut')} />}
    </Page>
  );
}
