import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactDetail, UpdateContactRequest } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** `GET /contacts/:id`: profile, labels, consent and the contact's conversations. */
export function useContact(id: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.contacts.detail(id), queryFn: () => api.get<ContactDetail>(`/contacts/${encodeURIComponent(id)}`) });
}

/** `PATCH /contacts/:id`; the answer replaces the cached contact. */
export function useUpdateContact(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateContactRequest) => api.request<ContactDetail>('PATCH', `/contacts/${encodeURIComponent(id)}`, body),
    onSuccess: (contact) => queryClient.setQueryData(queryKeys.contacts.detail(id), contact),
  });
}
