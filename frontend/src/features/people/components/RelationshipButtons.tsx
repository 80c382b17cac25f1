import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Profile } from '@/types/api';
import { useRelationship } from '../api/relationship';

/**
 * Follow, mute and block for a signed-in viewer of someone else's profile (the server sends a
 * relationship only then). Blocking asks first: it also ends the follows both ways.
 */
export function RelationshipButtons({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const change = useRelationship(profile.handle);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const rel = profile.relationship;
  if (!rel) return null;
  const name = profile.displayName || profile.handle;
  const busy = change.isPending;

  return (
    <div className="relationship">
      {rel.followsYou && <span className="badge relationship__follows-you">{t('profile.followsYou')}</span>}
      {!rel.blocked && (
        <Button
          variant={rel.following ? 'secondary' : 'primary'}
          busy={busy && change.variables?.kind === 'follow'}
          aria-pressed={rel.following}
          onClick={() => change.mutate({ kind: 'follow', on: !rel.following })}
        >
          {rel.following ? t('profile.unfollow') : t('profile.follow')}
        </Button>
      )}
      {rel.blocked && (
        <Button variant="secondary" busy={busy} onClick={() => change.mutate({ kind: 'block', on: false })}>
          {t('profile.unblock')}
        </Button>
      )}
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button variant="ghost" aria-label={t('profile.more', { name })}>
            <span aria-hidden="true">⋯</span>
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={6}>
            <Menu.Item
              className="menu__item"
              onSelect={() => change.mutate({ kind: 'mute', on: !rel.muted })}
            >
              {rel.muted ? t('profile.unmute') : t('profile.mute')}
            </Menu.Item>
            {rel.blocked ? (
              <Menu.Item className="menu__item" onSelect={() => change.mutate({ kind: 'block', on: false })}>
                {t('profile.unblock')}
              </Menu.Item>
            ) : (
              <Menu.Item className="menu__item menu__item--danger" onSelect={() => setConfirmBlock(true)}>
                {t('profile.block')}
              </Menu.Item>
            )}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {rel.muted && <span className="badge">{t('profile.mutedBadge')}</span>}
      {change.isError && !confirmBlock && (
        <p className="field__error relationship__error" role="alert">
          {errors.problem(change.error)}
        </p>
      )}
      <Dialog
        open={confirmBlock}
        onOpenChange={(open) => {
          setConfirmBlock(open);
          if (!open) change.reset();
        }}
        title={t('profile.blockTitle', { name })}
        description={t('profile.blockBody')}
        actions={
          <Button
            variant="danger"
            busy={busy}
            onClick={() =>
              change.mutate({ kind: 'block', on: true }, { onSuccess: () => setConfirmBlock(false) })
            }
          >
            {t('profile.block')}
          </Button>
        }
      >
        {change.isError && <p className="field__error">{errors.problem(change.error)}</p>}
      </Dialog>
    </div>
  );
}
