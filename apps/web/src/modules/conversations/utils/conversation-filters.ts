import type { ListConversationsQuery } from '@valeo/contracts';

/**
 * What the conversation list shows. One object, turned into the API query in one place, so a new
 * filter (labels, search) adds a field here and a line in `toListQuery`.
 */
export type ConversationFilters = {
  /** Mine / Unassigned / All tabs. */
  assignee: 'me' | 'unassigned' | 'all';
  status: 'open' | 'closed';
  /** null = every channel. */
  channelId: string | null;
  /** null = every team; `mine` = the teams I belong to; `none` = without a team; else a team id. */
  team: string | null;
  /** null = any label. */
  labelId: string | null;
  /** Search words ('' = no search). */
  q: string;
};

export const DEFAULT_FILTERS: ConversationFilters = { assignee: 'all', status: 'open', channelId: null, team: null, labelId: null, q: '' };

export const ASSIGNEE_TABS = ['me', 'unassigned', 'all'] as const;

/** The query string of `GET /conversations` (without paging). */
export function toListQuery(filters: ConversationFilters): Pick<ListConversationsQuery, 'assignee' | 'status' | 'channelId' | 'team' | 'label' | 'q'> {
  return {
    status: filters.status,
    ...(filters.assignee === 'all' ? {} : { assignee: filters.assignee }),
    ...(filters.channelId === null ? {} : { channelId: filters.channelId }),
    ...(filters.team === null ? {} : { team: filters.team }),
    ...(filters.labelId === null ? {} : { label: filters.labelId }),
    ...(filters.q === '' ? {} : { q: filters.q }),
  };
}
