import * as Menu from '@radix-ui/react-dropdown-menu';
import { useI18n } from '@/lib/i18n';
import { useAnswerInvitation, useInvitations } from '../api/members';
import './groups.css';

/** A failed answer leaves the invitation in the menu, to be tried again. */
function ignore() {}

/** How many group invitations wait for the caller (for a badge on the user menu). */
export function useInvitationCount(signedIn: boolean): number {
  const invitations = useInvitations(signedIn);
  return invitations.data?.items.length ?? 0;
}

/**
 * The invitations inside the user menu: each group with Accept and Decline. Renders nothing when
 * there are none.
 */
export function InvitationsMenuSection({ onOpenGroup }: { onOpenGroup: (slug: string) => void }) {
  const { t } = useI18n();
  const invitations = useInvitations(true);
  const answer = useAnswerInvitation();
  const items = invitations.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <Menu.Separator className="menu__separator" />
      <Menu.Label className="menu__label menu__label--section">
        {t('invitations.title', { count: items.length })}
      </Menu.Label>
      {items.map((inv) => (
        <Menu.Group key={inv.group.id} className="invitation" aria-label={inv.group.name}>
          <Menu.Item className="menu__item invitation__group" onSelect={() => onOpenGroup(inv.group.slug)}>
            <span className="invitation__name">{inv.group.name}</span>
            {inv.invitedBy && (
              <span className="invitation__by">{t('invitations.by', { handle: inv.invitedBy.handle })}</span>
            )}
          </Menu.Item>
          <div className="invitation__actions">
            <Menu.Item
              className="menu__item invitation__action"
              disabled={answer.isPending}
              // Not mutate(…, { onSuccess }): the answered invitation leaves this menu before that would run.
              onSelect={() =>
                void answer
                  .mutateAsync({ slug: inv.group.slug, accept: true })
                  .then(() => onOpenGroup(inv.group.slug), ignore)
              }
            >
              {t('invitations.accept')}
              <span className="visually-hidden"> {inv.group.name}</span>
            </Menu.Item>
            <Menu.Item
              className="menu__item invitation__action"
              disabled={answer.isPending}
              onSelect={(e) => {
                e.preventDefault();
                answer.mutate({ slug: inv.group.slug, accept: false });
              }}
            >
              {t('invitations.decline')}
              <span className="visually-hidden"> {inv.group.name}</span>
            </Menu.Item>
          </div>
        </Menu.Group>
      ))}
    </>
  );
}
