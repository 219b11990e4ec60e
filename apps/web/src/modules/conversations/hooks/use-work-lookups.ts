import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AssigneeList, Channel, DataPage } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** The pickers list this many people; beyond that, typing a name narrows the list on the server. */
export const ASSIGNEE_PAGE_SIZE = 50;

/**
 * `GET /assignees?q=…&limit=50`: who a conversation can be assigned to (by name), and who is online.
 * Kept with the users' keys, so user changes refresh it.
 */
export function useAssignees(q = '') {
  const api = useApi();
  const query = q.trim();
  return useQuery({
    queryKey: queryKeys.users.list({ assignees: query }),
    queryFn: () => api.get<AssigneeList>('/assignees', { q: query === '' ? undefined : query, limit: ASSIGNEE_PAGE_SIZE }),
    staleTime: 30_000,
    // The options stay while the next search loads.
    placeholderData: keepPreviousData,
  });
}

/**
 * A picker's people: the first page, or the matches of what was typed. `searchable` is true when the
 * tenant has more people than one page holds (or a search is on), so small teams see no search box.
 */
export function useAssigneeSearch() {
  const [query, setQuery] = useState('');
  const everyone = useAssignees('');
  const matches = useAssignees(query);
  const more = typeof matches.data?.nextCursor === 'string';
  return {
    query,
    setQuery,
    people: matches.data?.data ?? [],
    /** More matches than shown: type more of the name. */
    more,
    searchable: query !== '' || typeof everyone.data?.nextCursor === 'string',
    isFetching: matches.isFetching,
  };
}

/** `GET /channels` for the list's channel filter (a tenant has a handful of numbers). */
export function useChannelOptions() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.channels.list(),
    queryFn: () => api.get<DataPage<Channel>>('/channels', { limit: 100 }),
    staleTime: 5 * 60_000,
  });
}
