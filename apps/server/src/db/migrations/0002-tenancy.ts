import type { Kysely } from 'kysely';
import { jsonType, timestampType } from '../column-types.js';
import type { HubMigration } from './migration.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Ts = 'timestamptz' | 'text';

/**
 * Tenants, hashed API keys and channels (with sealed credentials). `channels.phone_number_id` is
 * unique across tenants because Meta's app-level webhook routes events by it (RELIABILITY §4.3).
 */
export const migration0002Tenancy: HubMigration = {
  async up(db, dialect) {
    const ts = timestampType(dialect);
    await createTenants(db, ts);
    await createApiKeys(db, ts, jsonType(dialect));
    await createChannels(db, ts);
  },
  async down(db) {
    await db.schema.dropTable('channels').execute();
    await db.schema.dropTable('api_keys').execute();
    await db.schema.dropTable('tenants').execute();
  },
};

async function createTenants(db: AnyDb, ts: Ts): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
}

async function createApiKeys(db: AnyDb, ts: Ts, json: 'jsonb' | 'text'): Promise<void> {
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', json, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('api_keys_tenant_idx').on('api_keys').columns(['tenant_id', 'id']).execute();
}

async function createChannels(db: AnyDb, ts: Ts): Promise<void> {
  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('phone_number_id', 'text', (c) => c.notNull().unique())
    .addColumn('waba_id', 'text', (c) => c.notNull())
    .addColumn('display_phone_number', 'text', (c) => c.notNull())
    .addColumn('graph_base_url', 'text')
    .addColumn('graph_api_version', 'text')
    .addColumn('sandbox', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credentials_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channels_tenant_idx').on('channels').columns(['tenant_id', 'id']).execute();
}
