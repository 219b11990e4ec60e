import { useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '@valeo/contracts';
import { ApiError, type ApiClient } from '../../../lib/api-client.js';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** `GET /auth/me`: the signed-in person, or null when there is no valid session (401). */
export async function fetchSession(api: ApiClient): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/me');
    api.setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      api.setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Changes only on sign-in, sign-out or a 401 (the ApiClient's onUnauthorized resets it). */
export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => fetchSession(api), staleTime: Number.POSITIVE_INFINITY, retry: false });
}
