import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Profile } from '@/types/api';
import { ProfileTabs, profileTab, tabHidden } from './ProfileTabs';

function profile(extra: Partial<Profile> = {}): Profile {
  return {
    id: 7,
    handle: 'wu_ming',
    displayName: '吴明',
    role: 'member',
    trustLevel: 1,
    createdAt: '2026-01-01T00:00:00Z',
    counts: { topics: 3, posts: 12, works: 0, followers: 5, following: 2, groups: 1 },
    relationship: null,
    ...extra,
  };
}

const slots = { topics: <p>topics slot</p>, works: <p>works slot</p>, groups: <p>groups slot</p> };

describe('profile tabs', () => {
  it('read their tab from the address', () => {
    expect(profileTab(undefined)).toBe('activity');
    expect(profileTab('followers')).toBe('followers');
    expect(profileTab('activity')).toBeNull(); // the activity tab is the bare /u/{handle}
    expect(profileTab('nonsense')).toBeNull();
  });

  it('hide what the server says the caller may not see', () => {
    const p = profile({ activityHidden: true, followersHidden: false });
    expect(tabHidden(p, 'activity')).toBe(true);
    expect(tabHidden(p, 'topics')).toBe(true);
    expect(tabHidden(p, 'followers')).toBe(false);
    expect(tabHidden(profile({ followersHidden: true }), 'following')).toBe(true);
    expect(tabHidden(p, 'works')).toBe(true);
    expect(tabHidden(p, 'groups')).toBe(false);
  });

  it('show a hidden activity without asking the server for it', () => {
    const calls = mockFetch(() => json(200, {}));
    renderWithApp(<ProfileTabs profile={profile({ activityHidden: true })} tab="activity" {...slots} />);
    expect(screen.getByText('Activity is visible to followers only')).toBeTruthy();
    expect(calls.filter((c) => c.path.includes('/posts'))).toHaveLength(0);
  });

  it('do not render the topics slot when activity is hidden', () => {
    mockFetch(() => json(200, {}));
    renderWithApp(<ProfileTabs profile={profile({ activityHidden: true })} tab="topics" {...slots} />);
    expect(screen.queryByText('topics slot')).toBeNull();
    expect(screen.getByText('Activity is visible to followers only')).toBeTruthy();
  });

  it('show hidden follower lists as private', () => {
    mockFetch(() => json(200, {}));
    renderWithApp(<ProfileTabs profile={profile({ followersHidden: true })} tab="following" {...slots} />);
    expect(screen.getByText('These lists are private')).toBeTruthy();
  });

  it('list followers when allowed, and treat a late 403 as hidden', async () => {
    mockFetch(() =>
      json(200, {
        items: [
          {
            user: {
              id: 9,
              handle: 'ada',
              displayName: 'Ada',
              role: 'member',
              trustLevel: 2,
              badges: ['verified_scientist'],
            },
            followedAt: '2026-02-01T00:00:00Z',
          },
        ],
      }),
    );
    const { unmount } = renderWithApp(<ProfileTabs profile={profile()} tab="followers" {...slots} />);
    expect(await screen.findByRole('link', { name: 'Ada' })).toBeTruthy();
    expect(screen.getByText('Verified scientist')).toBeTruthy();
    unmount();

    mockFetch(() => problem(403, '/problems/forbidden', { detail: 'hidden' }));
    renderWithApp(<ProfileTabs profile={profile()} tab="followers" {...slots} />);
    await waitFor(() => expect(screen.getByText('These lists are private')).toBeTruthy());
  });

  it('show the works slot, or why it is closed', () => {
    mockFetch(() => json(200, {}));
    const { unmount } = renderWithApp(<ProfileTabs profile={profile()} tab="works" {...slots} />);
    expect(screen.getByText('works slot')).toBeTruthy();
    unmount();
    renderWithApp(<ProfileTabs profile={profile({ activityHidden: true })} tab="works" {...slots} />);
    expect(screen.queryByText('works slot')).toBeNull();
  });

  it('mark the tabs whose lists are hidden', () => {
    mockFetch(() => json(200, {}));
    renderWithApp(<ProfileTabs profile={profile({ followersHidden: true })} tab="groups" {...slots} />);
    expect(screen.getByText('groups slot')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Profile sections' });
    expect(nav.querySelector('a[href="/u/wu_ming/topics"]')?.textContent).toBe('Topics');
    expect(nav.querySelector('a[href="/u/wu_ming/followers"]')?.textContent).toContain('🔒');
  });
});
