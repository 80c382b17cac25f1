import { ButtonLink } from '@/components/Button';
import { Page } from '@/components/Page';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { VerifyPanel } from '@/features/registry/components/VerifyPanel';

/** /registry/verify — anyone checks a text, a paragraph or a hash against the registry. */
export function RegistryVerifyRoute() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <Page
      title={t('registry.verify.title')}
      lead={t('registry.verify.lead')}
      actions={
        user ? (
          <ButtonLink to="/registry/drafts/new">{t('registry.verify.registerDraft')}</ButtonLink>
        ) : undefined
      }
    >
      <VerifyPanel />
    </Page>
  );
}
