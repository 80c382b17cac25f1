import { useNavigate, useParams } from 'react-router';
import { Page } from '@/components/Page';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useBoard } from '@/features/boards/api/getBoard';
import { Composer } from '@/features/composer/components/Composer';
import { topicPath } from '@/features/topics/components/TopicBits';
import { SignInPrompt } from './SignInPrompt';

export function NewTopicRoute() {
  const { t, locale } = useI18n();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const { user, isPending } = useSession();
  const board = useBoard(slug);
  if (isPending || board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const name = locale === 'zh-CN' ? board.data.nameZh : board.data.nameEn;
  const boardPath = `/b/${encodeURIComponent(board.data.slug)}`;
  return (
    <Page title={t('board.newTopic')} heading={t('composer.newTopicTitle')} width="wide">
      {!user ? (
        <SignInPrompt title={t('board.signInToPost')} />
      ) : !board.data.permissions?.canCreateTopic ? (
        <EmptyState title={t('board.cannotPost')} icon="⊘" />
      ) : (
        <Composer
          mode={{ kind: 'topic', board: board.data.slug, boardName: name }}
          onDone={(result) => {
            if (result.kind === 'topic') navigate(topicPath(result.topic), { replace: true });
          }}
          onCancel={() => navigate(boardPath)}
        />
      )}
    </Page>
  );
}
