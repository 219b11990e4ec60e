import { timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

/**
 * Quick replies (canned responses) per tenant, unique by shortcut within the tenant. Also an index
 * for the message view's lookup of outbound media by the provider media id they were sent with.
 */
export const migration0008QuickReplies: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await db.schema
      .createTable('quick_replies')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
      .addColumn('shortcut', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('quick_replies_tenant_shortcut_unique', ['tenant_id', 'shortcut'])
      .execute();
    await db.schema.createIndex('media_provider_media_idx').on('media').columns(['tenant_id', 'provider_media_id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('media_provider_media_idx').execute();
    await db.schema.dropTable('quick_replies').execute();
  },
};
