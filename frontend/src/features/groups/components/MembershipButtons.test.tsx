import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Group, GroupPermissions, Membership } from '@/types/api';
import { MembershipButtons, membershipUi } from './MembershipButtons';

const none: GroupPermissions = {
  canReadContent: false,
  canPost: false,
  canJoin: false,
  canRequestToJoin: false,
  canLeave: false,
  canEdit: false,
  canManageMembers: false,
  canInvite: false,
  canDelete: false,
};

function group(
  visibility: Group['visibility'],
  permissions: Partial<GroupPermissions> = {},
  membership: Membership | null = null,
): Group {
  return {
    id: 3,
    slug: 'first-contact',
    name: 'First Contact',
    visibility,
    memberCount: 4,
    topicCount: 2,
    postCount: 9,
    createdAt: '2026-01-01T00:00:00Z',
    membership,
    following: false,
    permissions: { ...none, ...permissions },
  };
}

describe('membershipUi', () => {
  it('follows the membership first, then what the server allows', () => {
    expect(membershipUi(group('public', { canJoin: true }), true)).toEqual({ kind: 'join' });
    expect(membershipUi(group('restricted', { canRequestToJoin: true }), true)).toEqual({ kind: 'request' });
    expect(membershipUi(group('restricted', {}, { role: 'member', state: 'pending' }), true)).toEqual({
      kind: 'pending',
    });
    expect(
      membershipUi(group('secret', { canJoin: true }, { role: 'member', state: 'invited' }), true),
    ).toEqual({
      kind: 'invited',
    });
    expect(
      membershipUi(group('public', { canLeave: true }, { role: 'member', state: 'active' }), true),
    ).toEqual({
      kind: 'member',
      canLeave: true,
    });
    // The sole owner cannot leave: no Leave button.
    expect(membershipUi(group('public', {}, { role: 'owner', state: 'active' }), true)).toEqual({
      kind: 'member',
      canLeave: false,
    });
    expect(
      membershipUi(group('public', { canJoin: true }, { role: 'member', state: 'banned' }), true),
    ).toEqual({
      kind: 'banned',
    });
  });

  it('asks anonymous visitors to sign in, except for a secret group', () => {
    expect(membershipUi(group('restricted'), false)).toEqual({ kind: 'signIn' });
    expect(membershipUi(group('secret'), false)).toEqual({ kind: 'none' });
    expect(membershipUi(group('restricted'), true)).toEqual({ kind: 'none' });
  });
});

describe('MembershipButtons', () => {
  it('requests to join a restricted group and shows the request as pending', async () => {
    let joined = false;
    const calls = mockFetch((c) => {
      if (c.path.endsWith('/join')) {
        joined = true;
        return json(200, { role: 'member', state: 'pending' });
      }
      return json(200, {});
    });
    document.cookie = 'sb_csrf=x; path=/';
    const { unmount } = renderWithApp(
      <MembershipButtons group={group('restricted', { canRequestToJoin: true })} signedIn />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Request to join' }));
    await waitFor(() => expect(joined).toBe(true));
    expect(calls.find((c) => c.path.endsWith('/join'))).toMatchObject({
      method: 'POST',
      path: '/api/v1/groups/first-contact/join',
    });
    unmount();
    renderWithApp(
      <MembershipButtons group={group('restricted', {}, { role: 'member', state: 'pending' })} signedIn />,
    );
    expect(screen.getByText('Request pending')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel request' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Request to join' })).toBeNull();
  });

  it('offers accept and decline for an invitation', () => {
    mockFetch(() => json(200, {}));
    renderWithApp(
      <MembershipButtons
        group={group('secret', { canJoin: true }, { role: 'member', state: 'invited' })}
        signedIn
      />,
    );
    expect(screen.getByRole('button', { name: 'Accept invitation' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Decline' })).toBeTruthy();
  });

  it('asks before leaving, then leaves with DELETE …/members/me', async () => {
    const calls = mockFetch((c) =>
      c.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, {}),
    );
    document.cookie = 'sb_csrf=x; path=/';
    renderWithApp(
      <MembershipButtons
        group={group(
          'public',
          { canLeave: true, canReadContent: true },
          { role: 'moderator', state: 'active' },
        )}
        signedIn
      />,
    );
    expect(screen.getByText('Moderator')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Leave group' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Leave First Contact?');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getAllByRole('button', { name: 'Leave group' }).at(-1)!);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'DELETE')?.path).toBe('/api/v1/groups/first-contact/members/me'),
    );
  });

  it('shows a ban and no way to join', () => {
    mockFetch(() => json(200, {}));
    renderWithApp(
      <MembershipButtons
        group={group('public', { canJoin: true }, { role: 'member', state: 'banned' })}
        signedIn
      />,
    );
    expect(screen.getByText('You are banned from this group')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Join group' })).toBeNull();
  });
});
