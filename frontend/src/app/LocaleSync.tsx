import { useEffect } from 'react';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';

/** A signed-in user's language is the one saved on the account, whatever this browser had. */
export function LocaleSync() {
  const { user } = useSession();
  const { setLocale } = useI18n();
  const saved = user?.locale;
  useEffect(() => {
    if (saved !== undefined) setLocale(saved);
  }, [saved, setLocale]);
  return null;
}
