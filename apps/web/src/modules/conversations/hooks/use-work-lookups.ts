import { useQuery } from '@tanstack/react-query';
import type { AssigneeList, Channel, DataPage } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** `GET /assignees`: who a conversation can be assigned to, and who is online. Kept with the users' keys, so user changes refresh it. */
export function useAssignees() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.users.list('assignees'),
    queryFn: () => api.get<AssigneeList>('/assignees'),
    staleTime: 30_000,
  });
}

/** `GET /channels` for the list's channel filter (a tenant has a handful of numbers). */
export function useChannelOptions() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.channels.list(),
    queryFn: () => api.get<DataPage<Channel>>('/channels', { limit: 100 }),
    staleTime: 5 * 60_000,
  });
}
