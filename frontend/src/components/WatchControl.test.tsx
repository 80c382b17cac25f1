import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { WatchControl } from './WatchControl';

describe('WatchControl', () => {
  it("shows a board's level and saves a new one", async () => {
    const calls = mockFetch((call) =>
      call.path === '/api/v1/boards/writing/watch'
        ? json(200, { level: call.method === 'PUT' ? 'tracking' : 'watching' })
        : json(404, {}),
    );
    renderWithApp(<WatchControl type="boards" id="writing" />);
    const select = (await screen.findByTestId('watch-boards')) as HTMLSelectElement;
    await screen.findByDisplayValue('Watching');
    fireEvent.change(select, { target: { value: 'tracking' } });
    await screen.findByDisplayValue('Tracking');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/boards/writing/watch');
    expect(put?.body).toEqual({ level: 'tracking' });
  });
});
