import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { BoardList } from '@/features/boards/components/BoardList';

export function BoardsRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('boards.title')} lead={t('boards.lead')} width="wide">
      <BoardList />
    </Page>
  );
}
