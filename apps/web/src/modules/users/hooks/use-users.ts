import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, User, UserPage } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** Tenants have tens of users: one page of the API's largest size shows them all. */
const USERS_PAGE_LIMIT = 100;

/** `GET /users` (admins only). */
export function useUsers() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.users.list(),
    queryFn: () => api.get<UserPage>('/users', { limit: USERS_PAGE_LIMIT }),
  });
}

export function useCreateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => api.post<User>('/users', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

/** `PATCH /users/:id`: role, active, a new password (reset) or name. */
export function useUpdateUser() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateUserRequest }) =>
      api.request<User>('PATCH', `/users/${encodeURIComponent(id)}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}
