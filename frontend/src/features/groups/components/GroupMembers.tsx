import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { PagedList } from '@/components/PagedList';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { handleRules } from '@/lib/validation';
import type { Group, GroupMember, MemberState } from '@/types/api';
import { useManageMember, useMembers, type ManageAction } from '../api/members';
import './groups.css';

type Confirm = { action: ManageAction; title: string; body: string; label: string } | null;

function MemberRow({
  member,
  group,
  selfHandle,
  onAct,
  busy,
}: {
  member: GroupMember;
  group: Group;
  selfHandle: string | null;
  onAct: (action: ManageAction, confirm?: Omit<NonNullable<Confirm>, 'action'>) => void;
  busy: boolean;
}) {
  const { t } = useI18n();
  const u = member.user;
  const name = u.displayName || u.handle;
  const manage = group.permissions.canManageMembers && u.handle !== selfHandle && member.role !== 'owner';
  const isOwner = group.membership?.role === 'owner';
  // Roles are the owner's (or an administrator's) to give: the same people who may delete the group.
  const canSetRoles = group.permissions.canDelete;
  const update = (change: ManageAction & { kind: 'update' }) => onAct(change);

  let actions = null;
  if (group.permissions.canManageMembers && member.state === 'pending') {
    actions = (
      <>
        <Button
          size="sm"
          variant="primary"
          disabled={busy}
          onClick={() => update({ kind: 'update', handle: u.handle, change: { state: 'active' } })}
        >
          {t('members.approve')}
          <span className="visually-hidden"> {name}</span>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          onClick={() => onAct({ kind: 'remove', handle: u.handle })}
        >
          {t('members.decline')}
          <span className="visually-hidden"> {name}</span>
        </Button>
      </>
    );
  } else if (group.permissions.canManageMembers && member.state === 'invited') {
    actions = (
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() => onAct({ kind: 'remove', handle: u.handle })}
      >
        {t('members.cancelInvite')}
        <span className="visually-hidden"> {name}</span>
      </Button>
    );
  } else if (group.permissions.canManageMembers && member.state === 'banned') {
    actions = (
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() => onAct({ kind: 'remove', handle: u.handle })}
      >
        {t('members.unban')}
        <span className="visually-hidden"> {name}</span>
      </Button>
    );
  } else if (manage && member.state === 'active') {
    actions = (
      <Menu.Root>
        <Menu.Trigger asChild>
          <Button size="sm" variant="ghost" aria-label={t('members.manage', { name })}>
            <span aria-hidden="true">⋯</span>
          </Button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            {!canSetRoles ? null : member.role === 'member' ? (
              <Menu.Item
                className="menu__item"
                onSelect={() => update({ kind: 'update', handle: u.handle, change: { role: 'moderator' } })}
              >
                {t('members.makeModerator')}
              </Menu.Item>
            ) : (
              <Menu.Item
                className="menu__item"
                onSelect={() => update({ kind: 'update', handle: u.handle, change: { role: 'member' } })}
              >
                {t('members.makeMember')}
              </Menu.Item>
            )}
            {isOwner && (
              <Menu.Item
                className="menu__item"
                onSelect={() =>
                  onAct(
                    { kind: 'update', handle: u.handle, change: { role: 'owner' } },
                    {
                      title: t('members.transferTitle', { name }),
                      body: t('members.transferBody', { name }),
                      label: t('members.transfer'),
                    },
                  )
                }
              >
                {t('members.transfer')}
              </Menu.Item>
            )}
            {canSetRoles && <Menu.Separator className="menu__separator" />}
            <Menu.Item
              className="menu__item menu__item--danger"
              onSelect={() =>
                onAct(
                  { kind: 'remove', handle: u.handle },
                  {
                    title: t('members.removeTitle', { name }),
                    body: t('members.removeBody'),
                    label: t('members.remove'),
                  },
                )
              }
            >
              {t('members.remove')}
            </Menu.Item>
            <Menu.Item
              className="menu__item menu__item--danger"
              onSelect={() =>
                onAct(
                  { kind: 'update', handle: u.handle, change: { state: 'banned' } },
                  {
                    title: t('members.banTitle', { name }),
                    body: t('members.banBody'),
                    label: t('members.ban'),
                  },
                )
              }
            >
              {t('members.ban')}
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
    );
  }

  return (
    <li className="member-row">
      <Avatar user={u} />
      <div className="member-row__main">
        <p className="member-row__name">
          <Link to={`/u/${encodeURIComponent(u.handle)}`}>{name}</Link>
          <span className="muted"> @{u.handle}</span>
          {member.role !== 'member' && <span className="role-badge">{t(`group.role.${member.role}`)}</span>}
          <Badges badges={u.badges} />
        </p>
        <p className="member-row__meta muted">
          {t(`members.since.${member.state}`)} <RelativeTime iso={member.since} />
        </p>
      </div>
      {actions && <div className="member-row__actions">{actions}</div>}
    </li>
  );
}

