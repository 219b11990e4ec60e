import type { Timestamp } from '../column-types.js';

/**
 * Tables of migration 0010-teams. A conversation's team is `conversations.team_id`; a channel's
 * default team is `auto_assignment.default_team_id` (both null = none).
 */
export interface TeamsTable {
  id: string;
  tenant_id: string;
  name: string;
  /** `name` trimmed, NFC and lower-cased; unique per tenant. */
  name_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  tenant_id: string;
  team_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface TeamsTables {
  teams: TeamsTable;
  team_members: TeamMembersTable;
}
