import { useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { useBoards } from '@/features/boards/api/getBoards';
import { SearchPage } from '@/features/search/components/SearchPage';

export function SearchRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const boards = useBoards();
  const q = (params.get('q') ?? '').trim();
  return (
    <Page
      title={q ? `${q} · ${t('search.title')}` : t('search.title')}
      heading={t('search.title')}
      width="wide"
    >
      <SearchPage boards={boards.data?.items ?? []} />
    </Page>
  );
}
