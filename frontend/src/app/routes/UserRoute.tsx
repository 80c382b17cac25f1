import { useState } from 'react';
import { useParams } from 'react-router';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { EmptyState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { api } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { useQuery } from '@tanstack/react-query';
import { ReportDialog } from '@/components/ReportDialog';
import { UserModerationPanel } from '@/features/moderation/components/UserModerationPanel';

/** Where mentions link; profiles themselves come with the people feature. Staff get the moderation panel. */
export function UserRoute() {
  const { t } = useI18n();
  const { handle = '' } = useParams();
  const { user } = useSession();
  const [reporting, setReporting] = useState(false);
  const profile = useQuery({
    queryKey: ['profile', handle],
    queryFn: () => api<{ id: number; handle: string }>(`/users/${encodeURIComponent(handle)}`),
    enabled: user !== null,
  });
  const staff = user?.role === 'moderator' || user?.role === 'admin';
  const other = user !== null && user.handle.toLowerCase() !== handle.toLowerCase();
  return (
    <Page title={`@${handle}`}>
      <EmptyState title={t('user.soon.title')} icon="☺">
        {t('user.soon.body', { handle })}
      </EmptyState>
      {other && profile.data && (
        <>
          <Button size="sm" variant="secondary" onClick={() => setReporting(true)}>
            {t('moderation.report.user')}
          </Button>
          <ReportDialog
            open={reporting}
            onOpenChange={setReporting}
            targetType="user"
            targetId={profile.data.id}
          />
        </>
      )}
      {staff && other && <UserModerationPanel handle={handle} />}
    </Page>
  );
}
