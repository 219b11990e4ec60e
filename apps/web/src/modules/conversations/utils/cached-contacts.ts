import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ContactDetail } from '@valeo/contracts';
import { queryKeys } from '../../../lib/query-keys.js';

/**
 * The query keys of the contacts in the cache (the open side panel, and any still kept) that `shows`
 * something a live event changed. Events name a conversation or a label, not the contacts that show
 * it: asking the cache costs no request, and only those panels refetch.
 */
export function cachedContactKeys(queryClient: QueryClient, shows: (contact: ContactDetail) => boolean): QueryKey[] {
  return queryClient
    .getQueriesData<ContactDetail>({ queryKey: queryKeys.contacts.details() })
    .flatMap(([queryKey, contact]) => (contact !== undefined && shows(contact) ? [queryKey] : []));
}
