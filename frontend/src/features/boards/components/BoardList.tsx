import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import type { Board } from '@/types/api';
import { useBoards } from '../api/getBoards';
import './BoardList.css';

/** A board's colour comes from the server; anything but a hex colour falls back to the accent. */
export function boardStyle(color: string): CSSProperties {
  return /^#[0-9a-fA-F]{3,8}$/.test(color) ? ({ '--board-color': color } as CSSProperties) : {};
}

function BoardCard({ board, extra }: { board: Board; extra?: ReactNode }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const zh = locale === 'zh-CN';
  const name = zh ? board.nameZh : board.nameEn;
  const other = zh ? board.nameEn : board.nameZh;
  const description = zh ? board.descriptionZh : board.descriptionEn;
  return (
    <li className="board-card" style={boardStyle(board.color)}>
      <h3 className="board-card__name">
        <Link to={`/b/${encodeURIComponent(board.slug)}`} className="board-card__link">
          {name}
        </Link>
      </h3>
      <p className="board-card__other" lang={zh ? 'en' : 'zh-CN'}>
        {other}
      </p>
      {description && <p className="board-card__description">{description}</p>}
      <p className="board-card__meta">
        <span>
          {t(board.topicCount === 1 ? 'boards.topics.one' : 'boards.topics', {
            count: formatNumber(board.topicCount),
          })}
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          {t(board.postCount === 1 ? 'boards.posts.one' : 'boards.posts', {
            count: formatNumber(board.postCount),
          })}
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          {board.lastActivityAt
            ? t('boards.lastActivity', { date: formatDate(board.lastActivityAt) })
            : t('boards.noActivity')}
        </span>
      </p>
      {extra}
    </li>
  );
}

function BoardSkeleton() {
  const { t } = useI18n();
  return (
    <ul className="board-list" aria-busy="true" aria-label={t('boards.loading')}>
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="board-card board-card--skeleton" aria-hidden="true">
          <span className="skeleton skeleton--title" />
          <span className="skeleton skeleton--line" />
          <span className="skeleton skeleton--line skeleton--short" />
        </li>
      ))}
    </ul>
  );
}

/** The top-level boards as cards; `renderExtra` adds to each card (the home page's latest topics). */
export function BoardList({ renderExtra }: { renderExtra?: (board: Board) => ReactNode } = {}) {
  const { t } = useI18n();
  const boards = useBoards();

  if (boards.isPending) return <BoardSkeleton />;
  if (boards.isError) return <ErrorState error={boards.error} onRetry={() => void boards.refetch()} />;
  const top = boards.data.items.filter((b) => (b.parentId ?? null) === null);
  if (top.length === 0) {
    return <EmptyState title={t('boards.empty.title')}>{t('boards.empty.body')}</EmptyState>;
  }
  return (
    <ul className="board-list">
      {top.map((board) => (
        <BoardCard key={board.id} board={board} extra={renderExtra?.(board)} />
      ))}
    </ul>
  );
}
