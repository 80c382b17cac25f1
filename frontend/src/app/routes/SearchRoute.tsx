import { useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';

export function SearchRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  return (
    <Page title={t('search.title')} lead={q ? t('search.query', { q }) : undefined}>
      <EmptyState title={t('search.soon.title')}>{t('search.soon.body')}</EmptyState>
    </Page>
  );
}
