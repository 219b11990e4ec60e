import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ApiClient } from '../lib/api-client.js';
import { ApiProvider } from '../lib/api-context.js';
import { I18nProvider } from '../modules/i18n/components/i18n-provider.js';
import type { Locale } from '../modules/i18n/utils/translate.js';
import { fakeApi } from './fake-api.js';

export type RenderOptions = { api?: ApiClient; locale?: Locale; queryClient?: QueryClient };

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } } });
}

/** Renders inside the app's providers: i18n (English unless told), a fake API, a fresh QueryClient. */
export function renderWithProviders(ui: ReactElement, opts: RenderOptions = {}) {
  const queryClient = opts.queryClient ?? testQueryClient();
  const api = opts.api ?? fakeApi([]).client;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider initialLocale={opts.locale ?? 'en'}>
      <ApiProvider client={api}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ApiProvider>
    </I18nProvider>
  );
  return { ...render(ui, { wrapper }), queryClient };
}
