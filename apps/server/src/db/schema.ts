/**
 * The database shape, one source of truth for row types. Each area keeps its tables in
 * `tables/<area>.tables.ts`; this file only composes them.
 */
import type { JobsTables } from './tables/jobs.tables.js';
import type { TenancyTables } from './tables/tenancy.tables.js';
import type { MessagingTables } from './tables/messaging.tables.js';
import type { UsersTables } from './tables/users.tables.js';
import type { WorkManagementTables } from './tables/work-management.tables.js';
import type { LabelsNotesTables } from './tables/labels-notes.tables.js';
import type { QuickRepliesTables } from './tables/quick-replies.tables.js';
import type { TeamsTables } from './tables/teams.tables.js';

export interface Database extends JobsTables, TenancyTables, MessagingTables, UsersTables, WorkManagementTables, QuickRepliesTables, LabelsNotesTables, TeamsTables {}
