import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { catalogueQuery, emptyFilters, filtersFrom, type CatalogueResult } from './api/ip';
import { CatalogueView } from './components/CatalogueView';

const signedOut = (call: Call) =>
  call.path === '/api/v1/me' ? problem(401, '/problems/unauthorized') : null;
const catalogueCalls = (calls: Call[]) => calls.filter((c) => c.path.startsWith('/api/v1/ip/catalogue'));

function result(over: Partial<CatalogueResult> = {}): CatalogueResult {
  return {
    items: [{ work: { id: 7 }, rights: [{ medium: 'film_tv', status: 'available' }] }],
    nextCursor: null,
    total: 1,
    rebuilding: false,
    facets: {
      medium: [
        { value: 'film_tv', count: 3 },
        { value: 'games', count: 1 },
      ],
      type: [{ value: 'novel', count: 2 }],
      genre: [{ value: 'hard-sf', count: 2 }],
      language: [{ value: 'zh-Hans', count: 3 }],
      length: [{ value: 'novelette', count: 1 }],
      rating: [],
      status: [],
      popularity: [{ value: 'noticed', count: 1 }],
    },
    ...over,
  };
}

describe('catalogue query', () => {
  it('repeats checked facet values and reads them back', () => {
    const q = catalogueQuery({
      ...emptyFilters,
      medium: ['film_tv', 'games'],
      genre: ['hard-sf'],
      q: ' 星 ',
    });
    expect(q).toBe('medium=film_tv&medium=games&genre=hard-sf&q=%E6%98%9F');
    const back = filtersFrom(new URLSearchParams(q));
    expect(back.medium).toEqual(['film_tv', 'games']);
    expect(back.genre).toEqual(['hard-sf']);
    expect(back.q).toBe('星');
  });
});

describe('CatalogueView', () => {
  it('shows facet counts with translated labels and filters by a checked value', async () => {
    const calls = mockFetch((c) => signedOut(c) ?? json(200, result()));
    renderWithApp(<CatalogueView renderItem={(item) => <p>work {item.work.id}</p>} />, {
      locale: 'zh-CN',
      path: '/ip',
    });
    expect(await screen.findByText('work 7')).toBeTruthy();
    const medium = screen.getByRole('group', { name: '可改编为' });
    const film = within(medium).getByRole('checkbox', { name: /影视/ });
    expect(within(medium).getByText('(3)')).toBeTruthy();
    expect((film as HTMLInputElement).checked).toBe(false);
    expect(screen.getByRole('checkbox', { name: /长篇小说/ })).toBeTruthy();

    await userEvent.click(film);
    await waitFor(() =>
      expect(catalogueCalls(calls).map((c) => c.path)).toContain('/api/v1/ip/catalogue?medium=film_tv'),
    );
    await waitFor(() => {
      const box = within(screen.getByRole('group', { name: '可改编为' })).getByRole('checkbox', {
        name: /影视/,
      });
      expect((box as HTMLInputElement).checked).toBe(true);
    });
  });

  it('keeps a checked value that no longer matches anything, with a zero count', async () => {
    mockFetch(
      (c) => signedOut(c) ?? json(200, result({ items: [], facets: { ...result().facets, type: [] } })),
    );
    renderWithApp(<CatalogueView renderItem={() => null} />, { path: '/ip?type=comic' });
    const type = await screen.findByRole('group', { name: 'Type' });
    const comic = within(type).getByRole('checkbox', { name: /Comic/ });
    expect((comic as HTMLInputElement).checked).toBe(true);
    expect(within(type).getByText('(0)')).toBeTruthy();
    expect(screen.getByText('No work matches these filters.')).toBeTruthy();
  });

  it('labels length, popularity and one-language translations, and says when the index rebuilds', async () => {
    mockFetch(
      (c) =>
        signedOut(c) ??
        json(
          200,
          result({
            rebuilding: true,
            facets: {
              ...result().facets,
              medium: [{ value: 'translation:ja', count: 2 }],
            },
          }),
        ),
    );
    renderWithApp(<CatalogueView renderItem={() => null} />, { locale: 'zh-CN', path: '/ip' });
    expect(await screen.findByRole('checkbox', { name: /中短篇（7,500–17,500 字）/ })).toBeTruthy();
    expect(screen.getByRole('group', { name: '热度' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /受关注/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /翻译（ja）/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('搜索索引正在重建');
  });
});
