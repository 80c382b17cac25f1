import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Dashboard } from './api/getDashboard';
import {
  DashboardLayout,
  RegistrationsSection,
  WorksStatsSection,
  type DashboardSection,
} from './components/DashboardSections';

const days = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-11-${String(i + 1).padStart(2, '0')}`,
  hits: i === 29 ? 4 : i === 10 ? 2 : 0,
}));

const data: Dashboard = {
  works: [
    {
      id: 5,
      title: '星桥',
      visibility: 'public',
      status: 'complete',
      wordCount: 12345,
      chapters: 3,
      hits: 88,
      hitsByDay: days,
      kudos: 7,
      bookmarks: 2,
      subscribers: 1,
      comments: 9,
      rights: [
        { medium: 'film_tv', status: 'available' },
        { medium: 'translation', status: 'licensed', language: 'en' },
      ],
      inquiries: { open: 1, total: 3 },
      registrations: {
        count: 2,
        latest: {
          id: 41,
          kind: 'revision',
          workId: 5,
          registeredAt: '2026-11-28T10:00:00.000000Z',
          contentHash: 'a'.repeat(64),
          entryHash: 'b'.repeat(64),
        },
      },
    },
  ],
  inquiries: { sent: 1, in_discussion: 0, declined: 0, agreed: 0, withdrawn: 0 },
  registrations: [
    {
      id: 42,
      kind: 'draft',
      registeredAt: '2026-11-28T11:00:00.000000Z',
      contentHash: 'c'.repeat(64),
      entryHash: 'd'.repeat(64),
    },
    {
      id: 41,
      kind: 'revision',
      workId: 5,
      workTitle: '星桥',
      chapterNumber: 1,
      registeredAt: '2026-11-28T10:00:00.000000Z',
      contentHash: 'a'.repeat(64),
      entryHash: 'b'.repeat(64),
    },
  ],
};

const sections: DashboardSection[] = [
  {
    id: 'works',
    title: 'dashboard.works',
    Component: WorksStatsSection,
    HeaderAside: () => <p>aside of works</p>,
  },
  { id: 'registrations', title: 'dashboard.registrations', Component: RegistrationsSection },
];

describe('DashboardLayout', () => {
  it('renders each section with its heading, one request for both', async () => {
    const calls = mockFetch((c) =>
      c.path === '/api/v1/me/dashboard' ? json(200, data) : problem(401, '/problems/unauthorized'),
    );
    renderWithApp(<DashboardLayout sections={sections} />, { locale: 'zh-CN' });
    const works = await screen.findByRole('region', { name: '我的作品' });
    expect(within(works).getByText('aside of works').closest('header')).toBeTruthy();
    const row = await within(works).findByRole('row', { name: /星桥/ });
    expect(within(row).getByText('12,345')).toBeTruthy();
    expect(within(row).getByText('88')).toBeTruthy();
    expect(within(row).getByText('影视: 可授权')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '3 项中 1 项进行中' }).getAttribute('href')).toBe(
      '/inquiries/received',
    );
    expect(within(row).getByRole('img', { name: '近 30 天 6 次点击' })).toBeTruthy();
    expect(within(row).getByRole('link', { name: '最新 #41' }).getAttribute('href')).toBe(
      '/registry/entries/41',
    );

    const regs = screen.getByRole('region', { name: '我的登记' });
    const links = within(regs).getAllByRole('link');
    expect(links[0]?.textContent).toBe('证书 #42');
    expect(within(regs).getByText('以哈希登记的草稿')).toBeTruthy();
    expect(within(regs).getByRole('link', { name: /星桥/ }).getAttribute('href')).toBe('/works/5?chapter=1');
    expect(calls.filter((c) => c.path === '/api/v1/me/dashboard')).toHaveLength(1);
  });

  it('says so when there is nothing yet', async () => {
    mockFetch((c) =>
      c.path === '/api/v1/me/dashboard'
        ? json(200, { works: [], registrations: [] })
        : problem(401, '/problems/unauthorized'),
    );
    renderWithApp(<DashboardLayout sections={sections} />);
    expect(await screen.findByText('You have no works yet.')).toBeTruthy();
    expect(screen.getByText(/Nothing registered yet/)).toBeTruthy();
  });
});
