import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import {
  hasCriteria,
  readParams,
  toQueryString,
  useSearch,
  type SearchItem,
  type SearchParams,
} from '../api/search';
import { Highlighted } from './Highlighted';
import type { BoardRef } from '@/types/api';
import './search.css';

/** A board the filter offers. */
export type BoardOption = Pick<BoardRef, 'slug' | 'nameZh' | 'nameEn'>;

function ResultItem({ item }: { item: SearchItem }) {
  const { t, locale } = useI18n();
  return (
    <li className="search-result" data-type={item.type}>
      <p className="search-result__kind muted">
        {t(`search.type.${item.type}`)}
        {item.type === 'post' && item.postNumber ? ` · ${t('search.reply', { n: item.postNumber })}` : ''}
      </p>
      <h2 className="search-result__title">
        <Link to={item.url}>
          <Highlighted html={item.titleHtml} />
        </Link>
      </h2>
      {item.snippetHtml && (
        <p className="search-result__snippet">
          <Highlighted html={item.snippetHtml} />
        </p>
      )}
      <p className="search-result__meta muted">
        {item.board && (
          <Link className="search-result__board" to={`/b/${encodeURIComponent(item.board.slug)}`}>
            {locale === 'zh-CN' ? item.board.nameZh : item.board.nameEn}
          </Link>
        )}
        {item.group && item.type !== 'group' && (
          <Link className="search-result__board" to={`/g/${encodeURIComponent(item.group.slug)}`}>
            {item.group.name}
          </Link>
        )}
        {item.author && item.type !== 'user' && <span>@{item.author.handle}</span>}
        {item.type === 'user' && item.author && <span>@{item.author.handle}</span>}
        {item.createdAt && <RelativeTime iso={item.createdAt} />}
      </p>
      {item.tags.length > 0 && (
        <ul className="search-result__tags">
          {item.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/tag/${encodeURIComponent(tag)}`}>#{tag}</Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Filters({
  value,
  onChange,
  boards,
}: {
  value: SearchParams;
  onChange: (next: SearchParams) => void;
  boards: readonly BoardOption[];
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (toQueryString(shown) !== toQueryString(value)) {
    setShown(value);
    setDraft(value);
  }
  const set = (name: keyof SearchParams) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(draft);
  };
  // Selects apply at once; text fields on submit.
  const choose = (name: keyof SearchParams) => (e: { target: { value: string } }) => {
    const next = { ...draft, [name]: e.target.value };
    setDraft(next);
    onChange(next);
  };
  return (
    <form className="search-filters" role="search" aria-label={t('search.filters')} onSubmit={submit}>
      <TextField label={t('search.words')} name="q" type="search" value={draft.q} onChange={set('q')} />
      <SelectField label={t('search.type')} name="type" value={draft.type} onChange={choose('type')}>
        <option value="">{t('search.type.all')}</option>
        <option value="topic">{t('search.type.topic')}</option>
        <option value="post">{t('search.type.post')}</option>
        <option value="user">{t('search.type.user')}</option>
        <option value="group">{t('search.type.group')}</option>
        <option value="work">{t('search.type.work')}</option>
      </SelectField>
      <SelectField label={t('search.board')} name="board" value={draft.board} onChange={choose('board')}>
        <option value="">{t('search.board.all')}</option>
        {boards.map((b) => (
          <option key={b.slug} value={b.slug}>
            {locale === 'zh-CN' ? b.nameZh : b.nameEn}
          </option>
        ))}
      </SelectField>
      <TextField label={t('search.group')} name="group" value={draft.group} onChange={set('group')} />
      <TextField
        label={t('search.author')}
        name="author"
        placeholder={t('search.author.placeholder')}
        value={draft.author}
        onChange={set('author')}
      />
      <TextField label={t('search.tag')} name="tag" value={draft.tag} onChange={set('tag')} />
      <TextField
        label={t('search.from')}
        name="from"
        type="date"
        value={draft.from}
        onChange={choose('from')}
      />
      <TextField label={t('search.to')} name="to" type="date" value={draft.to} onChange={choose('to')} />
      <SelectField label={t('search.sort')} name="sort" value={draft.sort} onChange={choose('sort')}>
        <option value="">{t('search.sort.relevance')}</option>
        <option value="newest">{t('search.sort.newest')}</option>
      </SelectField>
      <div className="search-filters__actions">
        <Button type="submit" variant="primary">
          {t('search.apply')}
        </Button>
      </div>
    </form>
  );
}

/** The search page: filters in the address, results with highlighted snippets. */
export function SearchPage({ boards = [] }: { boards?: readonly BoardOption[] }) {
  const { t } = useI18n();
  const [address, setAddress] = useSearchParams();
  const params = readParams(address);
  const results = useSearch(params);
  const apply = (next: SearchParams) => setAddress(new URLSearchParams(toQueryString(next)));

  let body;
  if (!hasCriteria(params)) {
    body = <EmptyState title={t('search.start.title')}>{t('search.start.body')}</EmptyState>;
  } else if (results.isPending) {
    body = <LoadingState />;
  } else if (results.isError) {
    body = <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  } else {
    const first = results.data.pages[0];
    const items = results.data.pages.flatMap((p) => p.items);
    const total = first?.total ?? items.length;
    const exact = first?.totalExact ?? true;
    const rebuilding = results.data.pages.some((p) => p.rebuilding);
    body = (
      <>
        {rebuilding && (
          <div className="search-rebuilding" role="status">
            <strong>{t('search.rebuilding.title')}</strong> {t('search.rebuilding.body')}
          </div>
        )}
        {items.length === 0 ? (
          <EmptyState title={t('search.empty.title')}>{t('search.empty.body')}</EmptyState>
        ) : (
          <>
            <p className="search-total muted" role="status">
              {t(!exact ? 'search.total.atLeast' : total === 1 ? 'search.total.one' : 'search.total', {
                count: total,
              })}
            </p>
            <ol className="search-results">
              {items.map((item) => (
                <ResultItem key={`${item.type}:${item.id}`} item={item} />
              ))}
            </ol>
            {results.hasNextPage && (
              <Button
                variant="secondary"
                busy={results.isFetchingNextPage}
                onClick={() => void results.fetchNextPage()}
              >
                {t('search.more')}
              </Button>
            )}
          </>
        )}
      </>
    );
  }
  return (
    <div className="search-page">
      <Filters value={params} onChange={apply} boards={boards} />
      <section className="search-page__results" aria-live="polite">
        {body}
      </section>
    </div>
  );
}
