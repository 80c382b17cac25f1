import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Inquiry } from './api/inquiries';
import { ReceivedInquiriesSection, ReceivedInquiryCounts } from './components/ReceivedInquiriesSection';

const ada = {
  id: 1,
  handle: 'ada',
  displayName: 'Ada Studio',
  role: 'member',
  trustLevel: 1,
  badges: ['verified_industry' as const],
};

function inquiry(over: Partial<Inquiry>): Inquiry {
  return {
    id: 9,
    work: { id: 5, title: 'Deep Echo' },
    inquirer: ada,
    medium: 'film_tv',
    territory: 'Worldwide',
    term: '18-month option',
    state: 'sent',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    role: 'author',
    ...over,
  };
}

const open = [
  inquiry({ id: 9, state: 'in_discussion' }),
  inquiry({ id: 8, medium: 'translation', language: 'en', state: 'sent', work: { id: 6, title: '星桥' } }),
];
const agreed = [inquiry({ id: 3, state: 'agreed', rightStatus: 'under_option', medium: 'games' })];

describe('ReceivedInquiriesSection', () => {
  it('counts each state in the header, lists the open inquiries first and filters by state', async () => {
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      if (c.path === '/api/v1/me/dashboard') {
        return json(200, {
          works: [],
          registrations: [],
          inquiries: { sent: 1, in_discussion: 1, declined: 0, agreed: 1, withdrawn: 2 },
        });
      }
      const url = new URL(c.path, 'http://x');
      if (url.pathname === '/api/v1/me/inquiries') {
        const state = url.searchParams.get('state');
        const items = state === 'sent,in_discussion' ? open : state === 'agreed' ? agreed : [];
        return json(200, { items, nextCursor: null });
      }
      return problem(404, '/problems/not-found');
    });
    renderWithApp(
      <>
        <ReceivedInquiryCounts />
        <ReceivedInquiriesSection />
      </>,
      { path: '/dashboard' },
    );

    const list = await screen.findByRole('list', { name: 'Inquiries about your works' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: 'Deep Echo' }).getAttribute('href')).toBe('/works/5');
    expect(within(first).getByText('In discussion')).toBeTruthy();
    expect(within(first).getByText('Verified industry professional')).toBeTruthy();
    expect(within(first).getByText(/from Ada Studio/)).toBeTruthy();
    expect(within(first).getByRole('link', { name: 'Open the thread' }).getAttribute('href')).toBe(
      '/inquiries/9',
    );
    expect(within(second).getByText(/Translation \(en\)/)).toBeTruthy();
    expect(
      calls.some((c) => c.path.includes('role=received') && c.path.includes('state=sent%2Cin_discussion')),
    ).toBe(true);

    const counts = await screen.findByRole('list', { name: 'Inquiries per state' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sent 1', 'In discussion 1', 'Declined 0', 'Agreed 1', 'Withdrawn 2']);
    // one request for the counts (shared with the dashboard's own sections)
    expect(calls.filter((c) => c.path === '/api/v1/me/dashboard')).toHaveLength(1);

    const filters = screen.getByRole('group', { name: 'Show inquiries' });
    expect(within(filters).getByRole('button', { name: 'Open' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(filters).getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('false');

    await userEvent.click(within(filters).getByRole('button', { name: 'Agreed' }));
    const agreedList = await screen.findByRole('list', { name: 'Inquiries about your works' });
    expect(await within(agreedList).findByText('Agreed')).toBeTruthy();
    expect(within(agreedList).getAllByRole('listitem')).toHaveLength(1);

    await userEvent.click(within(filters).getByRole('button', { name: 'Declined' }));
    expect(await screen.findByText('No inquiries in this state.')).toBeTruthy();
  });
});
