import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client.js';
import { queryKeys } from '../../../lib/query-keys.js';

/**
 * Back to "signed out": the CSRF token and every cached answer go (the next person may belong to
 * another tenant), and the session becomes null, which shows the sign-in page.
 */
export function forgetSession(queryClient: QueryClient, api: ApiClient): void {
  api.setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
  queryClient.setQueryData(queryKeys.session, null);
}
