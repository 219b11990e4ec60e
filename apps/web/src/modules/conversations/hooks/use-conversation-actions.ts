import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Conversation } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

export type ConversationAction = { kind: 'assign'; userId: string | null } | { kind: 'close' } | { kind: 'reopen' } | { kind: 'read' };

function request(action: ConversationAction): { path: string; body?: unknown } {
  if (action.kind === 'assign') return { path: 'assignment', body: { userId: action.userId } };
  return { path: action.kind };
}

/**
 * Assign, close, reopen, mark read. The answer is the updated conversation: it replaces the cached
 * one at once, and the lists refetch (a closed conversation leaves the "open" list).
 */
export function useConversationAction(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ConversationAction) => {
      const { path, body } = request(action);
      return api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/${path}`, body);
    },
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
    },
  });
}
