import type { HubMigration } from './migration.js';

/**
 * Every migration in order. Names sort lexically; never rename or edit a landed migration,
 * add a new one.
 */
export const MIGRATIONS: Record<string, HubMigration> = {};
