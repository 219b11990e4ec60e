import { timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

/**
 * Teams per tenant and their members; the optional team of a conversation (with the list index for
 * `team=<id>` / `team=mine`) and the optional default team of a channel (next to its auto-assignment switch).
 * Deleting a team leaves its conversations without a team and its channels without a default team.
 */
export const migration0010Teams: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      // Lower-cased name: "Support" and "support" are the same team.
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('teams_tenant_name_unique', ['tenant_id', 'name_key'])
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
      .execute();
    // "My teams" (the list filter and the agent's team rules) looks members up by user.
    await db.schema.createIndex('team_members_tenant_user_idx').on('team_members').columns(['tenant_id', 'user_id', 'team_id']).execute();

    await db.schema.alterTable('conversations').addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null')).execute();
    // Like the other list filters (0006): the team, then status, then the keyset (last_message_at, id).
    await db.schema
      .createIndex('conversations_tenant_team_status_last_idx')
      .on('conversations')
      .columns(['tenant_id', 'team_id', 'status', 'last_message_at', 'id'])
      .execute();
    await db.schema.alterTable('auto_assignment').addColumn('default_team_id', 'text', (c) => c.references('teams.id').onDelete('set null')).execute();
  },
  async down(db) {
    await db.schema.alterTable('auto_assignment').dropColumn('default_team_id').execute();
    await db.schema.dropIndex('conversations_tenant_team_status_last_idx').execute();
    await db.schema.alterTable('conversations').dropColumn('team_id').execute();
    await db.schema.dropTable('team_members').execute();
    await db.schema.dropTable('teams').execute();
  },
};
