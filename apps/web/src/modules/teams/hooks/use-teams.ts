import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Conversation, CreateTeamRequest, Team, TeamList } from '@valeo/contracts';
import { useApi } from '../../../lib/api-context.js';
import { queryKeys } from '../../../lib/query-keys.js';

/** Every team of the tenant with its members, by name (a tenant has at most 100). */
export function useTeams() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.teams.lists(), queryFn: () => api.get<TeamList>('/teams'), staleTime: 60_000 });
}

/**
 * Create, rename, delete a team and add or remove members (admins, supervisors). Conversations show
 * team names, so they refetch too.
 */
export function useManageTeams() {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.teams.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
  };
  const path = (id: string) => `/teams/${encodeURIComponent(id)}`;
  return {
    create: useMutation({ mutationFn: (body: CreateTeamRequest) => api.post<Team>('/teams', body), onSuccess: refresh }),
    rename: useMutation({ mutationFn: ({ id, name }: { id: string; name: string }) => api.request<Team>('PATCH', path(id), { name }), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => api.request<undefined>('DELETE', path(id)), onSuccess: refresh }),
    member: useMutation({
      mutationFn: ({ id, userId, add }: { id: string; userId: string; add: boolean }) =>
        api.request<Team>(add ? 'PUT' : 'DELETE', `${path(id)}/members/${encodeURIComponent(userId)}`),
      onSuccess: refresh,
    }),
  };
}

/** `POST /conversations/:id/team`; the answer replaces the cached conversation and the lists refetch. */
export function useSetConversationTeam(conversationId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (teamId: string | null) => api.post<Conversation>(`/conversations/${encodeURIComponent(conversationId)}/team`, { teamId }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
    },
  });
}
