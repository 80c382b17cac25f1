import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { Providers } from '@/app/Providers';
import type { Locale } from '@/types/api';

/** Renders `ui` inside the app's providers and a router, in a fixed language. */
export function renderWithApp(
  ui: ReactElement,
  { locale = 'en', path = '/' }: { locale?: Locale; path?: string } = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <Providers queryClient={queryClient} locale={locale}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </Providers>,
  );
}
