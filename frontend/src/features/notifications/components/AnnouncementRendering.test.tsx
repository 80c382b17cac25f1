import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Notification } from '../api/types';
import { NotificationsMenu } from './NotificationsMenu';
import { NotificationsList } from './NotificationsPage';
import { PreferencesPanel } from './PreferencesPanel';

class SilentEventSource {
  static readonly CLOSED = 2;
  readyState = 1;
  onerror: (() => void) | null = null;
  addEventListener() {}
  close() {}
}

const announcement: Notification = {
  id: 4,
  kind: 'group_announcement',
  read: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  actors: [{ id: 1, handle: 'ada', displayName: 'Ada', role: 'member', trustLevel: 1 }],
  actorCount: 1,
  topic: { id: 7, slug: 'meetup', title: 'Spring meetup' },
  postId: null,
  postNumber: null,
  group: { id: 3, slug: 'sf', name: 'Hard SF' },
  data: {},
};

function serve() {
  return mockFetch((call) => {
    if (call.path.startsWith('/api/v1/notifications')) {
      return json(200, { items: [announcement], nextCursor: null, unreadCount: 1 });
    }
    if (call.path.startsWith('/api/v1/me/notification-preferences')) {
      return json(200, {
        items: [
          { kind: 'mention', inApp: true, email: true, emailAvailable: true },
          { kind: 'group_announcement', inApp: true, email: true, emailAvailable: true },
        ],
      });
    }
    return json(404, {});
  });
}

describe('group announcement notifications', () => {
  beforeEach(() => vi.stubGlobal('EventSource', SilentEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('show a sentence and a link to the topic on the page, in English and Chinese', async () => {
    serve();
    const { unmount } = renderWithApp(<NotificationsList />);
    const en = await screen.findByRole('link', { name: /Ada announced “Spring meetup” in Hard SF/ });
    expect(en.getAttribute('href')).toBe('/t/meetup/7');
    unmount();

    renderWithApp(<NotificationsList />, { locale: 'zh-CN' });
    const zh = await screen.findByRole('link', { name: /Ada 在 Hard SF 发布了公告“Spring meetup”/ });
    expect(zh.getAttribute('href')).toBe('/t/meetup/7');
  });

  it('show in the header menu', async () => {
    serve();
    renderWithApp(<NotificationsMenu />);
    await screen.findByTestId('notifications-badge');
    await userEvent.click(screen.getByTestId('notifications-bell'));
    const link = await screen.findByRole('link', { name: /Ada announced “Spring meetup” in Hard SF/ });
    expect(link.getAttribute('href')).toBe('/t/meetup/7');
  });

  it('have their own row in the preferences, in both languages', async () => {
    serve();
    const { unmount } = renderWithApp(<PreferencesPanel />);
    expect(await screen.findByRole('rowheader', { name: 'Group announcements' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Group announcements · Email' })).toBeTruthy();
    unmount();
    renderWithApp(<PreferencesPanel />, { locale: 'zh-CN' });
    expect(await screen.findByRole('rowheader', { name: '小组公告' })).toBeTruthy();
  });
});
