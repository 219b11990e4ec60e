import type { BoolInt, Timestamp } from '../column-types.js';

/** Tables of migration 0006-work-management (the assignee itself is a column of `conversations`). */
export interface AutoAssignmentTable {
  /** One row per channel that was ever configured; no row = auto-assignment off. */
  channel_id: string;
  tenant_id: string;
  enabled: BoolInt;
  /** Round-robin cursor: the agent who got this channel's last conversation. */
  last_user_id: string | null;
  /** New conversations of the channel join this team (migration 0010); null = none. */
  default_team_id: string | null;
  updated_at: Timestamp;
}

export interface WorkManagementTables {
  auto_assignment: AutoAssignmentTable;
}
