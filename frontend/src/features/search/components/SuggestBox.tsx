import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { useSuggestions } from '../api/search';
import { Highlighted } from './Highlighted';
import './search.css';

interface Option {
  key: string;
  group: 'titles' | 'works' | 'users' | 'tags' | 'groups' | 'all';
  label: React.ReactNode;
  to: string;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

/**
 * The header search box with instant suggestions (a combobox): titles, people and tags as you
 * type (works marked as such); up/down move, Enter opens the highlighted suggestion (or searches), Escape closes.
 */
export function SuggestBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const current = pathname === '/search' ? (params.get('q') ?? '') : '';
  const [query, setQuery] = useState(current);
  const [shown, setShown] = useState(current);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  // Follow the address when it changes (back/forward), not on every keystroke.
  if (shown !== current) {
    setShown(current);
    setQuery(current);
  }
  const typed = useDebounced(query.trim(), 120);
  const suggestions = useSuggestions(typed);

  const options: Option[] = [];
  const data = typed ? suggestions.data : undefined;
  for (const s of data?.titles ?? []) {
    options.push({ key: `t${s.id}`, group: 'titles', label: <Highlighted html={s.titleHtml} />, to: s.url });
  }
  for (const w of data?.works ?? []) {
    options.push({
      key: `w${w.id}`,
      group: 'works',
      label: (
        <>
          <span className="suggest__marker">{t('search.suggest.workMarker')}</span>{' '}
          <Highlighted html={w.titleHtml} />
        </>
      ),
      to: w.url,
    });
  }
  for (const u of data?.users ?? []) {
    options.push({
      key: `u${u.id}`,
      group: 'users',
      label: (
        <>
          {u.displayName} <span className="muted">@{u.handle}</span>
        </>
      ),
      to: `/u/${encodeURIComponent(u.handle)}`,
    });
  }
  for (const tag of data?.tags ?? []) {
    options.push({
      key: `g${tag.tag}`,
      group: 'tags',
      label: (
        <>
          #{tag.tag} <span className="muted">{tag.count}</span>
        </>
      ),
      to: `/tag/${encodeURIComponent(tag.tag)}`,
    });
  }
  for (const g of data?.groups ?? []) {
    options.push({ key: `r${g.id}`, group: 'groups', label: g.name, to: `/g/${encodeURIComponent(g.slug)}` });
  }
  if (query.trim()) {
    options.push({
      key: 'all',
      group: 'all',
      label: t('search.suggest.all', { q: query.trim() }),
      to: `/search?q=${encodeURIComponent(query.trim())}`,
    });
  }
  const expanded = open && options.length > 0;

  const go = (to: string) => {
    setOpen(false);
    setActive(-1);
    navigate(to);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = expanded && active >= 0 ? options[active] : undefined;
    if (chosen) {
      go(chosen.to);
    } else {
      go(`/search?q=${encodeURIComponent(query.trim())}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length === 0 ? -1 : (a + 1) % options.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options.length === 0 ? -1 : a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Escape' && expanded) {
      // The first Escape only closes the list; a search input's own Escape clears the text.
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const heading: Record<Option['group'], string> = {
    titles: t('search.suggest.topics'),
    works: t('search.suggest.works'),
    users: t('search.suggest.people'),
    tags: t('search.suggest.tags'),
    groups: t('search.suggest.groups'),
    all: '',
  };

  return (
    <form className="search" role="search" onSubmit={submit}>
      <label htmlFor="site-search" className="visually-hidden">
        {t('search.label')}
      </label>
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l4 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        id="site-search"
        className="search__input"
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" className="suggest" hidden={!expanded} aria-label={t('search.label')}>
        {options.map((o, i) => (
          <li
            key={o.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`suggest__option suggest__option--${o.group}`}
            data-group={
              heading[o.group] && (i === 0 || options[i - 1]?.group !== o.group)
                ? heading[o.group]
                : undefined
            }
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              go(o.to);
            }}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </form>
  );
}
