import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateLabelRequest, Label, LabelList, UpdateLabelRequest } from '@valeo/contracts';
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

/** Rename/recolour or delete a label; the views that show labels refetch. */
export function useEditLabel() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.labels.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.all });
  };
  const update = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateLabelRequest }) => api.request<Label>('PATCH', `/labels/${encodeURIComponent(id)}`, changes),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.request<undefined>('DELETE', `/labels/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
  return { update, remove };
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
