import { Page } from '@/components/Page';
import { LoadingState } from '@/components/States';
import {
  DashboardLayout,
  RegistrationsSection,
  WorksStatsSection,
  type DashboardSection,
} from '@/features/dashboard/components/DashboardSections';
import {
  ReceivedInquiriesSection,
  ReceivedInquiryCounts,
} from '@/features/inquiries/components/ReceivedInquiriesSection';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { SignInPrompt } from './SignInPrompt';

/** The dashboard's sections in order; another feature's section is one more entry here. */
const SECTIONS: DashboardSection[] = [
  { id: 'works', title: 'dashboard.works', Component: WorksStatsSection },
  {
    id: 'inquiries',
    title: 'inquiries.dashboard.title',
    Component: ReceivedInquiriesSection,
    HeaderAside: ReceivedInquiryCounts,
  },
  { id: 'registrations', title: 'dashboard.registrations', Component: RegistrationsSection },
];

/** /dashboard — the author dashboard. */
export function DashboardRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('dashboard.title')} lead={user ? t('dashboard.lead') : undefined} width="wide">
      {user ? <DashboardLayout sections={SECTIONS} /> : <SignInPrompt title={t('dashboard.signedOut')} />}
    </Page>
  );
}
