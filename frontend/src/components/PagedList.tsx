import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '@/lib/i18n';
import type { Page } from '@/types/api';
import { Button } from './Button';
import { ErrorState, LoadingState } from './States';

/**
 * A keyset-paged list: loading, error and empty states, the items, and "Load more" while the
 * server has a next cursor. `empty` is shown for an empty first page; `failed` (optional) replaces
 * the generic error state for a known failure, e.g. a hidden list's 403.
 */
export function PagedList<T>({
  query,
  render,
  empty,
  failed,
  label,
  className = 'paged-list',
}: {
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  render: (item: T) => ReactNode;
  empty: ReactNode;
  failed?: (error: unknown) => ReactNode | null;
  label?: string;
  className?: string;
}) {
  const { t } = useI18n();
  if (query.isPending) return <LoadingState />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (query.isError && items.length === 0) {
    return failed?.(query.error) ?? <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul className={className} aria-label={label}>
        {items.map(render)}
      </ul>
      {query.hasNextPage && (
        <div className="paged-list__more">
          <Button onClick={() => void query.fetchNextPage()} busy={query.isFetchingNextPage}>
            {t('topics.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
