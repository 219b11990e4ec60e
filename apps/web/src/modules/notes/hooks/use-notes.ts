import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Note, NotePage } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** The newest 50 private notes of a conversation. */
export function useNotes(conversationId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.notes.list(conversationId),
    queryFn: () => api.get<NotePage>(`/conversations/${encodeURIComponent(conversationId)}/notes`, { limit: 50 }),
  });
}

export function useAddNote(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post<Note>(`/conversations/${encodeURIComponent(conversationId)}/notes`, { text }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notes.list(conversationId) }),
  });
}
