import * as Popover from '@radix-ui/react-popover';
import { useState } from 'react';
import { Icon } from '@/components/Icon';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Post, Reaction, ReactionKind } from '@/types/api';
import { useReactors } from '../api/getReactors';
import { useReact } from '../api/react';

/** The emoji reactions, in the server's order; `like` is shown apart as the heart button. */
export const EMOJI: readonly { kind: ReactionKind; glyph: string }[] = [
  { kind: 'thumbs_up', glyph: '👍' },
  { kind: 'heart', glyph: '❤️' },
  { kind: 'laugh', glyph: '😂' },
  { kind: 'thinking', glyph: '🤔' },
  { kind: 'rocket', glyph: '🚀' },
  { kind: 'eyes', glyph: '👀' },
];

function find(reactions: readonly Reaction[], kind: ReactionKind): Reaction {
  return reactions.find((r) => r.kind === kind) ?? { kind, count: 0, reacted: false };
}

/**
 * Likes and emoji reactions of one post: counts, the caller's own toggled on or off, and who
 * reacted (in each button's tooltip once hovered or focused, and in a list on click).
 */
export function Reactions({ post }: { post: Post }) {
  const { t, formatNumber } = useI18n();
  const errors = useErrorText();
  const react = useReact(post);
  const [peek, setPeek] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const reactors = useReactors(post.id, peek);
  const reactions = post.reactions ?? [];
  const canReact = post.permissions.canReact;
  const total = reactions.reduce((n, r) => n + r.count, 0);

  const names = (kind: ReactionKind) => {
    const entry = reactors.data?.items.find((r) => r.kind === kind);
    if (!entry) return undefined;
    const shown = entry.users.map((u) => u.displayName || u.handle).join(', ');
    const more = entry.count - entry.users.length;
    return more > 0 ? t('reactions.andMore', { names: shown, count: more }) : shown;
  };

  const toggle = (kind: ReactionKind) => {
    const mine = find(reactions, kind).reacted;
    react.mutate({ kind, on: !mine });
    setPickerOpen(false);
  };

  const like = find(reactions, 'like');
  const label = (kind: ReactionKind) => t(`reactions.kind.${kind}`);
  const emojiShown = EMOJI.filter((e) => find(reactions, e.kind).count > 0);

  return (
    <div className="reactions" onMouseEnter={() => setPeek(true)} onFocus={() => setPeek(true)}>
      {(canReact || like.count > 0) && (
        <button
          type="button"
          className="reaction reaction--like"
          aria-pressed={like.reacted}
          disabled={!canReact || react.isPending}
          title={names('like')}
          aria-label={t('reactions.toggle', { label: label('like'), count: like.count })}
          onClick={() => toggle('like')}
        >
          <span aria-hidden="true">{like.reacted ? '♥' : '♡'}</span>
          {like.count > 0 && <span className="reaction__count">{formatNumber(like.count)}</span>}
        </button>
      )}
      {emojiShown.map((e) => {
        const r = find(reactions, e.kind);
        return (
          <button
            key={e.kind}
            type="button"
            className="reaction"
            aria-pressed={r.reacted}
            disabled={!canReact || react.isPending}
            title={names(e.kind)}
            aria-label={t('reactions.toggle', { label: label(e.kind), count: r.count })}
            onClick={() => toggle(e.kind)}
          >
            <span aria-hidden="true">{e.glyph}</span>
            <span className="reaction__count">{formatNumber(r.count)}</span>
          </button>
        );
      })}
      {canReact && (
        <Popover.Root open={pickerOpen} onOpenChange={setPickerOpen}>
          <Popover.Trigger
            className="reaction reaction--add"
            aria-label={t('reactions.add')}
            title={t('reactions.add')}
          >
            <span aria-hidden="true">☺+</span>
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content className="popover reaction-picker" sideOffset={6} align="start">
              <div role="group" aria-label={t('reactions.add')} className="reaction-picker__grid">
                {EMOJI.map((e) => {
                  const mine = find(reactions, e.kind).reacted;
                  return (
                    <button
                      key={e.kind}
                      type="button"
                      className="reaction-picker__option"
                      aria-pressed={mine}
                      aria-label={label(e.kind)}
                      title={label(e.kind)}
                      onClick={() => toggle(e.kind)}
                    >
                      {e.glyph}
                    </button>
                  );
                })}
              </div>
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      )}
      {total > 0 && (
        <Popover.Root onOpenChange={(open) => open && setPeek(true)}>
          <Popover.Trigger
            className="reaction reaction--who"
            aria-label={t('reactions.who')}
            title={t('reactions.who')}
          >
            <Icon name="people" />
          </Popover.Trigger>
          <Popover.Portal>
            <Popover.Content className="popover reactors" sideOffset={6} align="start">
              <p className="popover__title">{t('reactions.who')}</p>
              {reactors.isPending ? (
                <p className="muted">{t('common.loading')}</p>
              ) : reactors.isError ? (
                <p className="muted">{errors.problem(reactors.error)}</p>
              ) : (
                <ul className="reactors__list">
                  {reactors.data.items.map((r) => (
                    <li key={r.kind}>
                      <span className="reactors__kind">
                        <span aria-hidden="true">
                          {r.kind === 'like' ? '♥' : EMOJI.find((e) => e.kind === r.kind)?.glyph}
                        </span>{' '}
                        {label(r.kind)} · {formatNumber(r.count)}
                      </span>
                      <span className="reactors__names">
                        {r.users.map((u) => `@${u.handle}`).join(' ')}
                        {r.count > r.users.length &&
                          ` ${t('reactions.more', { count: r.count - r.users.length })}`}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Popover.Content>
          </Popover.Portal>
        </Popover.Root>
      )}
      {react.isError && (
        <span className="reactions__error" role="alert">
          {errors.problem(react.error)}
        </span>
      )}
    </div>
  );
}
