import { useNavigate, useParams } from 'react-router';
import { Page } from '@/components/Page';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { Composer } from '@/features/composer/components/Composer';
import { useGroup } from '@/features/groups/api/getGroup';
import { topicPath } from '@/features/topics/components/TopicBits';
import { NotFoundRoute } from './NotFoundRoute';
import { SignInPrompt } from './SignInPrompt';

/** /g/{slug}/new: the composer for a topic in a group. */
export function NewGroupTopicRoute() {
  const { t } = useI18n();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { user, isPending } = useSession();
  const group = useGroup(slug);
  if (isPending || group.isPending) return <LoadingState />;
  if (group.isError) {
    if (isApiError(group.error) && group.error.status === 404) return <NotFoundRoute />;
    return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
  }
  const g = group.data;
  return (
    <Page title={t('board.newTopic')} heading={t('composer.newTopicTitle')} width="wide">
      {!user ? (
        <SignInPrompt title={t('board.signInToPost')} />
      ) : !g.permissions.canPost ? (
        <EmptyState title={t('group.cannotPost')} icon="⊘" />
      ) : (
        <Composer
          mode={{ kind: 'topic', group: g.slug, groupName: g.name }}
          onDone={(result) => {
            if (result.kind === 'topic') navigate(topicPath(result.topic), { replace: true });
          }}
          onCancel={() => navigate(`/g/${encodeURIComponent(g.slug)}/discussions`)}
        />
      )}
    </Page>
  );
}
