import { timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

/**
 * Users can be deactivated instead of deleted (their name stays on what they did): a deactivated
 * user cannot sign in and has no live session. NULL = active.
 */
export const migration0009UserDeactivation: HubMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('users').addColumn('deactivated_at', timestampType(dialect)).execute();
  },
  async down(db) {
    await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
  },
};
