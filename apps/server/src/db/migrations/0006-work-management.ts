import type { Kysely } from 'kysely';
import { timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Work management in the inbox: who a conversation is assigned to, the per-channel
 * auto-assignment switch with its round-robin cursor, and the indexes the filtered
 * conversation list (mine / unassigned / status / channel) pages through.
 */
export const migration0006WorkManagement: HubMigration = {
  async up(db, dialect) {
    // A deleted user's conversations fall back to unassigned.
    await db.schema
      .alterTable('conversations')
      .addColumn('assignee_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .execute();
    await createListIndexes(db);
    await db.schema
      .createTable('auto_assignment')
      .addColumn('channel_id', 'text', (c) => c.primaryKey().references('channels.id').onDelete('cascade'))
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
      // The round-robin cursor: the agent who got the last conversation of this channel.
      .addColumn('last_user_id', 'text')
      .addColumn('updated_at', timestampType(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('auto_assignment_tenant_idx').on('auto_assignment').columns(['tenant_id', 'channel_id']).execute();
  },
  async down(db) {
    await db.schema.dropTable('auto_assignment').execute();
    for (const name of LIST_INDEXES) await db.schema.dropIndex(name).execute();
    await db.schema.alterTable('conversations').dropColumn('assignee_user_id').execute();
  },
};

const LIST_INDEXES = [
  'conversations_tenant_status_last_idx',
  'conversations_tenant_assignee_status_last_idx',
  'conversations_tenant_channel_status_last_idx',
] as const;

/**
 * Each list filter walks one index in (last_message_at desc, id desc) order, so a page costs
 * O(limit) however many conversations a tenant has. The inbox always sends a status (the
 * open/closed switch), so status sits before the sort key; `conversations_tenant_last_message_idx`
 * (0003) keeps serving the unfiltered list.
 */
async function createListIndexes(db: AnyDb): Promise<void> {
  const [byStatus, byAssignee, byChannel] = LIST_INDEXES;
  await db.schema.createIndex(byStatus).on('conversations').columns(['tenant_id', 'status', 'last_message_at', 'id']).execute();
  await db.schema.createIndex(byAssignee).on('conversations').columns(['tenant_id', 'assignee_user_id', 'status', 'last_message_at', 'id']).execute();
  await db.schema.createIndex(byChannel).on('conversations').columns(['tenant_id', 'channel_id', 'status', 'last_message_at', 'id']).execute();
}
