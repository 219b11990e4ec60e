import { ASSIGNABLE_ROLES, type AssigneeList, type ListAssigneesQuery } from '@valeo/contracts';
import { decodeCursor, encodeCursor } from '../../core/pagination-cursor.js';
import type { Presence, TeamDirectory } from './team.js';

/**
 * `GET /assignees`: the active users a conversation can go to, by name, each marked online or not.
 * The role filter runs in the query, so a page is full even when many users cannot be assigned.
 */
export async function listAssignees(deps: { team: TeamDirectory; presence: Presence }, tenantId: string, query: ListAssigneesQuery): Promise<AssigneeList> {
  const after = decodeCursor(query.cursor, ['key', 'id']);
  const page = await deps.team.search(tenantId, { q: query.q, roles: ASSIGNABLE_ROLES, limit: query.limit, after });
  const online = deps.presence.onlineUserIds(tenantId);
  return {
    data: page.members.map((m) => ({ id: m.id, name: m.name, role: m.role, online: online.has(m.id) })),
    nextCursor: page.next ? encodeCursor(page.next) : null,
  };
}
