import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { queueCommand } from '../keys';
import { QueuePage } from './QueuePage';

const card = (id: number, handle: string) => ({
  id,
  handle,
  displayName: handle,
  role: 'member',
  trustLevel: 1,
});
const item = (reportId: number, title: string) => ({
  reportId,
  kind: 'report',
  targetType: 'post',
  targetId: reportId * 10,
  score: 5,
  threshold: 4,
  reporterCount: 3,
  hidden: true,
  topicId: 3,
  postNumber: 2,
  title,
  excerpt: 'bad words',
  author: card(9, 'author'),
  reports: [
    { id: reportId, reason: 'spam', score: 2, reporter: card(1, 'r1'), createdAt: '2026-01-01T00:00:00Z' },
  ],
  firstReportedAt: '2026-01-01T00:00:00Z',
});

let calls: Call[];

beforeEach(() => {
  document.cookie = 'sb_csrf=t; path=/';
  calls = mockFetch(async (c) => {
    if (c.path === '/api/v1/mod/queue')
      return json(200, { items: [item(1, 'First'), item(2, 'Second')], nextCursor: null });
    return json(200, { resolved: 1 });
  });
});

const resolves = () => calls.filter((c) => c.method === 'POST');

describe('queueCommand', () => {
  const key = (k: string, target: EventTarget | null = document.body) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target,
  });
  it('maps keys and keeps the selection in range', () => {
    expect(queueCommand(key('j'), 0, 2)).toEqual({ type: 'move', index: 1 });
    expect(queueCommand(key('j'), 1, 2)).toEqual({ type: 'move', index: 1 });
    expect(queueCommand(key('k'), 0, 2)).toEqual({ type: 'move', index: 0 });
    expect(queueCommand(key('x'), 0, 2)).toEqual({ type: 'resolve', action: 'delete' });
    expect(queueCommand(key('q'), 0, 2)).toBeNull();
    expect(queueCommand(key('d'), 0, 0)).toBeNull();
  });
  it('ignores keys typed into a field', () => {
    const input = document.createElement('input');
    document.body.append(input);
    expect(queueCommand(key('d', input), 0, 2)).toBeNull();
    input.remove();
  });
});

describe('QueuePage', () => {
  it('moves with j/k and resolves the selected item with d, h and x', async () => {
    const user = userEvent.setup();
    renderWithApp(<QueuePage />);
    expect(await screen.findByText('First')).toBeTruthy();
    expect(screen.getByText(/j \/ k move/)).toBeTruthy();
    const items = () => screen.getAllByTestId('queue-item');
    expect(items()[0]!.getAttribute('aria-current')).toBe('true');

    await user.keyboard('j');
    expect(items()[1]!.getAttribute('aria-current')).toBe('true');
    await user.keyboard('x');
    await waitFor(() => expect(resolves()).toHaveLength(1));
    expect(resolves()[0]!.path).toBe('/api/v1/mod/reports/2/resolve');
    expect(resolves()[0]!.body).toEqual({ action: 'delete' });

    await user.keyboard('k');
    await waitFor(() => expect(items()[0]!.getAttribute('aria-current')).toBe('true'));
    await user.type(screen.getAllByLabelText(/Note to the author/)[0]!, 'dup');
    expect(resolves()).toHaveLength(1); // typing "d" in the note is not a shortcut
    await user.click(document.body);
    await user.keyboard('h');
    await waitFor(() => expect(resolves()).toHaveLength(2));
    expect(resolves()[1]!.body).toEqual({ action: 'hide', note: 'dup' });
  });

  it('shows a copyright report as a timeline of both sides, oldest first', async () => {
    const copyright = {
      ...item(3, 'Copied'),
      targetType: 'work',
      reports: [
        {
          id: 3,
          reason: 'copyright',
          originalWorkId: 77,
          score: 1,
          reporter: card(1, 'r1'),
          createdAt: '2026-01-01T00:00:00Z',
        },
      ],
      copyright: [
        {
          side: 'claimed',
          id: 5,
          kind: 'publication',
          workId: 77,
          chapterNumber: 1,
          registeredAt: '2025-06-01T08:00:00.000000Z',
          contentHash: 'a'.repeat(64),
          entryHash: 'b'.repeat(64),
          paragraphCount: 4,
          matchingParagraphs: [1, 3],
        },
        {
          side: 'reported',
          id: 90,
          kind: 'publication',
          workId: 30,
          chapterNumber: 1,
          registeredAt: '2026-01-01T08:00:00.000000Z',
          contentHash: 'c'.repeat(64),
          entryHash: 'd'.repeat(64),
          paragraphCount: 2,
          matchingParagraphs: [],
        },
      ],
    };
    mockFetch(async (c) =>
      c.path === '/api/v1/mod/queue' ? json(200, { items: [copyright], nextCursor: null }) : json(200, {}),
    );
    renderWithApp(<QueuePage />);
    const timeline = await screen.findByRole('region', {
      name: 'Registry entries of both sides, oldest first',
    });
    const entries = timeline.querySelectorAll('li');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.textContent).toContain('Claimed original');
    expect(entries[0]!.textContent).toContain('2 of 4 paragraphs match the other side (1, 3)');
    expect(entries[1]!.textContent).toContain('Reported');
    expect(entries[1]!.textContent).toContain('no paragraph matches the other side');
    expect(screen.getByRole('link', { name: 'entry #5' }).getAttribute('href')).toBe('/registry/entries/5');
    expect(screen.getByRole('link', { name: '#77' }).getAttribute('href')).toBe('/works/77');
  });
});
