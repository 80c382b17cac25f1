import { useParams } from 'react-router';
import { LoadingState } from '@/components/States';
import { InquiryThread } from '@/features/inquiries/components/InquiryThread';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { SignInPrompt } from './SignInPrompt';

/** /inquiries/:id — one inquiry's private thread. */
export function InquiryRoute() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <div className="page page--reading">
      <title>{`${t('inquiries.title')} · ${t('app.name')}`}</title>
      {user ? <InquiryThread key={id} id={Number(id)} /> : <SignInPrompt title={t('inquiries.signedOut')} />}
    </div>
  );
}
