import type { DirectoryPage, DirectorySearch, TeamMember } from '../users/index.js';

export type { TeamMember } from '../users/index.js';

/** Colleagues of a tenant (the users module's directory); another tenant's user is absent. */
export type TeamDirectory = {
  /** Any user of the tenant, deactivated ones included (names of past assignees). */
  byIds(tenantId: string, ids: readonly string[]): Promise<Map<string, TeamMember>>;
  /** The active users: who can be assigned and who is in the rotation. */
  all(tenantId: string): Promise<TeamMember[]>;
  /** The active users by name, searched and paged (the assignee and team member pickers). */
  search(tenantId: string, opts?: DirectorySearch): Promise<DirectoryPage>;
};

/**
 * Who is online right now. Today: users with an open live-events (SSE) stream to this process
 * (inbox-realtime). A scaled deployment replaces it with a shared implementation (e.g. Redis
 * presence keys) without touching the assignment code.
 */
export type Presence = {
  onlineUserIds(tenantId: string): ReadonlySet<string>;
};
