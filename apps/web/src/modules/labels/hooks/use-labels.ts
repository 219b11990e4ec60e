import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateLabelRequest, Label, LabelList } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

export type LabelTarget = 'conversation' | 'contact';

/** Every label of the tenant, by name (a tenant has at most 200). */
export function useLabels() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.labels.lists(), queryFn: () => api.get<LabelList>('/labels'), staleTime: 60_000 });
}

export function useCreateLabel() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLabelRequest) => api.post<Label>('/labels', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.labels.all }),
  });
}

/**
 * Attach (PUT) or detach (DELETE) a label on a conversation or contact. Both are idempotent; the
 * views that show the target's labels refetch afterwards.
 */
export function useToggleLabel(target: LabelTarget, targetId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ labelId, attach }: { labelId: string; attach: boolean }) =>
      api.request<LabelList>(attach ? 'PUT' : 'DELETE', `/${target}s/${encodeURIComponent(targetId)}/labels/${encodeURIComponent(labelId)}`),
    onSuccess: () => {
      if (target === 'conversation') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.detail(targetId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
      } else {
        void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.detail(targetId) });
      }
    },
  });
}
