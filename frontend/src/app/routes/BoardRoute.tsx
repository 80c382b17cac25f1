import { useParams } from 'react-router';
import { ButtonLink } from '@/components/Button';
import { ErrorState, LoadingState } from '@/components/States';
import { WatchControl } from '@/components/WatchControl';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useBoard } from '@/features/boards/api/getBoard';
import { BoardHeader } from '@/features/boards/components/BoardHeader';
import { FollowToggle } from '@/features/people/components/FollowToggle';
import { TopicList } from '@/features/topics/components/TopicList';

export function BoardRoute() {
  const { t, locale } = useI18n();
  const { slug = '' } = useParams();
  const { user } = useSession();
  const board = useBoard(slug);
  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  const b = board.data;
  const name = locale === 'zh-CN' ? b.nameZh : b.nameEn;
  const newTopic = `/b/${encodeURIComponent(b.slug)}/new`;
  const action = b.permissions?.canCreateTopic ? (
    <ButtonLink to={newTopic} variant="primary">
      {t('board.newTopic')}
    </ButtonLink>
  ) : !user ? (
    <ButtonLink to={`/signin?next=${encodeURIComponent(newTopic)}`} variant="secondary">
      {t('board.signInToPost')}
    </ButtonLink>
  ) : null;
  return (
    <div className="board-page">
      <title>{`${name} · ${t('app.name')}`}</title>
      <BoardHeader
        board={b}
        actions={
          <>
            <FollowToggle target={{ kind: 'board', slug: b.slug }} />
            {user && <WatchControl type="boards" id={b.slug} />}
            {action}
          </>
        }
      />
      <TopicList source={{ kind: 'board', slug: b.slug }} emptyAction={action} />
    </div>
  );
}
