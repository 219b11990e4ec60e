import type { HubMigration } from './migration.js';
import { migration0001Jobs } from './0001-jobs.js';
import { migration0002Tenancy } from './0002-tenancy.js';
import { messagingMigration } from './0003-messaging.js';
import { migration0004Outbox } from './0004-outbox.js';
import { migration0005Users } from './0005-users.js';
import { migration0006WorkManagement } from './0006-work-management.js';
import { migration0009UserDeactivation } from './0009-user-deactivation.js';
import { migration0007LabelsNotesSearch } from './0007-labels-notes-search.js';
import { migration0008QuickReplies } from './0008-quick-replies.js';
import { migration0010Teams } from './0010-teams.js';
import { migration0011AccentFoldedSearch } from './0011-accent-folded-search.js';
import { migration0013UserSearch } from './0013-user-search.js';

/**
 * Every migration in order. Names sort lexically; never rename or edit a landed migration,
 * add a new one.
 */
export const MIGRATIONS: Record<string, HubMigration> = {
  '0001-jobs': migration0001Jobs,
  '0002-tenancy': migration0002Tenancy,
  '0003-messaging': messagingMigration,
  '0004-outbox': migration0004Outbox,
  '0005-users': migration0005Users,
  '0006-work-management': migration0006WorkManagement,
  '0007-labels-notes-search': migration0007LabelsNotesSearch,
  '0008-quick-replies': migration0008QuickReplies,
  '0009-user-deactivation': migration0009UserDeactivation,
  '0010-teams': migration0010Teams,
  '0011-accent-folded-search': migration0011AccentFoldedSearch,
  '0013-user-search': migration0013UserSearch,
};
