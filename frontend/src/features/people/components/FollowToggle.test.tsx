import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { FollowToggle } from './FollowToggle';

const me = {
  id: 7,
  handle: 'ada',
  displayName: 'Ada',
  email: 'ada@example.org',
  emailVerified: true,
  locale: 'en',
  role: 'member',
  status: 'active',
  trustLevel: 1,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('FollowToggle', () => {
  it('shows the state from /me/following and unfollows a tag with DELETE', async () => {
    let tags = ['cyberpunk'];
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/me') return json(200, me);
      if (c.path === '/api/v1/me/following') return json(200, { users: [], boards: [], groups: [], tags });
      if (c.path === '/api/v1/tags/cyberpunk/follow' && c.method === 'DELETE') {
        tags = [];
        return new Response(null, { status: 204 });
      }
      return json(404, {});
    });
    document.cookie = 'sb_csrf=x; path=/';
    renderWithApp(<FollowToggle target={{ kind: 'tag', tag: 'cyberpunk' }} />);
    const button = await screen.findByRole('button', { name: 'Following' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button);
    await screen.findByRole('button', { name: 'Follow' });
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/v1/tags/cyberpunk/follow',
    ]);
  });

  it('follows a board with PUT and is hidden from anonymous readers', async () => {
    let boards: { slug: string }[] = [];
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/me') return json(200, me);
      if (c.path === '/api/v1/me/following') return json(200, { users: [], boards, groups: [], tags: [] });
      if (c.path === '/api/v1/boards/hard-sf/follow' && c.method === 'PUT') {
        boards = [{ slug: 'hard-sf' }];
        return new Response(null, { status: 204 });
      }
      return json(404, {});
    });
    document.cookie = 'sb_csrf=x; path=/';
    const { unmount } = renderWithApp(<FollowToggle target={{ kind: 'board', slug: 'hard-sf' }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Follow' }));
    await screen.findByRole('button', { name: 'Following' });
    expect(calls.some((c) => c.method === 'PUT' && c.path === '/api/v1/boards/hard-sf/follow')).toBe(true);
    unmount();

    mockFetch((c) => (c.path === '/api/v1/me' ? json(401, {}) : json(404, {})));
    renderWithApp(<FollowToggle target={{ kind: 'board', slug: 'hard-sf' }} />);
    await waitFor(() => expect(screen.queryByRole('button')).toBeNull());
  });
});
