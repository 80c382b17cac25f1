import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useUserWorks, useWorkList } from '../api/works';
import {
  WORK_LANGUAGES,
  WORK_RATINGS,
  WORK_SORTS,
  WORK_STATUSES,
  WORK_TYPES,
  type WorkFilters,
  type WorkSort,
} from '../api/types';
import { splitTags } from '../readerPrefs';
import { WorkCard } from './WorkCard';
import '../works.css';

/** Filters live in the address, so a filtered listing can be shared and bookmarked. */
export function filtersFromParams(params: URLSearchParams): WorkFilters {
  const sort = params.get('sort');
  const pick = <T extends string>(key: string, allowed: readonly T[]): T | '' => {
    const v = params.get(key);
    return v && (allowed as readonly string[]).includes(v) ? (v as T) : '';
  };
  return {
    tags: params.getAll('tag').flatMap(splitTags),
    excludeTags: params.getAll('excludeTag').flatMap(splitTags),
    type: pick('type', WORK_TYPES),
    language: pick('language', WORK_LANGUAGES),
    rating: pick('rating', WORK_RATINGS),
    status: pick('status', WORK_STATUSES),
    sort: sort && (WORK_SORTS as readonly string[]).includes(sort) ? (sort as WorkSort) : 'date',
    q: params.get('q') ?? '',
  };
}

export function paramsFromFilters(f: WorkFilters): URLSearchParams {
  const p = new URLSearchParams();
  f.tags.forEach((t) => p.append('tag', t));
  f.excludeTags.forEach((t) => p.append('excludeTag', t));
  for (const key of ['type', 'language', 'rating', 'status'] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (f.q) p.set('q', f.q);
  if (f.sort !== 'date') p.set('sort', f.sort);
  return p;
}

export function WorksListing() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const [include, setInclude] = useState(filters.tags.join(', '));
  const [exclude, setExclude] = useState(filters.excludeTags.join(', '));
  const [q, setQ] = useState(filters.q ?? '');
  const list = useWorkList(filters);

  const apply = (change: Partial<WorkFilters>) => setParams(paramsFromFilters({ ...filters, ...change }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ tags: splitTags(include), excludeTags: splitTags(exclude), q });
  };

  const works = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="works-listing">
      <form className="works-filters" onSubmit={submit} aria-label={t('works.filters.label')}>
        <TextField
          label={t('works.filters.include')}
          hint={t('works.filters.tagsHint')}
          value={include}
          onChange={(e) => setInclude(e.target.value)}
          name="tag"
        />
        <TextField
          label={t('works.filters.exclude')}
          value={exclude}
          onChange={(e) => setExclude(e.target.value)}
          name="excludeTag"
        />
        <TextField label={t('works.filters.q')} value={q} onChange={(e) => setQ(e.target.value)} name="q" />
        <SelectField
          label={t('works.field.type')}
          value={filters.type}
          onChange={(e) => apply({ type: e.target.value as WorkFilters['type'] })}
        >
          <option value="">{t('works.filters.any')}</option>
          {WORK_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`works.type.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('works.field.language')}
          value={filters.language}
          onChange={(e) => apply({ language: e.target.value as WorkFilters['language'] })}
        >
          <option value="">{t('works.filters.any')}</option>
          {WORK_LANGUAGES.map((v) => (
            <option key={v} value={v}>
              {t(`works.language.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('works.field.rating')}
          value={filters.rating}
          onChange={(e) => apply({ rating: e.target.value as WorkFilters['rating'] })}
        >
          <option value="">{t('works.filters.any')}</option>
          {WORK_RATINGS.map((v) => (
            <option key={v} value={v}>
              {t(`works.rating.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('works.field.status')}
          value={filters.status}
          onChange={(e) => apply({ status: e.target.value as WorkFilters['status'] })}
        >
          <option value="">{t('works.filters.any')}</option>
          {WORK_STATUSES.map((v) => (
            <option key={v} value={v}>
              {t(`works.status.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('works.filters.sort')}
          value={filters.sort}
          onChange={(e) => apply({ sort: e.target.value as WorkSort })}
        >
          {WORK_SORTS.map((v) => (
            <option key={v} value={v}>
              {t(`works.sort.${v}`)}
            </option>
          ))}
        </SelectField>
        <div className="works-filters__actions">
          <Button type="submit" variant="primary">
            {t('works.filters.apply')}
          </Button>
          {user && <ButtonLink to="/works/new">{t('works.new')}</ButtonLink>}
          {user && <ButtonLink to="/dashboard">{t('dashboard.link')}</ButtonLink>}
        </div>
      </form>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : works.length === 0 ? (
        <EmptyState title={t('works.empty')} />
      ) : (
        <div className="work-list">
          {works.map((w) => (
            <WorkCard key={w.id} work={w} />
          ))}
          {list.hasNextPage && (
            <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
              {t('works.more')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** The works tab of a profile: GET /users/{handle}/works as work cards. */
export function UserWorks({ handle }: { handle: string }) {
  const { t } = useI18n();
  const list = useUserWorks(handle);
  const works = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (works.length === 0) return <EmptyState title={t('works.user.empty', { handle })} />;
  return (
    <div className="work-list">
      {works.map((w) => (
        <WorkCard key={w.id} work={w} />
      ))}
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
          {t('works.more')}
        </Button>
      )}
    </div>
  );
}
