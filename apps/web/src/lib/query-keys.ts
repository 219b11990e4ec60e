/**
 * Every TanStack Query key of the app, from one factory (Medusa's `queryKeysFactory`), so
 * invalidation after a live event names exactly what it means: `queryKeys.messages.list(id)`.
 */
function keysFor<const Scope extends string>(scope: Scope) {
  return {
    all: [scope] as const,
    lists: () => [scope, 'list'] as const,
    list: (params: string | Record<string, unknown> = {}) => [scope, 'list', params] as const,
    details: () => [scope, 'detail'] as const,
    detail: (id: string) => [scope, 'detail', id] as const,
  };
}

export const queryKeys = {
  session: ['session'] as const,
  conversations: keysFor('conversations'),
  messages: keysFor('messages'),
  channels: keysFor('channels'),
  quickReplies: keysFor('quick-replies'),
  templates: keysFor('templates'),
  users: keysFor('users'),
  labels: keysFor('labels'),
  teams: keysFor('teams'),
  contacts: keysFor('contacts'),
  notes: keysFor('notes'),
} as const;
