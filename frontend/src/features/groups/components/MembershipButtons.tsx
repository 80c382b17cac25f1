import { useState } from 'react';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Group } from '@/types/api';
import { useFollowGroup, useMyMembership } from '../api/members';

/** What the caller can do about belonging to a group, from the server's membership and flags. */
export type MembershipUi =
  | { kind: 'signIn' }
  | { kind: 'join' }
  | { kind: 'request' }
  | { kind: 'pending' }
  | { kind: 'invited' }
  | { kind: 'member'; canLeave: boolean }
  | { kind: 'banned' }
  | { kind: 'none' };

export function membershipUi(group: Group, signedIn: boolean): MembershipUi {
  const m = group.membership ?? null;
  const p = group.permissions;
  if (m?.state === 'banned') return { kind: 'banned' };
  if (m?.state === 'pending') return { kind: 'pending' };
  if (m?.state === 'invited') return { kind: 'invited' };
  if (m?.state === 'active') return { kind: 'member', canLeave: p.canLeave };
  if (!signedIn) return group.visibility === 'secret' ? { kind: 'none' } : { kind: 'signIn' };
  if (p.canJoin) return { kind: 'join' };
  if (p.canRequestToJoin) return { kind: 'request' };
  return { kind: 'none' };
}

/** Join, request, accept an invitation, leave, and follow — each as the server allows. */
export function MembershipButtons({ group, signedIn }: { group: Group; signedIn: boolean }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const { pathname } = useLocation();
  const membership = useMyMembership(group.slug);
  const follow = useFollowGroup(group.slug);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const ui = membershipUi(group, signedIn);
  const busy = (action: 'join' | 'leave') => membership.isPending && membership.variables === action;
  const join = () => membership.mutate('join');
  const leave = () => membership.mutate('leave', { onSuccess: () => setConfirmLeave(false) });

  let main;
  switch (ui.kind) {
    case 'signIn':
      main = (
        <ButtonLink to={`/signin?next=${encodeURIComponent(pathname)}`} variant="primary">
          {t('group.signInToJoin')}
        </ButtonLink>
      );
      break;
    case 'join':
      main = (
        <Button variant="primary" busy={busy('join')} onClick={join}>
          {t('group.join')}
        </Button>
      );
      break;
    case 'request':
      main = (
        <Button variant="primary" busy={busy('join')} onClick={join}>
          {t('group.requestToJoin')}
        </Button>
      );
      break;
    case 'pending':
      main = (
        <>
          <span className="badge group-state">{t('group.requestPending')}</span>
          <Button variant="ghost" busy={busy('leave')} onClick={() => membership.mutate('leave')}>
            {t('group.cancelRequest')}
          </Button>
        </>
      );
      break;
    case 'invited':
      main = (
        <>
          <Button variant="primary" busy={busy('join')} onClick={join}>
            {t('group.acceptInvitation')}
          </Button>
          <Button variant="secondary" busy={busy('leave')} onClick={() => membership.mutate('leave')}>
            {t('group.declineInvitation')}
          </Button>
        </>
      );
      break;
    case 'member':
      main = (
        <>
          <span className="badge group-state">{t(`group.role.${group.membership?.role ?? 'member'}`)}</span>
          {ui.canLeave && (
            <Button variant="secondary" onClick={() => setConfirmLeave(true)}>
              {t('group.leave')}
            </Button>
          )}
        </>
      );
      break;
    case 'banned':
      main = <span className="badge group-state group-state--banned">{t('group.banned')}</span>;
      break;
    default:
      main = null;
  }

  return (
    <div className="membership">
      {main}
      {signedIn && ui.kind !== 'banned' && group.permissions.canReadContent && (
        <Button
          variant="ghost"
          aria-pressed={group.following === true}
          busy={follow.isPending}
          onClick={() => follow.mutate(!group.following)}
        >
          {group.following ? t('group.unfollow') : t('group.follow')}
        </Button>
      )}
      {(membership.isError || follow.isError) && !confirmLeave && (
        <p className="field__error membership__error" role="alert">
          {errors.problem(membership.error ?? follow.error)}
        </p>
      )}
      <Dialog
        open={confirmLeave}
        onOpenChange={(open) => {
          setConfirmLeave(open);
          if (!open) membership.reset();
        }}
        title={t('group.leaveTitle', { name: group.name })}
        description={t(group.visibility === 'public' ? 'group.leaveBodyPublic' : 'group.leaveBody')}
        actions={
          <Button variant="danger" busy={busy('leave')} onClick={leave}>
            {t('group.leave')}
          </Button>
        }
      >
        {membership.isError && <p className="field__error">{errors.problem(membership.error)}</p>}
      </Dialog>
    </div>
  );
}
