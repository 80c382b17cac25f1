import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { Icon } from '@/components/Icon';
import { useI18n } from '@/lib/i18n';
import type { BoardRef, GroupRef, Pinned } from '@/types/api';

/** A board's colour from the server; anything but a hex colour falls back to the accent. */
export function boardColor(color: string): CSSProperties {
  return /^#[0-9a-fA-F]{3,8}$/.test(color) ? ({ '--board-color': color } as CSSProperties) : {};
}

export function BoardChip({ board }: { board: BoardRef }) {
  const { locale } = useI18n();
  return (
    <Link to={`/b/${encodeURIComponent(board.slug)}`} className="board-chip" style={boardColor(board.color)}>
      {locale === 'zh-CN' ? board.nameZh : board.nameEn}
    </Link>
  );
}

export function GroupChip({ group }: { group: GroupRef }) {
  const { t } = useI18n();
  return (
    <Link to={`/g/${encodeURIComponent(group.slug)}`} className="board-chip group-chip">
      <span className="visually-hidden">{t('topic.inGroup')} </span>
      {group.name}
    </Link>
  );
}

/** Where a topic lives: its board, or its group. */
export function PlaceChip({ topic }: { topic: { board?: BoardRef | null; group?: GroupRef | null } }) {
  if (topic.group) return <GroupChip group={topic.group} />;
  if (topic.board) return <BoardChip board={topic.board} />;
  return null;
}

/** The address of the list a topic belongs to. */
export function placePath(topic: { board?: BoardRef | null; group?: GroupRef | null }): string {
  if (topic.group) return `/g/${encodeURIComponent(topic.group.slug)}/discussions`;
  if (topic.board) return `/b/${encodeURIComponent(topic.board.slug)}`;
  return '/latest';
}

export function TagList({ tags }: { tags: readonly string[] | null | undefined }) {
  const { t } = useI18n();
  if (!tags || tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={t('topic.tags')}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={`/tag/${encodeURIComponent(tag)}`} className="tag">
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Pinned, locked and closed as small icons, each with its words for screen readers. */
export function StatusIcons({
  pinned,
  locked,
  closed,
}: {
  pinned: Pinned;
  locked: boolean;
  closed: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {pinned !== 'none' && (
        <span className="status-icon" title={t(pinned === 'global' ? 'topic.pinnedGlobal' : 'topic.pinned')}>
          <Icon name="pin" />
          <span className="visually-hidden">
            {t(pinned === 'global' ? 'topic.pinnedGlobal' : 'topic.pinned')}
          </span>
        </span>
      )}
      {locked && (
        <span className="status-icon" title={t('topic.locked')}>
          <Icon name="lock" />
          <span className="visually-hidden">{t('topic.locked')}</span>
        </span>
      )}
      {closed && (
        <span className="status-icon" title={t('topic.closed')}>
          <Icon name="closed" />
          <span className="visually-hidden">{t('topic.closed')}</span>
        </span>
      )}
    </>
  );
}

/** The address of a topic, or of one of its posts. */
export function topicPath(topic: { slug: string; id: number }, postNumber?: number | null): string {
  const base = `/t/${encodeURIComponent(topic.slug)}/${topic.id}`;
  return postNumber && postNumber > 1 ? `${base}/${postNumber}` : base;
}
