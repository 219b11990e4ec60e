import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context.js';
import { forgetSession } from '../utils/forget-session.js';

/** Ends the session on the server, then forgets everything cached for this person. */
export function useSignOut() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => forgetSession(queryClient, api),
  });
}
