import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { NotificationsMenu } from './NotificationsMenu';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  static readonly CLOSED = 2;
  readyState = 1;
  onerror: (() => void) | null = null;
  listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, fn: (e: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
  }
  emit(name: string, data: unknown) {
    for (const fn of this.listeners.get(name) ?? []) {
      fn(new MessageEvent(name, { data: JSON.stringify(data) }));
    }
  }
  close() {
    this.readyState = 2;
  }
}

describe('NotificationsMenu', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the unread count and updates it live from the stream', async () => {
    const calls = mockFetch((call) =>
      call.path.startsWith('/api/v1/notifications')
        ? json(200, { items: [], nextCursor: null, unreadCount: 2 })
        : json(404, {}),
    );
    renderWithApp(<NotificationsMenu />);
    expect((await screen.findByTestId('notifications-badge')).textContent).toBe('2');
    expect(FakeEventSource.instances[0]?.url).toBe('/api/v1/notifications/stream');

    const before = calls.length;
    act(() =>
      FakeEventSource.instances[0]!.emit('notification', {
        notification: { id: 9, kind: 'reply' },
        unreadCount: 5,
      }),
    );
    await vi.waitFor(() => expect(screen.getByTestId('notifications-badge').textContent).toBe('5'));
    // The list is fetched again so the menu shows the new one.
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(before));

    act(() => FakeEventSource.instances[0]!.emit('unread', { notification: null, unreadCount: 0 }));
    await vi.waitFor(() => expect(screen.queryByTestId('notifications-badge')).toBeNull());
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeTruthy();
  });
});
