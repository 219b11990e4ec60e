import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AutoAssignment, UpdateAutoAssignmentRequest } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

const keyOf = (channelId: string) => queryKeys.channels.detail(`${channelId}/auto-assignment`);

/** `GET /channels/:id/auto-assignment`. */
export function useAutoAssignment(channelId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keyOf(channelId),
    queryFn: () => api.get<AutoAssignment>(`/channels/${encodeURIComponent(channelId)}/auto-assignment`),
  });
}

/** `PUT /channels/:id/auto-assignment` (admins: `channels:manage`): the switch, and the default team when given. */
export function useSetAutoAssignment(channelId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAutoAssignmentRequest) => api.request<AutoAssignment>('PUT', `/channels/${encodeURIComponent(channelId)}/auto-assignment`, body),
    onSuccess: (setting) => queryClient.setQueryData(keyOf(channelId), setting),
  });
}
