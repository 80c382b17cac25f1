import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '@/test/render';
import { CookedContent, internalPath } from './CookedContent';

const HTML = [
  '<p>Before <span class="spoiler">the <a href="/t/ending/7">ending</a></span> after.</p>',
  '<div class="spoiler"><p>A whole hidden paragraph.</p></div>',
  '<p>Inline <span class="math-inline">x^2</span> and <span class="math-display">\\sum_i i</span></p>',
  '<div class="math-display">\\frac{a}{b}</div>',
  '<p><a class="mention" href="/u/lin_yuan">@lin_yuan</a> ',
  '<a class="hashtag" href="/tag/%E4%B8%96%E7%95%8C%E8%A7%82">#世界观</a> ',
  '<a href="https://example.org/x" rel="nofollow ugc noopener">outside</a></p>',
].join('');

function renderCooked(html = HTML) {
  return renderWithApp(
    <Routes>
      <Route path="/" element={<CookedContent html={html} />} />
      <Route path="/u/:handle" element={<p>profile page</p>} />
      <Route path="/tag/:tag" element={<TagEcho />} />
      <Route path="/t/:slug/:id" element={<p>topic page</p>} />
    </Routes>,
  );
}

function TagEcho() {
  const { tag } = useParams();
  return <p>tag page {tag}</p>;
}

describe('CookedContent', () => {
  it('inserts the server’s HTML as it is', () => {
    const { container } = renderCooked(
      '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    );
    expect(container.querySelector('.cooked table td')?.textContent).toBe('1');
  });

  it('hides spoilers behind a button until clicked', async () => {
    const { container } = renderCooked();
    const [inline, block] = [...container.querySelectorAll<HTMLElement>('.spoiler')];
    expect(inline!.getAttribute('role')).toBe('button');
    expect(inline!.tabIndex).toBe(0);
    expect(inline!.getAttribute('aria-expanded')).toBe('false');
    expect(inline!.getAttribute('aria-label')).toBe('Spoiler: activate to reveal');

    // The first click reveals; it does not follow the link hidden inside.
    await userEvent.click(inline!.querySelector('a')!);
    expect(inline!.classList.contains('spoiler--revealed')).toBe(true);
    expect(inline!.getAttribute('aria-expanded')).toBe('true');
    expect(inline!.hasAttribute('role')).toBe(false);
    expect(inline!.hasAttribute('aria-label')).toBe(false);
    expect(screen.queryByText('topic page')).toBeNull();
    expect(block!.classList.contains('spoiler--revealed')).toBe(false);
  });

  it('reveals a spoiler from the keyboard', async () => {
    const user = userEvent.setup();
    const { container } = renderCooked();
    const block = container.querySelectorAll<HTMLElement>('.spoiler')[1]!;
    block.focus();
    await user.keyboard('{Enter}');
    expect(block.classList.contains('spoiler--revealed')).toBe(true);
    const inline = container.querySelector<HTMLElement>('.spoiler')!;
    inline.focus();
    await user.keyboard(' ');
    expect(inline.classList.contains('spoiler--revealed')).toBe(true);
  });

  it('renders inline and display math with KaTeX', async () => {
    const { container } = renderCooked();
    await waitFor(() => expect(container.querySelectorAll('.katex').length).toBe(3));
    const inline = container.querySelector<HTMLElement>('.math-inline')!;
    expect(inline.querySelector('.katex-display')).toBeNull();
    expect(inline.dataset.tex).toBe('x^2');
    expect(inline.querySelector('annotation')?.textContent).toBe('x^2');
    // math-display, as a div or within a line, is display mode.
    expect(container.querySelectorAll('.math-display .katex-display')).toHaveLength(2);
    expect(container.querySelector('div.math-display annotation')?.textContent).toBe('\\frac{a}{b}');
  });

  it('shows bad TeX as an error mark instead of throwing', async () => {
    const { container } = renderCooked('<p><span class="math-inline">\\frac{</span></p>');
    await waitFor(() =>
      expect(container.querySelector<HTMLElement>('.math-inline')?.dataset.tex).toBe('\\frac{'),
    );
    expect(container.textContent).toContain('\\frac{');
  });

  it('follows links to this site inside the app', async () => {
    renderCooked();
    await userEvent.click(screen.getByRole('link', { name: '@lin_yuan' }));
    expect(await screen.findByText('profile page')).toBeTruthy();
  });

  it('decodes nothing itself: a hashtag goes to its percent-encoded path', async () => {
    renderCooked();
    await userEvent.click(screen.getByRole('link', { name: '#世界观' }));
    expect(await screen.findByText('tag page 世界观')).toBeTruthy();
  });

  describe('links elsewhere', () => {
    let prevented: boolean[];
    const record = (e: MouseEvent) => {
      prevented.push(e.defaultPrevented);
      e.preventDefault(); // jsdom cannot navigate
    };
    beforeEach(() => {
      prevented = [];
      document.addEventListener('click', record);
    });
    afterEach(() => document.removeEventListener('click', record));

    it('are left to the browser', () => {
      renderCooked();
      fireEvent.click(screen.getByRole('link', { name: 'outside' }));
      expect(prevented).toEqual([false]);
      expect(screen.getByRole('link', { name: 'outside' })).toBeTruthy();
    });

    it('are left to the browser with a modifier key (new tab)', () => {
      renderCooked();
      fireEvent.click(screen.getByRole('link', { name: '@lin_yuan' }), { ctrlKey: true });
      expect(prevented).toEqual([false]);
    });
  });
});

describe('internalPath', () => {
  const link = (href: string, target?: string) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    if (target) a.target = target;
    return a;
  };

  it('accepts paths of the app on this origin', () => {
    expect(internalPath(link('/t/slug/3/2'))).toBe('/t/slug/3/2');
    expect(internalPath(link(`${window.location.origin}/b/writing?sort=top`))).toBe('/b/writing?sort=top');
  });

  it('refuses other origins, the API, files and new windows', () => {
    expect(internalPath(link('https://example.org/t/1'))).toBeNull();
    expect(internalPath(link('//example.org/t/1'))).toBeNull();
    expect(internalPath(link('/api/v1/topics'))).toBeNull();
    expect(internalPath(link('/files/report.pdf'))).toBeNull();
    expect(internalPath(link('/t/a/1', '_blank'))).toBeNull();
    expect(internalPath(link('mailto:a@b.cn'))).toBeNull();
  });
});
