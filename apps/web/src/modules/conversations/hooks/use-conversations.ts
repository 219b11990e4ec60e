import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Conversation, DataPage } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';
import { DEFAULT_FILTERS, toListQuery, type ConversationFilters } from '../utils/conversation-filters.js';

const PAGE_SIZE = 50;

/** `GET /conversations` with the list's filters: most recent activity first, keyset pages of 50. */
export function useConversations(filters: ConversationFilters = DEFAULT_FILTERS) {
  const api = useApi();
  const params = toListQuery(filters);
  return useInfiniteQuery({
    queryKey: queryKeys.conversations.list(params),
    queryFn: ({ pageParam }) => api.get<DataPage<Conversation>>('/conversations', { ...params, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useConversation(id: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.conversations.detail(id ?? ''),
    queryFn: () => api.get<Conversation>(`/conversations/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}
