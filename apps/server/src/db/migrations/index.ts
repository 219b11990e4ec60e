import type { HubMigration } from './migration.js';
import { migration0001Jobs } from './0001-jobs.js';

/**
 * Every migration in order. Names sort lexically; never rename or edit a landed migration,
 * add a new one.
 */
export const MIGRATIONS: Record<string, HubMigration> = {
  '0001-jobs': migration0001Jobs,
};
