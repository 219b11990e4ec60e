import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateQuickReplyRequest, QuickReply, QuickReplyList, UpdateQuickReplyRequest } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** The tenant's quick replies (at most 500), loaded when first needed and kept for a few minutes. */
export function useQuickReplies(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.quickReplies.list(),
    queryFn: () => api.get<QuickReplyList>('/quick-replies'),
    enabled,
    staleTime: 5 * 60_000,
    select: (list) => list.data,
  });
}

function useInvalidateOnSuccess() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.quickReplies.all });
}

/** `POST /quick-replies` (admins and supervisors). */
export function useCreateQuickReply() {
  const api = useApi();
  const onSuccess = useInvalidateOnSuccess();
  return useMutation({ mutationFn: (request: CreateQuickReplyRequest) => api.post<QuickReply>('/quick-replies', request), onSuccess });
}

/** `PATCH /quick-replies/:id`. */
export function useUpdateQuickReply() {
  const api = useApi();
  const onSuccess = useInvalidateOnSuccess();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateQuickReplyRequest }) =>
      api.request<QuickReply>('PATCH', `/quick-replies/${encodeURIComponent(id)}`, changes),
    onSuccess,
  });
}

/** `DELETE /quick-replies/:id`. */
export function useDeleteQuickReply() {
  const api = useApi();
  const onSuccess = useInvalidateOnSuccess();
  return useMutation({ mutationFn: (id: string) => api.request<void>('DELETE', `/quick-replies/${encodeURIComponent(id)}`), onSuccess });
}
