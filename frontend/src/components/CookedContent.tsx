import type Katex from 'katex';
import { useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '@/lib/i18n';
import './CookedContent.css';

const SPOILER = '.spoiler';
const REVEALED = 'spoiler--revealed';

let katexLoading: Promise<typeof Katex> | null = null;

/** KaTeX and its stylesheet (fonts included) load with the first formula, not with the app. */
function loadKatex() {
  katexLoading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([m]) => m.default,
  );
  return katexLoading;
}

/** Renders the TeX source the server left as text in math elements; safe to run twice. */
export async function renderMath(root: HTMLElement): Promise<void> {
  const pending = [...root.querySelectorAll<HTMLElement>('.math-inline, .math-display')].filter(
    (el) => el.dataset.tex === undefined,
  );
  if (pending.length === 0) return;
  const katex = await loadKatex();
  pending.forEach((el) => {
    if (el.dataset.tex !== undefined || !el.isConnected) return;
    const tex = el.textContent ?? '';
    el.dataset.tex = tex;
    try {
      katex.render(tex, el, {
        displayMode: el.classList.contains('math-display'),
        throwOnError: false,
        // KaTeX must not emit anything the sanitizer would have stripped from user text.
        trust: false,
        maxExpand: 1000,
        maxSize: 50,
      });
    } catch {
      el.textContent = tex;
    }
  });
}

/** Makes each spoiler a keyboard-reachable button that reveals its text once activated. */
export function prepareSpoilers(root: HTMLElement, label: string) {
  root.querySelectorAll<HTMLElement>(SPOILER).forEach((el) => {
    if (el.classList.contains(REVEALED) || el.getAttribute('role') === 'button') return;
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-expanded', 'false');
    el.setAttribute('aria-label', label);
  });
}

function reveal(el: HTMLElement) {
  el.classList.add(REVEALED);
  el.removeAttribute('role');
  el.removeAttribute('tabindex');
  el.removeAttribute('aria-label');
  el.setAttribute('aria-expanded', 'true');
}

/** A link to a page of this app: same origin, not the API, not a file. */
export function internalPath(anchor: HTMLAnchorElement): string | null {
  const raw = anchor.getAttribute('href');
  if (!raw || anchor.target === '_blank' || anchor.hasAttribute('download')) return null;
  let url: URL;
  try {
    url = new URL(raw, window.location.href);
  } catch {
    return null;
  }
  if (url.origin !== window.location.origin) return null;
  if (/^\/(api|dev|openapi|health)(\/|$)/.test(url.pathname)) return null;
  if (/\.[a-z0-9]{1,5}$/i.test(url.pathname)) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * Sanitized HTML from the server (a post, a preview): the only place the app inserts HTML.
 * After insertion it renders math with KaTeX, turns spoilers into buttons and lets links to
 * this site navigate without reloading the page.
 */
export function CookedContent({ html, className }: { html: string; className?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const spoilerLabel = t('cooked.spoiler');

  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    void renderMath(root);
    prepareSpoilers(root, spoilerLabel);
  }, [html, spoilerLabel]);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const spoiler = target.closest<HTMLElement>(SPOILER);
    if (spoiler && !spoiler.classList.contains(REVEALED) && ref.current?.contains(spoiler)) {
      // The first click reveals; it must not also follow a link hidden inside.
      e.preventDefault();
      reveal(spoiler);
      return;
    }
    const anchor = target.closest('a');
    if (!anchor || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    const path = internalPath(anchor);
    if (path === null) return;
    e.preventDefault();
    navigate(path);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target as HTMLElement;
    if (target.matches(SPOILER) && !target.classList.contains(REVEALED)) {
      e.preventDefault();
      reveal(target);
    }
  };

  return (
    // Clicks and keys are delegated to the links and spoiler buttons inside, which handle both.
    <div
      ref={ref}
      className={['cooked', className].filter(Boolean).join(' ')}
      onClick={onClick}
      onKeyDown={onKeyDown}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
