import { Page } from '@/components/Page';
import { LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { BookmarkList } from '@/features/bookmarks/components/BookmarkList';
import { SignInPrompt } from './SignInPrompt';

export function BookmarksRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('bookmarks.title')} lead={user ? t('bookmarks.lead') : undefined}>
      {user ? <BookmarkList /> : <SignInPrompt title={t('bookmarks.signedOut')} />}
    </Page>
  );
}
