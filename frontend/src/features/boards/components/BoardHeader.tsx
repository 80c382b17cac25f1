import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import type { Board } from '@/types/api';
import { boardStyle } from './BoardList';

/** A board's name in the reader's language (the other one beneath), description and counts. */
export function BoardHeader({ board, actions }: { board: Board; actions?: ReactNode }) {
  const { t, locale, formatNumber } = useI18n();
  const zh = locale === 'zh-CN';
  const description = zh ? board.descriptionZh : board.descriptionEn;
  return (
    <header className="board-header" style={boardStyle(board.color)}>
      <div className="board-header__text">
        <h1 className="board-header__name">{zh ? board.nameZh : board.nameEn}</h1>
        <p className="board-header__other" lang={zh ? 'en' : 'zh-CN'}>
          {zh ? board.nameEn : board.nameZh}
        </p>
        {description && <p className="board-header__description">{description}</p>}
        <p className="board-header__meta muted">
          {t(board.topicCount === 1 ? 'boards.topics.one' : 'boards.topics', {
            count: formatNumber(board.topicCount),
          })}
          <span aria-hidden="true"> · </span>
          {t(board.postCount === 1 ? 'boards.posts.one' : 'boards.posts', {
            count: formatNumber(board.postCount),
          })}
        </p>
      </div>
      {actions && <div className="board-header__actions">{actions}</div>}
    </header>
  );
}
