import { useInfiniteQuery } from '@tanstack/react-query';
import type { DataPage, Message } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

const PAGE_SIZE = 50;

/**
 * `GET /conversations/:id/messages`: pages newest first; `fetchNextPage` loads *older* messages
 * (history backwards on scroll). Refetching after a live event walks the same cursors from the top.
 */
export function useMessages(conversationId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.messages.list(conversationId),
    queryFn: ({ pageParam }) =>
      api.get<DataPage<Message>>(`/conversations/${encodeURIComponent(conversationId)}/messages`, { limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