function InviteForm({
  group,
  onInvite,
  pending,
  error,
  reset,
}: {
  group: Group;
  onInvite: (handle: string, done: () => void) => void;
  pending: boolean;
  error: unknown;
  reset: () => void;
}) {
  const { t } = useI18n();
  const [handle, setHandle] = useState('');
  const errors = useFormErrors({ error, reset }, ['handle']);
  return (
    <Form
      onSubmit={() => {
        const h = handle.trim().replace(/^@/, '');
        if (!errors.passes(handleRules(h))) return;
        onInvite(h, () => setHandle(''));
      }}
      failure={error}
      className="invite-form"
      aria-label={t('members.inviteTitle')}
    >
      <TextField
        label={t('members.inviteLabel')}
        hint={t(group.visibility === 'secret' ? 'members.inviteHintSecret' : 'members.inviteHint')}
        value={handle}
        autoComplete="off"
        onChange={(e) => setHandle(e.target.value)}
        error={errors.field('handle')}
      />
      <FormError error={errors.form} />
      <FormActions>
        <Button type="submit" variant="primary" busy={pending}>
          {t('members.invite')}
        </Button>
      </FormActions>
    </Form>
  );
}

function MemberSection({
  group,
  state,
  title,
  empty,
  selfHandle,
  onAct,
  busy,
  hideWhenEmpty = false,
}: {
  group: Group;
  state: MemberState;
  title?: string;
  empty: string;
  selfHandle: string | null;
  onAct: (action: ManageAction, confirm?: Omit<NonNullable<Confirm>, 'action'>) => void;
  busy: boolean;
  hideWhenEmpty?: boolean;
}) {
  const members = useMembers(group.slug, state);
  const count = members.data?.pages.flatMap((p) => p.items).length ?? 0;
  if (hideWhenEmpty && members.isSuccess && count === 0) return null;
  return (
    <section className="member-section" aria-label={title}>
      {title && <h2 className="group-section-title">{title}</h2>}
      <PagedList
        query={members}
        className="member-list"
        render={(m) => (
          <MemberRow
            key={m.user.id}
            member={m}
            group={group}
            selfHandle={selfHandle}
            onAct={onAct}
            busy={busy}
          />
        )}
        empty={<p className="muted">{empty}</p>}
      />
    </section>
  );
}

/**
 * The members of a group; for its managers also the join requests, invitations and bans, an
 * invite form, roles, removal, bans and the handover of ownership (which asks first).
 */
export function GroupMembers({ group, selfHandle }: { group: Group; selfHandle: string | null }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const manage = useManageMember(group.slug);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [invited, setInvited] = useState<string | null>(null);

  if (!group.permissions.canReadContent) {
    return (
      <EmptyState title={t('group.membersHidden')} icon="🔒︎">
        {t('group.membersOnlyBody')}
      </EmptyState>
    );
  }

  const act = (action: ManageAction, ask?: Omit<NonNullable<Confirm>, 'action'>) => {
    if (ask) {
      manage.reset();
      setConfirm({ action, ...ask });
    } else manage.mutate(action);
  };
  const busy = manage.isPending;
  const managers = group.permissions.canManageMembers;

  return (
    <div className="group-members">
      {manage.isError && confirm === null && manage.variables?.kind !== 'invite' && (
        <p className="field__error" role="alert">
          {errors.problem(manage.error)}
        </p>
      )}
      {managers && (
        <MemberSection
          group={group}
          state="pending"
          title={t('members.requests')}
          empty={t('members.noRequests')}
          selfHandle={selfHandle}
          onAct={act}
          busy={busy}
        />
      )}
      {(group.permissions.canInvite || managers) && (
        <section className="member-section" aria-label={t('members.inviteTitle')}>
          <h2 className="group-section-title">{t('members.inviteTitle')}</h2>
          {invited && (
            <p className="muted" role="status">
              {t('members.invited', { handle: invited })}
            </p>
          )}
          <InviteForm
            group={group}
            pending={busy && manage.variables?.kind === 'invite'}
            error={manage.variables?.kind === 'invite' ? manage.error : null}
            reset={manage.reset}
            onInvite={(handle, done) =>
              manage.mutate(
                { kind: 'invite', handle },
                {
                  onSuccess: () => {
                    setInvited(handle);
                    done();
                  },
                },
              )
            }
          />
        </section>
      )}
      {managers && (
        <MemberSection
          group={group}
          state="invited"
          title={t('members.invitations')}
          empty={t('members.noInvitations')}
          selfHandle={selfHandle}
          onAct={act}
          busy={busy}
          hideWhenEmpty
        />
      )}
      <MemberSection
        group={group}
        state="active"
        title={managers ? t('members.active') : undefined}
        empty={t('members.none')}
        selfHandle={selfHandle}
        onAct={act}
        busy={busy}
      />
      {managers && (
        <MemberSection
          group={group}
          state="banned"
          title={t('members.banned')}
          empty={t('members.noBans')}
          selfHandle={selfHandle}
          onAct={act}
          busy={busy}
          hideWhenEmpty
        />
      )}
      <Dialog
        open={confirm !== null}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={confirm?.title ?? ''}
        description={confirm?.body}
        actions={
          <Button
            variant="danger"
            busy={busy}
            onClick={() => confirm && manage.mutate(confirm.action, { onSuccess: () => setConfirm(null) })}
          >
            {confirm?.label}
          </Button>
        }
      >
        {manage.isError && <p className="field__error">{errors.problem(manage.error)}</p>}
      </Dialog>
    </div>
  );
}
