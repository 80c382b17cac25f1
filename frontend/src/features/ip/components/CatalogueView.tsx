import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '@/components/Button';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import {
  catalogueQuery,
  filtersFrom,
  useCatalogue,
  type CatalogueFilters,
  type CatalogueItem,
  type CatalogueSort,
} from '../api/ip';
import { FacetPanel } from './FacetPanel';
import '../ip.css';

/**
 * /ip: works open for adaptation; the filters live in the page's query string. app/ renders each
 * item (the work card and its rights come from the works feature).
 */
export function CatalogueView({ renderItem }: { renderItem: (item: CatalogueItem) => ReactNode }) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFrom(search);
  const cursor = search.get('cursor');
  const [q, setQ] = useState(filters.q);
  const query = useCatalogue(filters, cursor);
  const apply = (next: CatalogueFilters) => setSearch(new URLSearchParams(catalogueQuery(next)));
  return (
    <div className="ip-catalogue">
      <form
        role="search"
        className="ip-search"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...filters, q });
        }}
      >
        <label>
          {t('ip.search')} <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          {t('ip.sort')}{' '}
          <select
            value={filters.sort}
            onChange={(e) => apply({ ...filters, sort: e.target.value as CatalogueSort })}
          >
            <option value="">{t('ip.sort.default')}</option>
            <option value="relevance">{t('ip.sort.relevance')}</option>
            <option value="popular">{t('ip.sort.popular')}</option>
            <option value="new">{t('ip.sort.new')}</option>
          </select>
        </label>
        <Button type="submit">{t('ip.searchButton')}</Button>
      </form>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="ip-layout">
          <aside aria-label={t('ip.facets')}>
            <FacetPanel facets={query.data.facets} filters={filters} onChange={apply} />
          </aside>
          <section aria-label={t('ip.results')}>
            {query.data.rebuilding && (
              <p className="ip-rebuilding" role="status">
                {t('ip.rebuilding')}
              </p>
            )}
            {query.data.items.length === 0 ? (
              <EmptyState title={t('ip.empty')} />
            ) : (
              <ul className="ip-list">
                {query.data.items.map((item) => (
                  <li key={item.work.id}>{renderItem(item)}</li>
                ))}
              </ul>
            )}
            {query.data.nextCursor && (
              <Button
                variant="secondary"
                onClick={() => {
                  const next = new URLSearchParams(catalogueQuery(filters, query.data.nextCursor));
                  setSearch(next);
                }}
              >
                {t('ip.more')}
              </Button>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
