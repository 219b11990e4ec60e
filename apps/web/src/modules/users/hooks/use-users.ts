import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UpdateUserRequest, User, UserPage, UserRole, UserStatus } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** One page of the settings' user list; "Load more" asks for the next. */
export const USERS_PAGE_SIZE = 50;

/** What the admin narrowed the list to; empty / undefined = everyone. */
export type UserListFilters = { q: string; role?: UserRole | undefined; status?: UserStatus | undefined };

/** `GET /users` (admins only): keyset pages, oldest first, narrowed by search, role and status. */
export function useUsers(filters: UserListFilters) {
  const api = useApi();
  const params = { q: filters.q.trim() || undefined, role: filters.role, status: filters.status };
  return useInfiniteQuery({
    queryKey: queryKeys.users.list(params),
    queryFn: ({ pageParam }) => api.get<UserPage>('/users', { ...params, limit: USERS_PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The rows stay while the next search loads, instead of flashing "Loading".
    placeholderData: keepPreviousData,
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
