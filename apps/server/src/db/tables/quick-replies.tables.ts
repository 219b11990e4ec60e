import type { Timestamp } from '../column-types.js';

/** Table of migration 0008-quick-replies: canned responses, unique by (tenant_id, shortcut). */
export interface QuickRepliesTable {
  id: string;
  tenant_id: string;
  shortcut: string;
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuickRepliesTables {
  quick_replies: QuickRepliesTable;
}
