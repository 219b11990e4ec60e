import { useQuery } from '@tanstack/react-query';
import type { QuickReplyList } from '@valeo/contracts';
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
