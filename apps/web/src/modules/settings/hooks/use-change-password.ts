import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';

/** `POST /auth/password`: the signed-in user's own password; this session stays signed in. */
export function useChangePassword() {
  const api = useApi();
  return useMutation({ mutationFn: (request: ChangePasswordRequest) => api.post<void>('/auth/password', request) });
}
