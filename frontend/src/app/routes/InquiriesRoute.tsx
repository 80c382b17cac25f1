import { Page } from '@/components/Page';
import { LoadingState } from '@/components/States';
import { InquiryList } from '@/features/inquiries/components/InquiryList';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { SignInPrompt } from './SignInPrompt';

/** /inquiries (sent) and /inquiries/received: the caller's adaptation inquiries. */
export function InquiriesRoute({ role }: { role: 'sent' | 'received' }) {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('inquiries.title')} lead={user ? t('inquiries.lead') : undefined}>
      {user ? <InquiryList key={role} role={role} /> : <SignInPrompt title={t('inquiries.signedOut')} />}
    </Page>
  );
}
