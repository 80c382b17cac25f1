import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SessionSync } from '@/lib/auth';
import { I18nProvider } from '@/lib/i18n';
import type { Locale } from '@/types/api';
import { LocaleSync } from './LocaleSync';
import { createQueryClient } from './queryClient';

export function Providers({
  children,
  queryClient,
  locale,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  locale?: Locale;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <SessionSync />
        <LocaleSync />
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
