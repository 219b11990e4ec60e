import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './app.js';
import { ApiClient, ApiError } from './lib/api-client.js';
import { ApiProvider } from './lib/api-context.js';
import { forgetSession } from './modules/auth/utils/forget-session.js';
import { I18nProvider } from './modules/i18n/components/i18n-provider.js';
import { registerServiceWorker } from './modules/pwa/utils/register-service-worker.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live events keep data fresh; a 4xx will not get better by asking again.
      staleTime: 30_000,
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
    },
  },
});

const api: ApiClient = new ApiClient({
  // The session ended (expired, revoked, signed out elsewhere): back to the sign-in page.
  onUnauthorized: () => forgetSession(queryClient, api),
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ApiProvider client={api}>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </ApiProvider>
    </I18nProvider>
  </StrictMode>,
);

registerServiceWorker();
