import { useQuery } from '@tanstack/react-query';
import type { ChannelTemplateList } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** The channel's APPROVED templates, from the provider; fetched only while the picker is open. */
export function useChannelTemplates(channelId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.templates.list({ channelId, status: 'APPROVED' }),
    queryFn: () => api.get<ChannelTemplateList>(`/channels/${encodeURIComponent(channelId)}/templates`, { status: 'APPROVED' }),
    enabled,
    staleTime: 60_000,
    select: (list) => list.data,
  });
}
