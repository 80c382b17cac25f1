import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocation } from 'react-router';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { SearchItem, SearchPage as Page, Suggestions } from '../api/search';
import { Highlighted } from './Highlighted';
import { SearchPage } from './SearchPage';
import { SuggestBox } from './SuggestBox';

const author = { id: 1, handle: 'lin_yuan', displayName: '林远', role: 'member', trustLevel: 2 };

function item(extra: Partial<SearchItem> = {}): SearchItem {
  return {
    type: 'topic',
    id: 5,
    title: '曲率引擎',
    titleHtml: '<mark>曲率</mark>引擎',
    snippetHtml: '关于<mark>曲率</mark>驱动 &lt;b&gt;',
    url: '/t/qu-lv/5',
    author,
    board: { id: 1, slug: 'science', nameZh: '科学', nameEn: 'Science', color: '#3b6ea8' },
    group: null,
    topic: { id: 5, slug: 'qu-lv', title: '曲率引擎' },
    postNumber: 1,
    tags: ['物理'],
    createdAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

function page(items: SearchItem[], extra: Partial<Page> = {}): Page {
  return { items, total: items.length, totalExact: true, nextCursor: null, rebuilding: false, ...extra };
}

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Highlighted', () => {
  it('renders marks and refuses any other markup', async () => {
    mockFetch(() => json(200, {}));
    const { container } = renderWithApp(
      <>
        <Highlighted html={'a <mark>b</mark> &lt;c&gt;'} />
        <Highlighted html={'<img src=x onerror="alert(1)">'} />
      </>,
    );
    await waitFor(() => expect(container.querySelectorAll('mark')).toHaveLength(1));
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});

describe('SearchPage', () => {
  it('shows highlighted results and the total', async () => {
    const calls = mockFetch((c) => {
      if (c.path.startsWith('/api/v1/boards')) return json(200, { items: [], nextCursor: null });
      return json(200, page([item()], { total: 1 }));
    });
    const { container } = renderWithApp(<SearchPage />, { path: '/search?q=%E6%9B%B2%E7%8E%87' });
    expect(await screen.findByText('1 result')).toBeTruthy();
    expect(container.querySelector('.search-result__title mark')?.textContent).toBe('曲率');
    expect(container.querySelector('.search-result__snippet')?.textContent).toContain('<b>');
    expect(container.querySelector('.search-result__snippet b')).toBeNull();
    expect(calls.some((c) => c.path.startsWith('/api/v1/search?q=%E6%9B%B2%E7%8E%87'))).toBe(true);
  });

  it('says a total past the counting limit is a lower bound', async () => {
    mockFetch((c) => {
      if (c.path.startsWith('/api/v1/boards')) return json(200, { items: [], nextCursor: null });
      return json(200, page([item()], { total: 1000, totalExact: false }));
    });
    renderWithApp(<SearchPage />, { path: '/search?q=engineer' });
    expect(await screen.findByText('1000+ results')).toBeTruthy();
  });

  it('renders a work with its kind and link, and offers the work filter', async () => {
    const calls = mockFetch((c) => {
      if (c.path.startsWith('/api/v1/boards')) return json(200, { items: [], nextCursor: null });
      return json(
        200,
        page([
          item({
            type: 'work',
            id: 9,
            title: '深空回声',
            titleHtml: '深空回声',
            url: '/works/9',
            board: null,
            topic: null,
            postNumber: null,
          }),
        ]),
      );
    });
    const { container } = renderWithApp(<SearchPage />, { path: '/search?q=x&type=work' });
    expect(await screen.findByText('深空回声')).toBeTruthy();
    const result = container.querySelector('.search-result[data-type="work"]');
    expect(result?.querySelector('.search-result__kind')?.textContent).toBe('Work');
    expect(result?.querySelector('a')?.getAttribute('href')).toBe('/works/9');
    expect(container.querySelector('select[name="type"] option[value="work"]')?.textContent).toBe('Work');
    expect(calls.some((c) => c.path.includes('type=work'))).toBe(true);
  });

  it('sends the chosen filters', async () => {
    const calls = mockFetch((c) => {
      if (c.path.startsWith('/api/v1/boards')) return json(200, { items: [], nextCursor: null });
      return json(200, page([item()]));
    });
    renderWithApp(<SearchPage />, { path: '/search?q=x' });
    await screen.findByText('1 result');
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'post' } });
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'newest' } });
    await waitFor(() =>
      expect(calls.some((c) => c.path.includes('type=post') && c.path.includes('sort=newest'))).toBe(true),
    );
  });

  it('says when nothing was found and when the index is rebuilding', async () => {
    mockFetch((c) => {
      if (c.path.startsWith('/api/v1/boards')) return json(200, { items: [], nextCursor: null });
      return json(200, page([], { rebuilding: true }));
    });
    renderWithApp(<SearchPage />, { path: '/search?q=zzz', locale: 'zh-CN' });
    expect(await screen.findByText('没有找到结果')).toBeTruthy();
    expect(screen.getByText('搜索索引正在重建。')).toBeTruthy();
  });

  it('asks for words before searching', () => {
    const calls = mockFetch(() => json(200, { items: [], nextCursor: null }));
    renderWithApp(<SearchPage />, { path: '/search' });
    expect(screen.getByText('Search topics, replies and people')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/v1/search'))).toBe(false);
  });
});

describe('SuggestBox', () => {
  const suggestions: Suggestions = {
    titles: [{ id: 5, title: '曲率引擎', titleHtml: '<mark>曲率</mark>引擎', url: '/t/qu-lv/5' }],
    users: [author],
    tags: [{ tag: '曲率', count: 3 }],
    groups: [],
    works: [],
    rebuilding: false,
  };

  it('suggests as you type and follows the keyboard', async () => {
    const calls = mockFetch(() => json(200, suggestions));
    renderWithApp(
      <>
        <SuggestBox />
        <Where />
      </>,
    );
    const input = screen.getByRole('combobox');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '曲率' } });
    // title, person, tag, "search for"
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(4));
    expect(calls.map((c) => c.path)).toContain('/api/v1/search/suggest?q=%E6%9B%B2%E7%8E%87');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[3]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(screen.getByTestId('where').textContent).toBe('/t/qu-lv/5');
  });

  it('suggests works with a work marker and opens them', async () => {
    mockFetch(() =>
      json(200, {
        ...suggestions,
        users: [],
        tags: [],
        works: [{ id: 9, title: '曲率纪事', titleHtml: '<mark>曲率</mark>纪事', url: '/works/9' }],
      }),
    );
    renderWithApp(
      <>
        <SuggestBox />
        <Where />
      </>,
    );
    const input = screen.getByRole('combobox');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '曲率' } });
    // topic title, work, "search for"
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    const work = screen.getAllByRole('option')[1] as HTMLElement;
    expect(work.textContent).toBe('work 曲率纪事');
    expect(work.getAttribute('data-group')).toBe('Works');
    expect(work.className).toContain('suggest__option--works');
    fireEvent.mouseDown(work);
    expect(screen.getByTestId('where').textContent).toBe('/works/9');
  });

  it('closes on Escape and searches on Enter', async () => {
    mockFetch(() => json(200, suggestions));
    renderWithApp(
      <>
        <SuggestBox />
        <Where />
      </>,
    );
    const input = screen.getByRole('combobox');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '曲率' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await act(async () => {
      fireEvent.submit(input.closest('form') as HTMLFormElement);
    });
    expect(screen.getByTestId('where').textContent).toBe('/search?q=%E6%9B%B2%E7%8E%87');
  });
});
